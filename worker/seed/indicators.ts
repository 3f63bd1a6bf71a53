/**
 * Demo indicators: a few next-step actions from Birmingham's self-assessment measured by
 * the demo's surveys, each with a value recorded as evidence, and a published "you said,
 * we did" page for the memorial survey. Made-up, like the rest of the demo. Runs after the
 * charter seed (worker/seed/charter.ts), finding its actions by their words.
 */
import { and, eq, sql } from 'drizzle-orm';
import { actions, networks, surveys as surveysTable } from '../../schema/tables';
import type { Membership } from '../accounts/authz';
import { SYSTEM } from '../audit/service';
import type { Db } from '../db';
import * as indicators from '../evidence/indicators';
import * as outcomes from '../evidence/outcomes';

/** [words in the action's title, the indicator]. */
const PLAN: [string, Record<string, unknown>][] = [
  ['showcasing the work of compassionate employers', { label: 'Employers who have answered the employer survey', survey: 'employers', metric: 'organisations', target: 25 }],
  ['showcasing the work of compassionate employers', { label: 'Workplaces with a bereavement or compassionate leave policy', survey: 'employers', metric: 'share', question: 'policies_in_place', options: ['policy_bereavement'], target: 75 }],
  ['experience of memorials', { label: 'Residents who have told us about memorials', survey: 'memorials', metric: 'responses', target: 200 }],
  ['experience of memorials', { label: 'Say a place to remember someone is quite or very important', survey: 'memorials', metric: 'share', question: 'place_to_remember_importance', options: ['quite_important', 'very_important'] }],
  ['nursing home survey', { label: 'Care homes that have answered the community survey', survey: 'care-homes', metric: 'organisations', target: 20 }],
  ['people who are homeless about what a Compassionate City', { label: 'People without a home who have had their say', survey: 'homelessness', metric: 'responses', target: 50 }],
  ['what a Compassionate City means to the prison community', { label: 'People in prison who have had their say', survey: 'prisons', metric: 'responses', target: 50 }]
];

export async function seedIndicators(db: Db, networkId: string): Promise<void> {
  const network = await db.select().from(networks).where(eq(networks.id, networkId)).get();
  if (!network) return;
  const admin: Membership[] = [{ networkId, networkSlug: network.slug, networkName: network.name, role: 'admin' }];
  for (const [words, input] of PLAN) {
    const action = await db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.networkId, networkId), sql`instr(${actions.title}, ${words}) > 0`))
      .get();
    if (!action) continue;
    const id = await indicators.create(db, SYSTEM, admin, network.slug, action.id, input);
    await indicators.snapshot(db, SYSTEM, admin, network.slug, action.id, id);
  }
  const memorials = await db.select().from(surveysTable).where(and(eq(surveysTable.networkId, networkId), eq(surveysTable.slug, 'memorials'))).get();
  if (memorials)
    await outcomes.save(db, SYSTEM, memorials, {
      youSaid:
        'Many of you told us that having a place to go to remember someone matters a great deal, and that you would like more of them near where you live: in parks, green spaces and places of worship.\n\nSome of you told us that the cost of a funeral was a real worry.',
      weDid:
        'We are reviewing parks and green spaces as places for public memorials with the council, and working with funeral directors and faith groups on help with funeral costs.\n\n(This is made-up demo text.)',
      publish: true
    });
}
