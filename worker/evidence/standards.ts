/**
 * Charter standards of a network, their self-assessments per period, and the overview
 * that puts them together with their next-step actions and evidence counts.
 *
 * Every query is scoped by the network the caller was authorised in (the page or route
 * calls `networkAccess` first): an id from another network is NotFound, and nothing changes.
 * Admins edit the wording (`standards:manage`): each edit bumps `version` and keeps the
 * wording it replaces in `standard_revisions`, in the same batch as the audit entry.
 */
import { and, asc, count, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import { actions, evidence, PARTICIPATION, standardAssessments, standardRevisions, standards } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { Conflict, NotFound } from '../errors';
import { line, optionalEnum, parse, text } from './input';

export type Standard = typeof standards.$inferSelect;
export type Assessment = typeof standardAssessments.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type Participation = (typeof PARTICIPATION)[number];

/** A standard's wording as an admin writes it. */
export const StandardInput = z.object({
  sector: line(80).min(1, 'is required: say which sector, like "Workplaces"'),
  title: text(600, 'is required: the standard as the charter words it'),
  description: text(2000).default('')
});

/** A self-assessment of one standard for one period. */
export const AssessmentInput = z.object({
  period: line(20)
    .min(1, 'is required, like "2022"')
    .regex(/^$|^[0-9A-Za-z][0-9A-Za-z /–-]*$/, 'must be a year or a short period name, like "2022" or "2022-23"'),
  in_place: text(5000).default(''),
  gaps: text(5000).default(''),
  participation: optionalEnum(PARTICIPATION, 'must be done to, done with or done by the community')
});

/** An action with how many evidence items it has. */
export type ActionSummary = Action & { evidenceCount: number };
/** A standard with its latest assessment and its actions. */
export type StandardSummary = Standard & { assessment: Assessment | null; actions: ActionSummary[] };

/** The network's current standards (retired ones left out) by sector, each with its latest assessment and its actions. */
export async function overview(db: Db, networkId: string): Promise<{ sector: string; standards: StandardSummary[] }[]> {
  const rows = await db
    .select()
    .from(standards)
    .where(and(eq(standards.networkId, networkId), isNull(standards.retiredAt)))
    .orderBy(asc(standards.position), asc(standards.createdAt))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((s) => s.id);
  const [assessments, actionRows, counts] = await Promise.all([
    db.select().from(standardAssessments).where(inArray(standardAssessments.standardId, ids)).orderBy(desc(standardAssessments.period)).all(),
    db.select().from(actions).where(eq(actions.networkId, networkId)).orderBy(asc(actions.position), asc(actions.createdAt)).all(),
    db.select({ actionId: evidence.actionId, n: count() }).from(evidence).where(eq(evidence.networkId, networkId)).groupBy(evidence.actionId).all()
  ]);
  const countOf = new Map(counts.map((c) => [c.actionId, c.n]));
  const sectors = new Map<string, StandardSummary[]>();
  for (const s of rows) {
    const summary: StandardSummary = {
      ...s,
      assessment: assessments.find((a) => a.standardId === s.id) ?? null,
      actions: actionRows.filter((a) => a.standardId === s.id).map((a) => ({ ...a, evidenceCount: countOf.get(a.id) ?? 0 }))
    };
    sectors.set(s.sector, [...(sectors.get(s.sector) ?? []), summary]);
  }
  return [...sectors].map(([sector, list]) => ({ sector, standards: list }));
}

/** One standard of the network (retired or not); NotFound for anything else. */
export async function find(db: Db, networkId: string, id: string): Promise<Standard> {
  const row = await db
    .select()
    .from(standards)
    .where(and(eq(standards.id, id), eq(standards.networkId, networkId)))
    .get();
  if (!row) throw new NotFound('There is no such standard in this network');
  return row;
}

/** One standard with its earlier wordings (newest first) and every period's assessment (latest period first). */
export async function detail(db: Db, networkId: string, id: string) {
  const standard = await find(db, networkId, id);
  const [revisions, assessments] = await Promise.all([
    db.select().from(standardRevisions).where(eq(standardRevisions.standardId, id)).orderBy(desc(standardRevisions.version)).all(),
    db.select().from(standardAssessments).where(eq(standardAssessments.standardId, id)).orderBy(desc(standardAssessments.period)).all()
  ]);
  return { standard, revisions, assessments };
}

/** Add a standard (admins): it goes after the network's others. */
export async function create(db: Db, actor: Actor, networkId: string, input: unknown): Promise<Standard> {
  const data = parse(StandardInput, input, 'The standard has problems');
  const last = await db.select({ p: max(standards.position) }).from(standards).where(eq(standards.networkId, networkId)).get();
  const id = crypto.randomUUID();
  const [inserted] = await db.batch([
    db
      .insert(standards)
      .values({ id, networkId, sector: data.sector, title: data.title, description: data.description, position: (last?.p ?? 0) + 1 })
      .returning(),
    entry(db, actor, networkId, 'standard.create', data.title, { id, sector: data.sector })
  ]);
  return inserted[0];
}

/**
 * Change a standard's wording (admins): the wording replaced is kept as a revision, the
 * version goes up by one. The same wording again changes nothing.
 */
export async function edit(db: Db, actor: Actor, networkId: string, id: string, input: unknown): Promise<Standard> {
  const data = parse(StandardInput, input, 'The standard has problems');
  const old = await find(db, networkId, id);
  if (old.sector === data.sector && old.title === data.title && old.description === data.description) return old;
  // Two admins saving at once: the second batch meets the first one's revision row and aborts whole.
  const [, updated] = await db
    .batch([
      db.insert(standardRevisions).values({
        standardId: id,
        version: old.version,
        sector: old.sector,
        title: old.title,
        description: old.description,
        replacedBy: actor.userId
      }),
      db
        .update(standards)
        .set({ sector: data.sector, title: data.title, description: data.description, version: old.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(standards.id, id), eq(standards.networkId, networkId)))
        .returning(),
      entry(db, actor, networkId, 'standard.edit', data.title, { id, version: old.version + 1 })
    ])
    .catch((e: unknown) => {
      const text = (x: unknown) => String((x as Error)?.message ?? x ?? '');
      if (/UNIQUE constraint failed/i.test(text(e)) || /UNIQUE constraint failed/i.test(text((e as Error)?.cause)))
        throw new Conflict('Someone else changed this standard at the same time. Reload the page to see their wording, then try again.');
      throw e;
    });
  return updated[0];
}

/** Retire a standard (admins): it leaves the overview; its assessments, actions and evidence stay. */
export async function retire(db: Db, actor: Actor, networkId: string, id: string): Promise<void> {
  const old = await find(db, networkId, id);
  if (old.retiredAt) return;
  await db.batch([
    db
      .update(standards)
      .set({ retiredAt: new Date().toISOString() })
      .where(and(eq(standards.id, id), eq(standards.networkId, networkId))),
    entry(db, actor, networkId, 'standard.retire', old.title, { id })
  ]);
}

/** Record (or replace) the self-assessment of a standard for a period (editors and admins). */
export async function assess(db: Db, actor: Actor, networkId: string, standardId: string, input: unknown): Promise<Assessment> {
  const data = parse(AssessmentInput, input, 'The self-assessment has problems');
  const standard = await find(db, networkId, standardId);
  const values = { inPlace: data.in_place, gaps: data.gaps, participation: data.participation, updatedBy: actor.userId, updatedAt: new Date().toISOString() };
  const [saved] = await db.batch([
    db
      .insert(standardAssessments)
      .values({ id: crypto.randomUUID(), standardId, period: data.period, ...values })
      .onConflictDoUpdate({ target: [standardAssessments.standardId, standardAssessments.period], set: values })
      .returning(),
    entry(db, actor, networkId, 'standard.assess', standard.title, { id: standardId, period: data.period })
  ]);
  return saved[0];
}
