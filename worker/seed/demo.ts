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
import { seedIndicators } from './indicators';
import { random, syntheticAnswers } from './synthetic';
import { seedDemoReviews } from './reviews';
import { seedCharter } from './charter';
import { seedDemoAmbitions } from './ambitions';
import * as links from '../links/service';
import { links as linksTable, cards as cardsTable } from '../../schema/tables';
import { and, eq, isNull, sql } from 'drizzle-orm';

const ONLINE: links.Source = { mode: 'online', linkId: null, enteredBy: null, organisation: null, card: false, kiosk: null };

/** A way a demo response arrives: its source, and for invitations and cards the response ids they reserve. */
type Way = { source: links.Source; reserved?: string[] };

/**
 * The demo's links, kiosks, invitations and cards for one survey, as the network would set
 * them up, and the ways its made-up responses arrive (weighted by repetition).
 */
async function demoWays(db: Db, pepper: string, networkId: string, slug: string, members: Record<string, string>): Promise<Way[]> {
  const link = async (kind: 'public' | 'kiosk', label: string, area: string): Promise<Way> => {
    const l = await links.createLink(db, audit.SYSTEM, networkId, slug, { kind, label, area });
    return { source: { ...ONLINE, mode: kind === 'kiosk' ? 'kiosk' : 'online', linkId: l.id, kiosk: kind === 'kiosk' ? l.code : null } };
  };
  const paper: Way = { source: { ...ONLINE, mode: 'paper', enteredBy: members['data-entry'] ?? null } };
  const assisted: Way = { source: { ...ONLINE, mode: 'assisted', enteredBy: members.editor ?? null } };
  const own: Way = { source: ONLINE };
  switch (slug) {
    case 'memorials': {
      const poster = await link('public', 'QR poster, Hall of Memory', 'City centre');
      const library = await link('public', 'Library display, Library of Birmingham', 'City centre');
      const kiosk = await link('kiosk', 'Kiosk, Remembrance event at Key Hill', 'Hockley');
      return [poster, poster, poster, library, library, kiosk, own, paper];
    }
    case 'homelessness': {
      const dropIn = await link('public', "Drop-in, St Anne's", 'Digbeth');
      const pack = await links.createPack(db, audit.SYSTEM, networkId, slug, { label: 'Night shelter cards', area: 'Digbeth', count: 24 });
      const reserved = (await db.select({ r: cardsTable.responseId }).from(cardsTable).where(and(eq(cardsTable.linkId, pack.id), isNull(cardsTable.usedAt))).all()).map((c) => c.r!);
      return [dropIn, { source: { ...ONLINE, linkId: pack.id, card: true }, reserved: reserved.slice(0, 12) }, assisted];
    }
    case 'prisons':
      await links.createPack(db, audit.SYSTEM, networkId, slug, { label: 'HMP Birmingham visitors centre', area: 'Winson Green', count: 16 });
      return [paper, paper, paper, assisted];
    case 'employers':
    case 'care-homes': {
      await links.createInvitations(db, audit.SYSTEM, networkId, slug, { kinds: links.defaultKinds(slug) });
      const survey = (await surveys.findBySlug(db, slug))!;
      const invited = await db.select().from(linksTable).where(and(eq(linksTable.surveyId, survey.id), eq(linksTable.kind, 'organisation'))).all();
      // About half the invited organisations have sent their answers; others answered through the open address.
      const ways: Way[] = invited
        .filter((_, k) => k % 2 === 0)
        .map((l) => ({ source: { ...ONLINE, linkId: l.id, organisation: l.label }, reserved: [l.responseId!] }));
      return [...ways, own, own];
    }
    default:
      return [own];
  }
}

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
  const memberIds: Record<string, string> = {};
  for (const m of DEMO_MEMBERS) memberIds[m.role] = await accounts.createMember(db, opts.pepper, { networkId: network.id, ...m, password: DEMO_PASSWORD });
  for (const o of DEMO_ORGANISATIONS) await organisations.create(db, audit.SYSTEM, network.id, o);
  for (const [i, t] of templates.entries()) {
    const survey = await surveys.create(db, { networkId: network.id, slug: t.slug, definition: t.definition });
    const { version } = await surveys.publish(db, survey.id);
    const ways = await demoWays(db, opts.pepper, network.id, t.slug, memberIds);
    // Made-up responses so every results page shows something, small suppressed groups included,
    // spread over the demo's links, invitations, cards and paper the way they would really arrive.
    const rand = random(2026 + i);
    for (let n = 0; n < DEMO_RESPONSES[t.slug]; n++) {
      const way = ways[Math.floor(rand() * ways.length)];
      const reserved = way.reserved?.shift();
      await responses.complete(db, {
        surveyId: survey.id,
        version,
        definition: t.definition,
        responseId: reserved ?? crypto.randomUUID(),
        language: 'en',
        source: reserved || !way.reserved ? way.source : ONLINE,
        submittedBy: way.source.organisation ? 'Demo respondent (made-up)' : null,
        answers: syntheticAnswers(t.definition, rand)
      });
    }
  }
  await spreadOverMonths(db, network.id);
  // Made-up review decisions and themes, so the review queues and the results' quotes show something.
  await seedDemoReviews(db, network.id);
  // Made-up statuses and evidence on Birmingham's charter standards and next steps.
  await seedCharter(db, network.id);
  // Indicators on some of those next steps, measured by the demo surveys, and a "you said, we did" page.
  await seedIndicators(db, network.id);
  await seedDemoAmbitions(db, network.id); // the published example Ambitions self-assessment
  return { seeded: true, network: network.name, surveys: slugs };
}

/**
 * Made-up responses arrive over the last six months, not all at the moment of seeding, so
 * results can be filtered by month. Deterministic: the day comes from the response id.
 */
async function spreadOverMonths(db: Db, networkId: string): Promise<void> {
  await db.run(sql`UPDATE responses SET
      completed_at = strftime('%Y-%m-%dT%H:%M:%fZ', completed_at, '-' || (abs(unicode(substr(id, 1, 1)) * 31 + unicode(substr(id, 2, 1)) * 7 + unicode(substr(id, 3, 1))) % 180) || ' days'),
      started_at = strftime('%Y-%m-%dT%H:%M:%fZ', completed_at, '-' || (abs(unicode(substr(id, 1, 1)) * 31 + unicode(substr(id, 2, 1)) * 7 + unicode(substr(id, 3, 1))) % 180) || ' days', '-9 minutes')
    WHERE status = 'complete' AND survey_id IN (SELECT id FROM surveys WHERE network_id = ${networkId})`);
}
