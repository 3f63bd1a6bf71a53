/**
 * Responses: saving answers page by page, completing a response exactly once, and the
 * one-shot JSON submission. A response id is made when the survey is started, so every
 * retry, double click or back-and-resubmit lands on the same response.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  fromRows,
  keepVisible,
  leads,
  nextPage,
  previousPage,
  toRows,
  validateAnswers,
  type AnswerError,
  type Answers,
  type Submission
} from '../../schema/answers';
import { pickLanguage } from '../../schema/i18n';
import { PREFER_NOT, type SurveyDefinition } from '../../schema/survey-definition';
import { answers as answersTable, responseDrafts, responses } from '../../schema/tables';
import { rawInBatch, type Db } from '../db';
import { Conflict, InvalidInput, SurveyClosed } from '../errors';
import * as links from '../links/service';
import * as surveys from '../surveys/service';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
/** D1 binds at most 100 parameters per statement; an answer row binds 8. */
const ANSWER_ROWS_PER_INSERT = 12;
/** The trigger in migration 0001 raises this when answers are added to a complete response. */
const ALREADY_COMPLETE = 'response already complete';
/** The trigger in migration 0004 raises this when a response would go over the survey's cap. */
const SURVEY_FULL = 'survey full';

type Source = links.Source;
const ONLINE: Source = { mode: 'online', linkId: null, enteredBy: null, organisation: null, card: false, kiosk: null };
/** Answers on behalf of an organisation name the person who sends them (this error's "question"). */
export const SUBMITTED_BY = 'submitted-by';

/** A stored response and, while it is partial, the answers given so far. */
export type Progress = {
  id: string;
  status: 'partial' | 'complete';
  version: number;
  language: string;
  answers: Answers;
};

/** Load a response of this survey; null if the id is new. A response id of another survey is a conflict. */
export async function load(db: Db, surveyId: string, responseId: string): Promise<Progress | null> {
  const row = await db
    .select({ response: responses, draft: responseDrafts.answers })
    .from(responses)
    .leftJoin(responseDrafts, eq(responseDrafts.responseId, responses.id))
    .where(eq(responses.id, responseId))
    .get();
  if (!row) return null;
  if (row.response.surveyId !== surveyId) throw new Conflict('This response belongs to a different survey.');
  return {
    id: row.response.id,
    status: row.response.status,
    version: row.response.version,
    language: row.response.language,
    answers: (row.draft as Answers | null) ?? {}
  };
}

/** Where the respondent goes after a page: errors to fix, another page, or the end. */
export type PageOutcome =
  | { kind: 'errors'; errors: AnswerError[] }
  | { kind: 'page'; page: number }
  | { kind: 'saved'; page: number }
  | { kind: 'done'; duplicate: boolean };

/**
 * Take the answers to one page. Going on requires the page's visible required questions;
 * going back, or saving to continue later, keeps what was typed without requiring
 * anything. The last page completes the response after checking the whole survey again.
 */
export async function answerPage(
  db: Db,
  target: { surveyId: string; definition: SurveyDefinition; version: number; progress?: Progress | null },
  input: {
    responseId: string;
    page: number;
    answers: Answers;
    language: string;
    direction: 'next' | 'back' | 'save';
    /** What the response came through (see links.sourceOf); a plain online response if absent. */
    source?: Source;
    /** For an organisation's invitation: who is sending the answers. */
    submittedBy?: string;
  }
): Promise<PageOutcome> {
  const source = input.source ?? ONLINE;
  const { definition: def } = target;
  // The caller may have loaded the response already (to pick the version); don't read it twice.
  const progress = target.progress !== undefined ? target.progress : await load(db, target.surveyId, input.responseId);
  if (progress?.status === 'complete') return { kind: 'done', duplicate: true };
  const page = def.pages[input.page];
  if (!page) throw new InvalidInput('That page of the survey does not exist.');

  const pageIds = new Set(page.questions.map((q) => q.id));
  const earlier = Object.fromEntries(Object.entries(progress?.answers ?? {}).filter(([id]) => !pageIds.has(id)));
  const checked = validateAnswers(def, page.questions, input.answers, {
    requireRequired: input.direction === 'next',
    earlier
  });
  if (checked.errors.length) return { kind: 'errors', errors: checked.errors };

  const merged = keepVisible(def, { ...earlier, ...checked.answers });
  const language = pickLanguage(def, input.language);
  if (input.direction === 'back') {
    await saveDraft(db, target, input.responseId, merged, language, source);
    return { kind: 'page', page: Math.max(previousPage(def, merged, input.page), 0) };
  }
  if (input.direction === 'save') {
    await saveDraft(db, target, input.responseId, merged, language, source);
    return { kind: 'saved', page: input.page };
  }
  const next = nextPage(def, merged, input.page);
  if (next !== -1) {
    await saveDraft(db, target, input.responseId, merged, language, source);
    return { kind: 'page', page: next };
  }
  // Last page: the whole response must hold up, whatever pages were skipped or tampered with.
  const whole = validateAnswers(def, def.pages.flatMap((p) => p.questions), merged, { requireRequired: true });
  if (whole.errors.length) {
    await saveDraft(db, target, input.responseId, merged, language, source);
    return { kind: 'page', page: firstPageWith(def, whole.errors) };
  }
  const submittedBy = (input.submittedBy ?? '').replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim().slice(0, 200);
  if (source.organisation && !submittedBy) {
    await saveDraft(db, target, input.responseId, merged, language, source);
    return { kind: 'errors', errors: [{ question: SUBMITTED_BY, message: `Enter your name and role: you are sending these answers for ${source.organisation}` }] };
  }
  const done = await complete(db, { ...target, responseId: input.responseId, language, source, submittedBy: submittedBy || null, answers: whole.answers });
  return { kind: 'done', duplicate: done.duplicate };
}

