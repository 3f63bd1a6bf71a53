/**
 * Evidence on a next-step action, dated and attributed. This module records links (https
 * only) and notes; snapshots of indicators and quotes are recorded elsewhere. Evidence is
 * never changed once written (the `evidence_frozen` trigger refuses it): to correct an
 * item, add a new one.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { evidence } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { line, parse, text } from './input';
import { find as findAction } from './actions';

export type Evidence = typeof evidence.$inferSelect;

const httpsUrl = z
  .string({ error: (i) => (i.input === undefined ? 'is required for a link' : 'must be text') })
  .trim()
  .min(1, 'is required for a link: paste the address, starting https://')
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => {
    if (s === '') return true;
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password && !/\s/.test(s);
    } catch {
      return false;
    }
  }, 'must be a web address starting https://');

const title = line(200).min(1, 'is required: say what this is');

/** A link or a note, as an editor adds it. */
export const EvidenceInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('link'), title, url: httpsUrl, body: text(5000).default('') }),
    z.object({ kind: z.literal('note'), title, body: text(5000, 'is required: write the note') })
  ],
  { error: 'must be a link or a note' }
);

/** Add a link or a note to an action of the network. */
export async function add(db: Db, actor: Actor, networkId: string, actionId: string, input: unknown): Promise<Evidence> {
  const data = parse(EvidenceInput, input, 'The evidence has problems');
  const action = await findAction(db, networkId, actionId);
  const id = crypto.randomUUID();
  const [inserted] = await db.batch([
    db
      .insert(evidence)
      .values({
        id,
        networkId,
        actionId: action.id,
        kind: data.kind,
        title: data.title,
        body: data.body,
        url: data.kind === 'link' ? data.url : null,
        recordedBy: actor.userId,
        recordedByEmail: actor.email
      })
      .returning(),
    entry(db, actor, networkId, `evidence.${data.kind}`, data.title, { id, actionId })
  ]);
  return inserted[0];
}

/** The evidence on some actions of the network, newest first. */
export async function listForActions(db: Db, networkId: string, actionIds: string[]): Promise<Evidence[]> {
  if (actionIds.length === 0) return [];
  return db
    .select()
    .from(evidence)
    .where(and(eq(evidence.networkId, networkId), inArray(evidence.actionId, actionIds)))
    .orderBy(desc(evidence.recordedAt), desc(evidence.id))
    .all();
}
