/**
 * Ambitions for Palliative and End of Life Care self-assessments of a network: each item of
 * the template (schema/ambitions.ts) gets a level 0-5 or none (unscored), the evidence for
 * it and the gaps; the roll-up per ambition is the document's summary table (`rollUp`).
 * Members who may read evidence (`evidence:read`) see them; editors and admins
 * (`evidence:manage`) create them and set items. Callers resolve the network with
 * `assessmentAccess` (a member of another network gets NotFound); every function here
 * also checks the assessment is in that network. Every write is audited in the same batch.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AMBITIONS, isItemCode, rollUp, type AmbitionRollUp, type Level } from '../../schema/ambitions';
import { ambitionsAssessments, ambitionsScores, users } from '../../schema/tables';
import { networkAccess } from '../accounts/access';
import type { SignedIn } from '../accounts/sessions';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { NotFound } from '../errors';
import { line, parse, text } from './input';

export type Assessment = typeof ambitionsAssessments.$inferSelect;
export type Score = { itemCode: string; level: Level | null; evidence: string; gaps: string; updatedAt: string | null; updatedBy: string | null };

/** Longest evidence or gaps text of one item. */
export const ITEM_TEXT_MAX = 4000;
/** Longest assessment title. */
export const TITLE_MAX = 200;

/** The network `slug` for a signed-in member who may read (`read`) or edit (`manage`) its self-assessments. */
export function assessmentAccess(db: Db, auth: SignedIn | null, slug: string, need: 'read' | 'manage') {
  return networkAccess(db, auth, slug, need === 'read' ? 'evidence:read' : 'evidence:manage');
}

/** A new assessment, as the form sends it. */
export const AssessmentInput = z.object({
  title: line(TITLE_MAX).pipe(z.string().min(1, 'is required: for example "Self-assessment, spring 2026"')),
  assessed_on: z
    .union([z.literal(''), z.iso.date({ error: 'must be a date, like 2026-03-31' })], { error: 'must be a date, like 2026-03-31' })
    .nullish()
    .transform((v) => v || null)
});

/** One item's level (0-5, or empty for unscored), evidence and gaps. */
export const ScoreInput = z.object({
  item: z.string({ error: 'is required' }).refine(isItemCode, 'is not an item of the self-assessment'),
  level: z
    .union([z.literal(''), z.null(), z.enum(['0', '1', '2', '3', '4', '5']), z.literal([0, 1, 2, 3, 4, 5])], { error: 'must be a level from 0 to 5, or not scored' })
    .optional()
    .transform((v) => (v === '' || v === null || v === undefined ? null : (Number(v) as Level))),
  evidence: text(ITEM_TEXT_MAX).default(''),
  gaps: text(ITEM_TEXT_MAX).default('')
});
export type ScoreInput = z.input<typeof ScoreInput>;

/** The network's assessments, newest first. */
export async function list(db: Db, networkId: string) {
  const rows = await db
    .select({
      id: ambitionsAssessments.id,
      title: ambitionsAssessments.title,
      assessedOn: ambitionsAssessments.assessedOn,
      createdAt: ambitionsAssessments.createdAt,
      updatedAt: ambitionsAssessments.updatedAt,
      scored: sql<number>`(SELECT count(*) FROM ambitions_scores s WHERE s.assessment_id = ${ambitionsAssessments.id} AND s.level IS NOT NULL)`
    })
    .from(ambitionsAssessments)
    .where(eq(ambitionsAssessments.networkId, networkId))
    .orderBy(desc(ambitionsAssessments.createdAt))
    .all();
  return rows;
}

/** Start a new, empty assessment (every item unscored). */
export async function create(db: Db, actor: Actor, networkId: string, input: unknown): Promise<Assessment> {
  const d = parse(AssessmentInput, input, 'The self-assessment could not be started');
  const id = crypto.randomUUID();
  const [rows] = await db.batch([
    db.insert(ambitionsAssessments).values({ id, networkId, title: d.title, assessedOn: d.assessed_on, createdBy: actor.userId }).returning(),
    entry(db, actor, networkId, 'ambitions.create', id, { title: d.title })
  ]);
  return rows[0];
}

async function find(db: Db, networkId: string, id: string): Promise<Assessment> {
  const row = await db
    .select()
    .from(ambitionsAssessments)
    .where(and(eq(ambitionsAssessments.id, id), eq(ambitionsAssessments.networkId, networkId)))
    .get();
  if (!row) throw new NotFound('There is no such self-assessment in this network');
  return row;
}

export type AssessmentView = { assessment: Assessment; scores: Record<string, Score>; rollUp: AmbitionRollUp[] };

/** One assessment of the network with every item's score (unscored items included) and the roll-up. */
export async function get(db: Db, networkId: string, id: string): Promise<AssessmentView> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFound('There is no such self-assessment in this network');
  const assessment = await find(db, networkId, id);
  const rows = await db
    .select({
      itemCode: ambitionsScores.itemCode,
      level: ambitionsScores.level,
      evidence: ambitionsScores.evidence,
      gaps: ambitionsScores.gaps,
      updatedAt: ambitionsScores.updatedAt,
      updatedBy: users.email
    })
    .from(ambitionsScores)
    .leftJoin(users, eq(users.id, ambitionsScores.updatedBy))
    .where(eq(ambitionsScores.assessmentId, id))
    .all();
  const stored = new Map(rows.map((r) => [r.itemCode, r]));
  const scores: Record<string, Score> = {};
  for (const a of AMBITIONS)
    for (const b of a.blocks)
      for (const item of b.items) {
        const r = stored.get(item.code);
        scores[item.code] = r
          ? { itemCode: r.itemCode, level: r.level as Level | null, evidence: r.evidence, gaps: r.gaps, updatedAt: r.updatedAt, updatedBy: r.updatedBy }
          : { itemCode: item.code, level: null, evidence: '', gaps: '', updatedAt: null, updatedBy: null };
      }
  return { assessment, scores, rollUp: rollUp(Object.fromEntries(Object.values(scores).map((s) => [s.itemCode, s.level]))) };
}

/** Set one item's level (or unscored), evidence and gaps. */
export async function setScore(db: Db, actor: Actor, networkId: string, id: string, input: unknown): Promise<Score> {
  const d = parse(ScoreInput, input, 'The item could not be saved');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFound('There is no such self-assessment in this network');
  await find(db, networkId, id);
  const now = new Date().toISOString();
  const values = { level: d.level, evidence: d.evidence, gaps: d.gaps, updatedBy: actor.userId, updatedAt: now };
  await db.batch([
    db
      .insert(ambitionsScores)
      .values({ assessmentId: id, itemCode: d.item, ...values })
      .onConflictDoUpdate({ target: [ambitionsScores.assessmentId, ambitionsScores.itemCode], set: values }),
    db.update(ambitionsAssessments).set({ updatedAt: now }).where(eq(ambitionsAssessments.id, id)),
    entry(db, actor, networkId, 'ambitions.score', id, { item: d.item, level: d.level })
  ]);
  return { itemCode: d.item, level: d.level, evidence: d.evidence, gaps: d.gaps, updatedAt: now, updatedBy: actor.email };
}
