/**
 * Next-step actions under a charter standard: title, owner, status, target date, the
 * community's part (done to / with / by) and notes. Editors and admins create and edit
 * them (`evidence:manage`); every write is audited in the same batch.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { ACTION_STATUSES, actions, PARTICIPATION } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { NotFound } from '../errors';
import { line, optionalEnum, parse, text } from './input';
import { find as findStandard } from './standards';

export type Action = typeof actions.$inferSelect;

/** An action as an editor describes it. */
export const ActionInput = z.object({
  title: text(500, 'is required: say what will be done'),
  owner: line(200).default(''),
  status: z.enum(ACTION_STATUSES, { error: 'must be not started, planned, in progress or done' }).default('not_started'),
  target_date: z
    .union([z.literal(''), z.iso.date({ error: 'must be a date, like 2026-12-31' })], { error: 'must be a date, like 2026-12-31' })
    .nullish()
    .transform((v) => v || null),
  participation: optionalEnum(PARTICIPATION, 'must be done to, done with or done by the community'),
  notes: text(5000).default('')
});

/** The actions of one standard, in order. */
export async function listForStandard(db: Db, networkId: string, standardId: string): Promise<Action[]> {
  return db
    .select()
    .from(actions)
    .where(and(eq(actions.networkId, networkId), eq(actions.standardId, standardId)))
    .orderBy(asc(actions.position), asc(actions.createdAt))
    .all();
}

/** One action of the network; NotFound for anything else. */
export async function find(db: Db, networkId: string, id: string): Promise<Action> {
  const row = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, id), eq(actions.networkId, networkId)))
    .get();
  if (!row) throw new NotFound('There is no such action in this network');
  return row;
}

const columns = (d: z.infer<typeof ActionInput>) => ({
  title: d.title,
  owner: d.owner,
  status: d.status,
  targetDate: d.target_date,
  participation: d.participation,
  notes: d.notes
});

/** Add a next-step action to a standard of the network (after its others). */
export async function create(db: Db, actor: Actor, networkId: string, standardId: string, input: unknown): Promise<Action> {
  const data = parse(ActionInput, input, 'The action has problems');
  await findStandard(db, networkId, standardId);
  const last = await db.select({ p: max(actions.position) }).from(actions).where(eq(actions.standardId, standardId)).get();
  const id = crypto.randomUUID();
  const [inserted] = await db.batch([
    db
      .insert(actions)
      .values({ id, networkId, standardId, position: (last?.p ?? 0) + 1, ...columns(data) })
      .returning(),
    entry(db, actor, networkId, 'action.create', data.title, { id, standardId, status: data.status })
  ]);
  return inserted[0];
}

/** Change an action (every field as given). */
export async function update(db: Db, actor: Actor, networkId: string, id: string, input: unknown): Promise<Action> {
  const data = parse(ActionInput, input, 'The action has problems');
  const old = await find(db, networkId, id);
  const [updated] = await db.batch([
    db
      .update(actions)
      .set({ ...columns(data), updatedAt: new Date().toISOString() })
      .where(and(eq(actions.id, id), eq(actions.networkId, networkId)))
      .returning(),
    entry(db, actor, networkId, 'action.update', data.title, { id, standardId: old.standardId, status: data.status, was: old.status })
  ]);
  return updated[0];
}
