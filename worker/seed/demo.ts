/**
 * The demo network that `npm start` seeds on first run: clearly marked as made-up data,
 * with the five templates published, a member for each role and a register of made-up
 * organisations. Seeding twice changes nothing.
 */
import { templates } from '../../schema/templates';
import type { Role } from '../accounts/authz';
import * as accounts from '../accounts/service';
import * as audit from '../audit/service';
import type { Db } from '../db';
import * as networks from '../networks/service';
import * as organisations from '../organisations/service';
import * as responses from '../responses/service';
import * as surveys from '../surveys/service';
import { DEMO_ORGANISATIONS } from './organisations';
import { random, syntheticAnswers } from './synthetic';

/** How many made-up responses each demo survey gets. */
const DEMO_RESPONSES: Record<string, number> = { employers: 48, 'care-homes': 36, memorials: 90, homelessness: 24, prisons: 30 };

/** Slug of the demo network. */
export const DEMO_NETWORK = 'birmingham-demo';
/** The demo members' shared password (demo data only; printed by `npm start`). */
export const DEMO_PASSWORD = 'compassion-demo-2026';
/** One demo member per role. */
export const DEMO_MEMBERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@birmingham-demo.example', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@birmingham-demo.example', name: 'Demo Survey Lead', role: 'editor' },
  { email: 'reviewer@birmingham-demo.example', name: 'Demo Reviewer', role: 'reviewer' },
  { email: 'data-entry@birmingham-demo.example', name: 'Demo Data Entry', role: 'data-entry' }
];

/** Seed the demo network if it is not there yet. */
export async function seedDemo(db: Db, opts: { pepper: string }): Promise<{ seeded: boolean; network: string; surveys: string[] }> {
  const existing = await networks.findBySlug(db, DEMO_NETWORK);
  const slugs = templates.map((t) => t.slug);
  if (existing) return { seeded: false, network: existing.name, surveys: slugs };
  const network = await networks.create(db, {
    slug: DEMO_NETWORK,
    name: 'Birmingham Compassionate City Network',
    isDemo: true
  });
  for (const [i, t] of templates.entries()) {
    const survey = await surveys.create(db, { networkId: network.id, slug: t.slug, definition: t.definition });
    const { version } = await surveys.publish(db, survey.id);
    // Made-up responses so every results page shows something, small suppressed groups included.
    const rand = random(2026 + i);
    for (let n = 0; n < DEMO_RESPONSES[t.slug]; n++)
      await responses.complete(db, {
        surveyId: survey.id,
        version,
        definition: t.definition,
        responseId: crypto.randomUUID(),
        language: 'en',
        mode: 'online',
        answers: syntheticAnswers(t.definition, rand)
      });
  }
  for (const m of DEMO_MEMBERS) await accounts.createMember(db, opts.pepper, { networkId: network.id, ...m, password: DEMO_PASSWORD });
  for (const o of DEMO_ORGANISATIONS) await organisations.create(db, audit.SYSTEM, network.id, o);
  return { seeded: true, network: network.name, surveys: slugs };
}
