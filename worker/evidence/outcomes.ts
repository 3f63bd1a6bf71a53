/**
 * "You said, we did": a survey's public page of what people said and what the network did
 * about it, where the survey's QR codes lead once it has closed. Editors write and publish
 * it; the page adds the actions measured from this survey (their titles and status) and the
 * number who answered, suppressed like every other figure. Nothing a respondent wrote is shown.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { actions, indicators, surveyOutcomes } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { InvalidInput, NotFound } from '../errors';
import { talliedCounts } from '../results/service';
import * as surveys from '../surveys/service';

const Text = z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v), z.string().trim().max(6000, 'must be at most 6,000 characters'));

/** The page as an editor writes it; publishing needs both parts. */
export const OutcomeInput = z
  .object({ youSaid: Text, weDid: Text, publish: z.preprocess((v) => v === 'on' || v === true || v === '1', z.boolean()) })
  .superRefine((v, ctx) => {
    if (v.publish && !v.youSaid) ctx.addIssue({ code: 'custom', path: ['youSaid'], message: 'say what people told you before publishing' });
    if (v.publish && !v.weDid) ctx.addIssue({ code: 'custom', path: ['weDid'], message: 'say what was done before publishing' });
  });

export type Outcome = { youSaid: string; weDid: string; publishedAt: string | null; updatedAt: string | null };

/** A survey's page as stored (empty if never written). */
export async function get(db: Db, surveyId: string): Promise<Outcome> {
  const row = await db.select().from(surveyOutcomes).where(eq(surveyOutcomes.surveyId, surveyId)).get();
  return row ? { youSaid: row.youSaid, weDid: row.weDid, publishedAt: row.publishedAt, updatedAt: row.updatedAt } : { youSaid: '', weDid: '', publishedAt: null, updatedAt: null };
}

/** Save (and publish or unpublish) a survey's page; the caller has checked `surveys:edit` in its network. Audited. */
export async function save(db: Db, actor: Actor, survey: { id: string; slug: string; networkId: string }, raw: unknown): Promise<Outcome> {
  const parsed = OutcomeInput.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInput(
      'The page has problems',
      parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }))
    );
  const { youSaid, weDid, publish } = parsed.data;
  const before = await get(db, survey.id);
  const publishedAt = publish ? (before.publishedAt ?? new Date().toISOString()) : null;
  await db.batch([
    db
      .insert(surveyOutcomes)
      .values({ surveyId: survey.id, youSaid, weDid, publishedAt, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: surveyOutcomes.surveyId, set: { youSaid, weDid, publishedAt, updatedBy: actor.userId, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` } }),
    entry(db, actor, survey.networkId, publish ? 'outcome.publish' : 'outcome.save', survey.slug)
  ]);
  return get(db, survey.id);
}

/** The public page of a survey, if published (NotFound otherwise). */
export async function published(db: Db, slug: string) {
  const survey = await surveys.findBySlug(db, slug);
  if (!survey || survey.currentVersion === null) throw new NotFound('We could not find that survey. Please check the address.');
  const outcome = await get(db, survey.id);
  if (!outcome.publishedAt) throw new NotFound('There is nothing published about this survey’s results yet. Please come back later.');
  const definition = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  const responses = (await talliedCounts(db, survey.id)).responses;
  const measured = await db
    .selectDistinct({ title: actions.title, status: actions.status })
    .from(actions)
    .innerJoin(indicators, eq(indicators.actionId, actions.id))
    .where(and(eq(indicators.surveyId, survey.id), eq(actions.networkId, survey.networkId)))
    .orderBy(asc(actions.title))
    .all();
  return {
    survey,
    definition,
    outcome,
    responses: responses > 0 && responses < survey.minGroupSize ? null : responses,
    minGroupSize: survey.minGroupSize,
    actions: measured
  };
}

/** Whether a survey has a published page (for its links once it closes). */
export async function isPublished(db: Db, surveyId: string): Promise<boolean> {
  return (await get(db, surveyId)).publishedAt !== null;
}
