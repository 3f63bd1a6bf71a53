/**
 * Indicators: how a next-step action is measured from survey results. A metric over one
 * survey of the action's network (the share of people choosing given options of a
 * question, the mean of a scale, rating or number, the number of responses, or the number
 * of organisations responding) with an optional target. Values are computed live, with
 * small numbers suppressed exactly as the results pages do, and frozen as dated evidence
 * ("snapshots") when an editor records them, so a report cites figures that do not move.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { t } from '../../schema/i18n';
import { PREFER_NOT, type SurveyDefinition } from '../../schema/survey-definition';
import { actions, evidence, indicators, METRICS, surveys as surveysTable } from '../../schema/tables';
import { authorize, type Membership } from '../accounts/authz';
import { entry, type Actor } from '../audit/service';
import { allInBatch, type Db } from '../db';
import { InvalidInput, NotFound, Unauthenticated } from '../errors';
import { axes, talliedCounts } from '../results/service';
import { optionsOf, questionsOf } from '../results/filters';
import { suppressGroup } from '../results/suppression';
import * as texts from '../results/texts';
import * as surveys from '../surveys/service';

export type Metric = (typeof METRICS)[number];

/** What an indicator measures, as an editor gives it (a form or JSON). */
export const IndicatorInput = z
  .object({
    label: z.string().trim().min(1, 'give the indicator a name').max(200, 'must be at most 200 characters'),
    survey: z.string().trim().min(1, 'choose a survey').max(64),
    metric: z.enum(METRICS, { error: 'choose what to measure' }),
    /** `question` or `question/row` (a matrix row), for share and mean. */
    question: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[a-z0-9_-]{1,64}(\/[a-z0-9_-]{1,64})?$/, 'choose a question').optional()),
    options: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().regex(/^[a-z0-9_-]{1,64}$/)).max(40)),
    target: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
      z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(1_000_000, 'is too large').nullable()
    )
  })
  .superRefine((v, ctx) => {
    if ((v.metric === 'share' || v.metric === 'mean') && !v.question) ctx.addIssue({ code: 'custom', path: ['question'], message: 'choose a question' });
    if (v.metric === 'share' && v.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'choose at least one answer to count' });
    if (v.metric === 'share' && v.target !== null && v.target > 100) ctx.addIssue({ code: 'custom', path: ['target'], message: 'a share is at most 100 (%)' });
  });

/** A value as shown: the number, or why it is not shown. */
export type IndicatorValue = {
  /** The value (a percentage for share, a mean, a count), or null when not shown. */
  value: number | null;
  /** "62.5%", "3.4 (1 to 4)", "48", or "fewer than 5 people". */
  display: string;
  suppressed: boolean;
  /** How many people (or organisations) the value rests on, when shown. */
  base: number | null;
  /** Whether the target is met, when there is a target and a value. */
  met: boolean | null;
  computedAt: string;
};

export type Indicator = typeof indicators.$inferSelect & { surveySlug: string; surveyTitle: string; questionTitle: string | null };

function invalid(error: z.ZodError): InvalidInput {
  return new InvalidInput(
    'The indicator has problems',
    error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: `${String(i.path[0] ?? 'indicator')} ${i.message}` }))
  );
}

/** An action of a network, for a member who may do `capability` there (NotFound otherwise, never another network's). */
async function actionOf(db: Db, viewer: readonly Membership[] | null, networkSlug: string, actionId: string, capability: 'evidence:read' | 'evidence:manage') {
  const row = await db.get<{ id: string; network_id: string; title: string; network_slug: string } | undefined>(
    sql`SELECT a.id, a.network_id, a.title, n.slug AS network_slug FROM actions a JOIN networks n ON n.id = a.network_id WHERE a.id = ${actionId} AND n.slug = ${networkSlug}`
  );
  if (!row) {
    if (!viewer) throw new Unauthenticated();
    throw new NotFound('There is no such action in this network.');
  }
  authorize(viewer, row.network_id, capability);
  return { id: row.id, networkId: row.network_id, title: row.title };
}