function firstPageWith(def: SurveyDefinition, errors: AnswerError[]): number {
  const ids = new Set(errors.map((e) => e.question));
  const p = def.pages.findIndex((page) => page.questions.some((q) => ids.has(q.id)));
  return Math.max(p, 0);
}

async function saveDraft(
  db: Db,
  target: { surveyId: string; version: number },
  responseId: string,
  answers: Answers,
  language: string,
  source: Source
): Promise<void> {
  await db.batch([
    db
      .insert(responses)
      .values({ id: responseId, surveyId: target.surveyId, version: target.version, language, mode: source.mode, linkId: source.linkId, enteredBy: source.enteredBy })
      .onConflictDoUpdate({ target: responses.id, set: { language, updatedAt: now }, setWhere: eq(responses.status, 'partial') }),
    db
      .insert(responseDrafts)
      .values({ responseId, answers })
      .onConflictDoUpdate({ target: responseDrafts.responseId, set: { answers, updatedAt: now } })
  ]);
}

/**
 * Store a complete response in one atomic batch: the response row, one row per answer,
 * the status change and the draft's removal. A second completion of the same id is
 * refused by the database (trigger `answers_final`), rolled back whole, and reported
 * as a duplicate: the caller treats it as success.
 */
export async function complete(
  db: Db,
  input: {
    surveyId: string;
    version: number;
    definition: SurveyDefinition;
    responseId: string;
    language: string;
    source?: Source;
    submittedBy?: string | null;
    answers: Answers;
  }
): Promise<{ duplicate: boolean }> {
  const source = input.source ?? ONLINE;
  const given = toRows(input.definition, input.answers);
  const lead = leads(given);
  const rows = given.map((r, i) => ({
    responseId: input.responseId,
    surveyId: input.surveyId,
    questionId: r.question_id,
    rowId: r.row_id,
    optionId: r.option_id,
    number: r.number,
    text: r.text,
    lead: lead[i]
  }));
  const inserts = [];
  for (let i = 0; i < rows.length; i += ANSWER_ROWS_PER_INSERT)
    inserts.push(db.insert(answersTable).values(rows.slice(i, i + ANSWER_ROWS_PER_INSERT)));
  const completed = db
    .update(responses)
    .set({ status: 'complete', completedAt: now, updatedAt: now, language: input.language })
    .where(and(eq(responses.id, input.responseId), eq(responses.status, 'partial')))
    .returning({ id: responses.id });
  try {
    const results = await db.batch([
      db
        .insert(responses)
        .values({
          id: input.responseId,
          surveyId: input.surveyId,
          version: input.version,
          language: input.language,
          mode: source.mode,
          linkId: source.linkId,
          enteredBy: source.enteredBy
        })
        .onConflictDoNothing(),
      ...inserts,
      ...talliesFor(db, input.responseId),
      ...links.onComplete(db, input.responseId, source, input.submittedBy ?? null),
      completed,
      db.delete(responseDrafts).where(eq(responseDrafts.responseId, input.responseId))
    ]);
    const updated = results[results.length - 2] as { id: string }[];
    return { duplicate: updated.length === 0 };
  } catch (e) {
    const message = `${(e as Error)?.message ?? e} ${(e as Error)?.cause ?? ''}`;
    if (message.includes(ALREADY_COMPLETE)) return { duplicate: true };
    if (message.includes(SURVEY_FULL)) throw new SurveyClosed(surveys.FULL_MESSAGE);
    throw e;
  }
}

/**
 * Statements that add one response's answers to the survey's running totals. Each only
 * acts while the response is still partial, so they count it exactly once: they run in the
 * completing batch before the status changes, and a duplicate never gets this far with
 * answers (the trigger aborts it) nor adds anything without them (the guard).
 */