/** The survey and question an indicator reads, checked against the survey's current version. */
async function target(db: Db, networkId: string, input: z.infer<typeof IndicatorInput>) {
  const survey = await surveys.findBySlug(db, input.survey);
  if (!survey || survey.networkId !== networkId || survey.currentVersion === null)
    throw new InvalidInput('The indicator has problems', [{ path: 'survey', message: 'survey is not a published survey of this network' }]);
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  if (input.metric === 'share' || input.metric === 'mean') {
    const axis = axes(def).find((a) => a.id === input.question);
    const [qid, row = null] = (input.question ?? '').split('/');
    const q = questionsOf(def).find((x) => x.id === qid);
    const numeric = q && (q.type === 'scale' || q.type === 'rating' || q.type === 'number' || q.type === 'matrix');
    if (!q || (input.metric === 'share' && !axis) || (input.metric === 'mean' && !numeric))
      throw new InvalidInput('The indicator has problems', [
        { path: 'question', message: input.metric === 'mean' ? 'question must be a scale, rating, number or matrix row' : 'question must be a closed question of that survey' }
      ]);
    if (q.type === 'matrix' && !row) throw new InvalidInput('The indicator has problems', [{ path: 'question', message: 'question must name one statement of the matrix' }]);
    if (input.metric === 'share') {
      const known = new Set(optionsOf(q, 'en').map((o) => o.id));
      const unknown = input.options.filter((o) => !known.has(o));
      if (unknown.length) throw new InvalidInput('The indicator has problems', [{ path: 'options', message: `options ${unknown.join(', ')} are not answers to that question` }]);
    }
    return { survey, def, questionId: qid, rowId: row };
  }
  return { survey, def, questionId: null, rowId: null };
}

/** Add an indicator to an action (editors and admins of its network). Audited. */
export async function create(db: Db, actor: Actor, viewer: readonly Membership[] | null, networkSlug: string, actionId: string, raw: unknown): Promise<string> {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:manage');
  const parsed = IndicatorInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  const { survey, questionId, rowId } = await target(db, action.networkId, input);
  const id = crypto.randomUUID();
  await db.batch([
    db.insert(indicators).values({
      id,
      networkId: action.networkId,
      actionId: action.id,
      surveyId: survey.id,
      label: input.label,
      metric: input.metric,
      questionId,
      rowId,
      options: input.metric === 'share' ? input.options : [],
      target: input.target,
      createdBy: actor.userId
    }),
    entry(db, actor, action.networkId, 'indicator.create', action.title, { label: input.label, survey: survey.slug, metric: input.metric })
  ]);
  return id;
}

/** Remove an indicator (its recorded snapshots stay, as evidence never changes). Audited. */
export async function remove(db: Db, actor: Actor, viewer: readonly Membership[] | null, networkSlug: string, actionId: string, indicatorId: string): Promise<void> {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:manage');
  const row = await db.select().from(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.actionId, action.id))).get();
  if (!row) throw new NotFound('There is no such indicator on this action.');
  await db.batch([
    db.delete(indicators).where(eq(indicators.id, row.id)),
    entry(db, actor, action.networkId, 'indicator.remove', action.title, { label: row.label })
  ]);
}

/** An action's indicators, each with the survey and question it reads. */
export async function list(db: Db, viewer: readonly Membership[] | null, networkSlug: string, actionId: string): Promise<Indicator[]> {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:read');
  return listFor(db, [action.id]);
}