function talliesFor(db: Db, responseId: string) {
  const partial = sql`EXISTS (SELECT 1 FROM responses WHERE id = ${responseId} AND status = 'partial')`;
  const add = sql`ON CONFLICT (survey_id, question_id, row_id, option_id) DO UPDATE SET
    count = count + excluded.count, numbers = numbers + excluded.numbers, sum = sum + excluded.sum, texts = texts + excluded.texts`;
  return [
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count, numbers, sum, texts)
      SELECT survey_id, question_id, coalesce(row_id, ''), coalesce(option_id, ''), count(*), count(number), total(number), count(text)
      FROM answers WHERE response_id = ${responseId} AND ${partial}
      GROUP BY survey_id, question_id, coalesce(row_id, ''), coalesce(option_id, '') ${add}`),
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count, numbers, sum, texts)
      SELECT survey_id, question_id, coalesce(row_id, ''), '*', 1,
        count(CASE WHEN option_id IS NULL OR option_id <> ${PREFER_NOT} THEN number END),
        total(CASE WHEN option_id IS NULL OR option_id <> ${PREFER_NOT} THEN number END), count(text)
      FROM answers WHERE response_id = ${responseId} AND ${partial}
      GROUP BY survey_id, question_id, coalesce(row_id, '') ${add}`),
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count)
      SELECT survey_id, '*', '', '*', 1 FROM responses WHERE id = ${responseId} AND status = 'partial' ${add}`)
  ];
}

/**
 * Recount a survey's running totals from its complete responses' answer rows, the same
 * figures `talliesFor` keeps one response at a time. For bulk loads of made-up responses
 * (scripts/synthetic.ts, the results benchmark) and for repairs; answering never needs it.
 */
export async function rebuildTallies(db: Db, surveyId: string): Promise<void> {
  await db.batch([
    rawInBatch(db, sql`DELETE FROM tallies WHERE survey_id = ${surveyId}`),
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count, numbers, sum, texts)
      SELECT survey_id, question_id, coalesce(row_id, ''), coalesce(option_id, ''), count(*), count(number), total(number), count(text)
      FROM answers WHERE survey_id = ${surveyId}
      GROUP BY question_id, coalesce(row_id, ''), coalesce(option_id, '')`),
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count, numbers, sum, texts)
      SELECT survey_id, question_id, coalesce(row_id, ''), '*', count(DISTINCT response_id),
        count(CASE WHEN option_id IS NULL OR option_id <> ${PREFER_NOT} THEN number END),
        total(CASE WHEN option_id IS NULL OR option_id <> ${PREFER_NOT} THEN number END), count(text)
      FROM answers WHERE survey_id = ${surveyId}
      GROUP BY question_id, coalesce(row_id, '')`),
    rawInBatch(db, sql`INSERT INTO tallies (survey_id, question_id, row_id, option_id, count)
      SELECT survey_id, '*', '', '*', count(*) FROM responses WHERE survey_id = ${surveyId} AND status = 'complete' GROUP BY survey_id`)
  ]);
}

/**
 * A whole response in one request (the JSON API). Validated against the version the
 * response started on, or the current one; idempotent by id.
 */
export async function submit(db: Db, slug: string, submission: Submission): Promise<{ id: string; duplicate: boolean }> {
  const open = await surveys.openForAnswers(db, slug);
  const progress = await load(db, open.survey.id, submission.id);
  if (progress?.status === 'complete') return { id: submission.id, duplicate: true };
  const version = progress?.version ?? open.version;
  const definition = version === open.version ? open.definition : await surveys.definitionOf(db, open.survey.id, version);
  const all = definition.pages.flatMap((p) => p.questions);
  const checked = validateAnswers(definition, all, submission.answers, { requireRequired: true });
  if (checked.errors.length) throw new InvalidInput('Some answers need attention', checked.errors);
  const source = await links.sourceOf(db, open.survey, submission.id);
  if (source.organisation) throw new InvalidInput('An organisation’s answers are sent from its invitation page, by a named person.');
  const done = await complete(db, {
    surveyId: open.survey.id,
    version,
    definition,
    responseId: submission.id,
    language: pickLanguage(definition, submission.language),
    source,
    answers: checked.answers
  });
  return { id: submission.id, duplicate: done.duplicate };
}

/** A complete response's answers as given, with the version they answered (for read-only views). */
export async function submitted(db: Db, responseId: string): Promise<{ version: number; completedAt: string | null; answers: Answers } | null> {
  const response = await db.select().from(responses).where(and(eq(responses.id, responseId), eq(responses.status, 'complete'))).get();
  if (!response) return null;
  const definition = await surveys.definitionOf(db, response.surveyId, response.version);
  const rows = await db.select().from(answersTable).where(eq(answersTable.responseId, responseId)).all();
  return {
    version: response.version,
    completedAt: response.completedAt,
    answers: fromRows(
      definition,
      rows.map((r) => ({ question_id: r.questionId, row_id: r.rowId, option_id: r.optionId, number: r.number, text: r.text }))
    )
  };
}