/** The indicators of some actions (already authorised by the caller). */
export async function listFor(db: Db, actionIds: readonly string[]): Promise<Indicator[]> {
  if (!actionIds.length) return [];
  const rows = await db
    .select({ indicator: indicators, slug: surveysTable.slug, version: surveysTable.currentVersion })
    .from(indicators)
    .innerJoin(surveysTable, eq(surveysTable.id, indicators.surveyId))
    .where(sql`${indicators.actionId} IN (${sql.join(actionIds.map((id) => sql`${id}`), sql`, `)})`)
    .orderBy(asc(indicators.createdAt))
    .all();
  const defs = new Map<string, SurveyDefinition | null>();
  const out: Indicator[] = [];
  for (const r of rows) {
    const k = `${r.indicator.surveyId}@${r.version}`;
    if (!defs.has(k)) defs.set(k, r.version === null ? null : await surveys.definitionOf(db, r.indicator.surveyId, r.version));
    const def = defs.get(k);
    const q = def && r.indicator.questionId ? questionsOf(def).find((x) => x.id === r.indicator.questionId) : undefined;
    const rowLabel = q && q.type === 'matrix' && r.indicator.rowId ? q.rows.find((x) => x.id === r.indicator.rowId)?.label : undefined;
    out.push({
      ...r.indicator,
      surveySlug: r.slug,
      surveyTitle: def ? t(def.title, 'en') : r.slug,
      questionTitle: q ? `${t(q.title, 'en')}${rowLabel ? ` – ${t(rowLabel, 'en')}` : ''}` : null
    });
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The live value of an indicator over every complete response of its survey, suppressed:
 * a share whose count, or whose complement, rests on fewer people than the survey's
 * minimum group size is not shown; nor is a mean or a count of fewer people than that.
 * (Organisations are counted as they are: an organisation is not a person to protect.)
 */
export async function value(db: Db, indicator: Pick<Indicator, 'surveyId' | 'metric' | 'questionId' | 'rowId' | 'options' | 'target'>, now = new Date()): Promise<IndicatorValue> {
  const survey = await db.select({ min: surveysTable.minGroupSize, version: surveysTable.currentVersion }).from(surveysTable).where(eq(surveysTable.id, indicator.surveyId)).get();
  if (!survey) throw new NotFound('The survey of this indicator no longer exists.');
  const min = survey.min;
  const computedAt = now.toISOString();
  const hidden = (what = 'people'): IndicatorValue => ({ value: null, display: `fewer than ${min} ${what}`, suppressed: true, base: null, met: null, computedAt });
  const met = (v: number) => (indicator.target === null ? null : v >= indicator.target);
  const rowIs = indicator.rowId === null ? sql`row_id IS NULL` : sql`row_id = ${indicator.rowId}`;

  if (indicator.metric === 'responses') {
    const counts = await talliedCounts(db, indicator.surveyId);
    const n = counts.responses;
    if (n > 0 && n < min) return hidden();
    return { value: n, display: String(n), suppressed: false, base: n, met: met(n), computedAt };
  }
  if (indicator.metric === 'organisations') {
    const row = await db.get<{ n: number }>(
      sql`SELECT count(DISTINCT l.organisation_id) AS n FROM links l JOIN responses r ON r.id = l.response_id
        WHERE l.survey_id = ${indicator.surveyId} AND l.kind = 'organisation' AND r.status = 'complete'`
    );
    const n = row?.n ?? 0;
    return { value: n, display: String(n), suppressed: false, base: n, met: met(n), computedAt };
  }
  if (indicator.metric === 'mean') {
    const [row] = await db.batch([
      allInBatch<{ n: number; mean: number | null }>(
        db,
        sql`SELECT count(DISTINCT response_id) AS n, avg(CASE WHEN option_id IS NULL OR option_id <> ${PREFER_NOT} THEN number END) AS mean
          FROM answers WHERE survey_id = ${indicator.surveyId} AND question_id = ${indicator.questionId} AND ${rowIs}`
      )
    ]);
    const n = row[0]?.n ?? 0;
    if (n < min || row[0]?.mean === null || row[0]?.mean === undefined) return n === 0 ? { ...hidden(), display: 'no answers yet' } : hidden();
    const v = round2(row[0].mean);
    return { value: v, display: String(v), suppressed: false, base: n, met: met(v), computedAt };
  }
  // share: people choosing any of the options, out of the people who answered the question (row).
  const options = indicator.options.length ? indicator.options : ['\u0000'];
  const [both] = await db.batch([
    allInBatch<{ answered: number; chose: number }>(
      db,
      sql`SELECT count(DISTINCT response_id) AS answered,
          count(DISTINCT CASE WHEN option_id IN (${sql.join(options.map((o) => sql`${o}`), sql`, `)}) THEN response_id END) AS chose
        FROM answers WHERE survey_id = ${indicator.surveyId} AND question_id = ${indicator.questionId} AND ${rowIs}`
    )
  ]);
  const answered = both[0]?.answered ?? 0;
  const chose = both[0]?.chose ?? 0;
  if (answered === 0) return { ...hidden(), display: 'no answers yet' };
  // The share and its complement add up to everyone who answered: either being small hides both.
  const [figure] = suppressGroup([chose, answered - chose], answered, min);
  if (figure.suppressed || figure.percent === null) return hidden();
  const v = round1((chose / answered) * 100);
  return { value: v, display: `${v}%`, suppressed: false, base: answered, met: met(v), computedAt };
}

/**
 * Freeze an indicator's value now as evidence on its action: dated, attributed, and never
 * changed afterwards (a trigger refuses updates to evidence). Audited.
 */
export async function snapshot(
  db: Db,
  actor: Actor,
  viewer: readonly Membership[] | null,
  networkSlug: string,
  actionId: string,
  indicatorId: string,
  now = new Date()
): Promise<string> {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:manage');
  const [indicator] = (await listFor(db, [action.id])).filter((i) => i.id === indicatorId);
  if (!indicator) throw new NotFound('There is no such indicator on this action.');
  const v = await value(db, indicator, now);
  const responses = (await talliedCounts(db, indicator.surveyId)).responses;
  const min = (await db.select({ min: surveysTable.minGroupSize }).from(surveysTable).where(eq(surveysTable.id, indicator.surveyId)).get())?.min ?? 5;
  const id = crypto.randomUUID();
  const frozen = {
    ...v,
    label: indicator.label,
    metric: indicator.metric,
    target: indicator.target,
    survey: { slug: indicator.surveySlug, title: indicator.surveyTitle },
    question: indicator.questionTitle,
    options: indicator.options,
    // How many had answered the survey then (not shown if fewer than the minimum group size).
    responses: responses > 0 && responses < min ? null : responses
  };
  await db.batch([
    db.insert(evidence).values({
      id,
      networkId: action.networkId,
      actionId: action.id,
      kind: 'snapshot',
      title: `${indicator.label}: ${v.display}`,
      body: `${indicator.surveyTitle}${indicator.questionTitle ? ` – ${indicator.questionTitle}` : ''}`,
      indicatorId: indicator.id,
      snapshot: frozen,
      recordedBy: actor.userId,
      recordedByEmail: actor.email,
      recordedAt: v.computedAt
    }),
    entry(db, actor, action.networkId, 'evidence.snapshot', action.title, { indicator: indicator.label, display: v.display })
  ]);
  return id;
}

/** The snapshots recorded from an indicator, oldest first: how its value changed between waves. */
export async function snapshotsOf(db: Db, indicatorId: string): Promise<{ recordedAt: string; value: number | null; display: string }[]> {
  const rows = await db
    .select({ recordedAt: evidence.recordedAt, snapshot: evidence.snapshot })
    .from(evidence)
    .where(and(eq(evidence.indicatorId, indicatorId), eq(evidence.kind, 'snapshot')))
    .orderBy(asc(evidence.recordedAt))
    .all();
  return rows.map((r) => {
    const s = (r.snapshot ?? {}) as { value?: number | null; display?: string };
    return { recordedAt: r.recordedAt, value: s.value ?? null, display: s.display ?? '' };
  });
}

/** An action's network and title, for pages (authorised for reading). */
export async function actionFor(db: Db, viewer: readonly Membership[] | null, networkSlug: string, actionId: string) {
  const a = await actionOf(db, viewer, networkSlug, actionId, 'evidence:read');
  const row = await db.select({ standardId: actions.standardId, status: actions.status }).from(actions).where(eq(actions.id, a.id)).get();
  return { ...a, standardId: row!.standardId, status: row!.status };
}

/**
 * Approved words of a survey of the action's network that may be cited: approved answers,
 * or the redacted version of redacted ones, of questions where enough people wrote (the
 * same rule as the results' quotes). For editors choosing a quote to record as evidence.
 */
export async function citableQuotes(db: Db, viewer: readonly Membership[] | null, networkSlug: string, actionId: string, surveySlug: string) {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:manage');
  const survey = await surveys.findBySlug(db, surveySlug);
  if (!survey || survey.networkId !== action.networkId || survey.currentVersion === null) return [];
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  const shown = await texts.quotes(db, survey.id, texts.freeTextQuestions(def).map((q) => q.id), survey.minGroupSize);
  const allowed = Object.entries(shown).filter(([, q]) => q.shown).map(([id]) => id);
  if (!allowed.length) return [];
  const rows = await db.all<{ id: number; question: string; words: string }>(
    sql`SELECT r.answer_id AS id, r.question_id AS question, CASE r.status WHEN 'redacted' THEN r.redacted_text ELSE a.text END AS words
      FROM text_reviews r JOIN answers a ON a.id = r.answer_id
      WHERE r.survey_id = ${survey.id} AND (r.status = 'approved' OR (r.status = 'redacted' AND r.redacted_text IS NOT NULL))
      AND r.question_id IN (${sql.join(allowed.map((q) => sql`${q}`), sql`, `)})
      ORDER BY words LIMIT 200`
  );
  const titles = new Map(questionsOf(def).map((q) => [q.id, t(q.title, 'en')]));
  return rows.map((r) => ({ id: r.id, question: titles.get(r.question) ?? r.question, words: r.words }));
}

/** Record an approved quote as evidence on an action: its words are copied, so later edits do not change the record. Audited. */
export async function addQuote(db: Db, actor: Actor, viewer: readonly Membership[] | null, networkSlug: string, actionId: string, surveySlug: string, answerId: number): Promise<string> {
  const action = await actionOf(db, viewer, networkSlug, actionId, 'evidence:manage');
  const quote = (await citableQuotes(db, viewer, networkSlug, actionId, surveySlug)).find((q) => q.id === answerId);
  if (!quote) throw new NotFound('That quote cannot be cited: it is not an approved answer of this network’s survey, or too few people wrote for that question.');
  const id = crypto.randomUUID();
  await db.batch([
    db.insert(evidence).values({
      id,
      networkId: action.networkId,
      actionId: action.id,
      kind: 'quote',
      title: quote.question,
      body: quote.words,
      answerId: quote.id,
      recordedBy: actor.userId,
      recordedByEmail: actor.email
    }),
    entry(db, actor, action.networkId, 'evidence.quote', action.title, { answer: quote.id })
  ]);
  return id;
}
