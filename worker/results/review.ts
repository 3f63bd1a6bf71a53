/**
 * The free-text review queue: editors read what respondents wrote (only the free-text
 * answers of complete responses) and approve it, redact it (their edited version is what
 * anyone else will see) or reject it; they tag reviewed answers with the survey's themes.
 * Every decision and tag is written to the audit log in the same batch as the change,
 * without the words themselves. Callers check the member's role (`texts:review`); every
 * function here also checks that the survey is in the caller's network and that the
 * answer is a free-text answer of that survey.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LONG_TEXT_MAX } from '../../schema/answers';
import { t } from '../../schema/i18n';
import { TEXT_REVIEW_STATUSES, answers, responses, surveys, textReviews, textReviewThemes, textThemes, users } from '../../schema/tables';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { entry, type Actor } from '../audit/service';
import { batch, type Db } from '../db';
import { InvalidInput, NotFound } from '../errors';
import * as surveyService from '../surveys/service';
import { suppressGroup, type Figure } from './suppression';
import { freeTextQuestions, freeTextRows, type FreeTextQuestion } from './texts';

export type ReviewStatus = (typeof TEXT_REVIEW_STATUSES)[number];
type SurveyRow = typeof surveys.$inferSelect;

/** Answers shown on one page of the queue. */
export const PAGE_SIZE = 20;
/** Longest theme name. */
export const THEME_MAX = 60;
/** Most themes one survey may have (they are shown as checkboxes on every answer). */
export const THEMES_MAX = 40;

const NO_CONTROLS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]*$/;

/** An answer id as a form or request sends it. */
const AnswerId = z.coerce.number({ error: 'must be an answer number' }).int('must be an answer number').positive('must be an answer number').max(Number.MAX_SAFE_INTEGER);

/** The words an editor wants shown instead of the original: the original's rules for long text. */
export const RedactedText = z
  .string({ error: 'Enter the answer as it should be shown, with the personal details taken out' })
  .transform((s) => s.replace(/\r\n?/g, '\n').trim().normalize('NFC'))
  .pipe(
    z
      .string()
      .min(1, 'Enter the answer as it should be shown, with the personal details taken out')
      .max(LONG_TEXT_MAX, `Keep the redacted answer to ${LONG_TEXT_MAX.toLocaleString('en-GB')} characters or fewer`)
      .regex(NO_CONTROLS, 'Remove the unusual characters from the redacted answer')
      .refine((s) => s.isWellFormed(), 'Remove the unusual characters from the redacted answer')
  );

/** A review decision, as the review page's forms send it. */
export const ReviewDecision = z.discriminatedUnion(
  'decision',
  [
    z.object({ answer: AnswerId, decision: z.literal('approve') }),
    z.object({ answer: AnswerId, decision: z.literal('reject') }),
    z.object({ answer: AnswerId, decision: z.literal('redact'), text: RedactedText })
  ],
  { error: 'must be approve, redact or reject' }
);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** A new theme's name. */
export const ThemeInput = z.object({
  name: z
    .string({ error: 'Enter a name for the theme' })
    .transform((s) => s.trim().replace(/\s+/g, ' ').normalize('NFC'))
    .pipe(
      z
        .string()
        .min(1, 'Enter a name for the theme, like "Support after the funeral"')
        .max(THEME_MAX, `Keep the theme's name to ${THEME_MAX} characters or fewer`)
        .regex(NO_CONTROLS, 'Remove the unusual characters from the name')
    )
});

/** The exact set of themes an answer should carry. */
export const TagInput = z.object({
  answer: AnswerId,
  themes: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'is not a theme of this survey')).max(THEMES_MAX).default([])
});

function invalid(error: z.ZodError, message: string): InvalidInput {
  return new InvalidInput(
    message,
    error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
  );
}

/** A published or draft survey of a network with its definition (NotFound for another network's). */
async function surveyIn(db: Db, networkId: string, slug: string): Promise<{ survey: SurveyRow; def: SurveyDefinition; questions: FreeTextQuestion[] }> {
  const survey = await db.select().from(surveys).where(and(eq(surveys.slug, slug), eq(surveys.networkId, networkId))).get();
  if (!survey) throw new NotFound('No such survey in this network.');
  const def = survey.currentVersion === null ? surveyService.parseDraft(survey) : await surveyService.definitionOf(db, survey.id, survey.currentVersion);
  return { survey, def, questions: freeTextQuestions(def) };
}

/** Free-text answers of complete responses to a survey, with their review (none: pending). */
function reviewable(surveyId: string, questions: readonly FreeTextQuestion[]) {
  return and(
    eq(answers.surveyId, surveyId),
    freeTextRows(questions),
    sql`EXISTS (SELECT 1 FROM ${responses} WHERE ${responses.id} = ${answers.responseId} AND ${responses.status} = 'complete')`
  );
}
const statusOf = sql<ReviewStatus>`coalesce(${textReviews.status}, 'pending')`;

/** One answer in the queue, as an editor sees it: the original words too. */
export type QueueItem = {
  id: number;
  questionId: string;
  question: string;
  /** "other" when these are the words given with "Something else (please say)". */
  kind: 'text' | 'other';
  text: string;
  status: ReviewStatus;
  redactedText: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  themes: string[];
};

/** How many answers are in each state, per question and in all. */
export type QueueCounts = { all: Record<ReviewStatus, number>; byQuestion: Record<string, Record<ReviewStatus, number>> };

const zero = (): Record<ReviewStatus, number> => ({ pending: 0, approved: 0, redacted: 0, rejected: 0 });

/** Filters of the queue as the page's address gives them; anything unknown falls back to the default. */
export type QueueQuery = { status?: string | null; question?: string | null; page?: string | number | null };

/**
 * One page of a survey's review queue for an editor: the answers in a state (pending by
 * default), optionally of one question, oldest first; with the counts per state and the
 * survey's themes.
 */
export async function queue(db: Db, networkId: string, slug: string, query: QueueQuery = {}) {
  const { survey, def, questions } = await surveyIn(db, networkId, slug);
  const status: ReviewStatus = (TEXT_REVIEW_STATUSES as readonly string[]).includes(query.status ?? '') ? (query.status as ReviewStatus) : 'pending';
  const question = questions.find((q) => q.id === query.question) ?? null;
  const counts = await queueCounts(db, survey.id, questions);
  const total = question ? counts.byQuestion[question.id][status] : counts.all[status];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const requested = Number(query.page);
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;

  const rows = questions.length
    ? await db
        .select({
          id: answers.id,
          questionId: answers.questionId,
          text: answers.text,
          status: statusOf,
          redactedText: textReviews.redactedText,
          reviewedBy: users.email,
          reviewerId: textReviews.reviewedBy,
          reviewedAt: textReviews.reviewedAt
        })
        .from(answers)
        .leftJoin(textReviews, eq(textReviews.answerId, answers.id))
        .leftJoin(users, eq(users.id, textReviews.reviewedBy))
        .where(and(reviewable(survey.id, question ? [question] : questions), sql`${statusOf} = ${status}`))
        .orderBy(asc(answers.id))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .all()
    : [];
  const tags = rows.length
    ? await db
        .select({ answer: textReviewThemes.answerId, theme: textReviewThemes.themeId })
        .from(textReviewThemes)
        .where(
          inArray(
            textReviewThemes.answerId,
            rows.map((r) => r.id)
          )
        )
        .all()
    : [];
  const titles = new Map(questions.map((q) => [q.id, t(q.question.title, 'en')]));
  const kinds = new Map(questions.map((q) => [q.id, q.kind]));
  const items: QueueItem[] = rows.map((r) => ({
    id: r.id,
    questionId: r.questionId,
    question: titles.get(r.questionId) ?? r.questionId,
    kind: kinds.get(r.questionId) ?? 'text',
    text: r.text ?? '',
    status: r.status,
    redactedText: r.status === 'redacted' ? r.redactedText : null,
    // No member: decided by the system (the demo's made-up decisions), or by someone whose account is gone.
    reviewedBy: r.reviewedAt ? (r.reviewedBy ?? (r.reviewerId ? 'a former member' : 'the system')) : null,
    reviewedAt: r.reviewedAt,
    themes: tags.filter((x) => x.answer === r.id).map((x) => x.theme)
  }));
  return {
    survey: { id: survey.id, slug: survey.slug, title: t(def.title, 'en'), minGroupSize: survey.minGroupSize },
    questions: questions.map((q) => ({ id: q.id, title: titles.get(q.id)!, kind: q.kind })),
    filter: { status, question: question?.id ?? null },
    counts,
    page,
    pages,
    total,
    items,
    themes: await themeSummary(db, survey.id, questions, survey.minGroupSize)
  };
}

/** Answers in each state, per question: one GROUP BY over the survey's free-text answers. */
async function queueCounts(db: Db, surveyId: string, questions: readonly FreeTextQuestion[]): Promise<QueueCounts> {
  const counts: QueueCounts = { all: zero(), byQuestion: Object.fromEntries(questions.map((q) => [q.id, zero()])) };
  if (!questions.length) return counts;
  const rows = await db
    .select({ question: answers.questionId, status: statusOf, n: count() })
    .from(answers)
    .leftJoin(textReviews, eq(textReviews.answerId, answers.id))
    .where(reviewable(surveyId, questions))
    .groupBy(answers.questionId, statusOf)
    .all();
  for (const r of rows) {
    counts.all[r.status] += r.n;
    if (counts.byQuestion[r.question]) counts.byQuestion[r.question][r.status] += r.n;
  }
  return counts;
}

/** How many free-text answers of a survey wait for review (for the survey's page). */
export async function pendingCount(db: Db, networkId: string, slug: string): Promise<number> {
  const { survey, questions } = await surveyIn(db, networkId, slug);
  return (await queueCounts(db, survey.id, questions)).all.pending;
}

/** A survey's themes with how many reviewed answers carry each, suppressed like any figure (out of all written answers). */
export type ThemeSummary = { id: string; name: string } & Figure;

async function themeSummary(db: Db, surveyId: string, questions: readonly FreeTextQuestion[], min: number): Promise<ThemeSummary[]> {
  const [themes, tagged, written] = await db.batch([
    db.select({ id: textThemes.id, name: textThemes.name }).from(textThemes).where(eq(textThemes.surveyId, surveyId)).orderBy(asc(textThemes.name)),
    db
      .select({ theme: textReviewThemes.themeId, n: count() })
      .from(textReviewThemes)
      .innerJoin(textReviews, eq(textReviews.answerId, textReviewThemes.answerId))
      .where(and(eq(textReviews.surveyId, surveyId), sql`${textReviews.status} <> 'pending'`))
      .groupBy(textReviewThemes.themeId),
    db.select({ n: count() }).from(answers).where(reviewable(surveyId, questions))
  ]);
  const counts = themes.map((th) => tagged.find((x) => x.theme === th.id)?.n ?? 0);
  const figures = suppressGroup(counts, written[0]?.n ?? 0, min, false);
  return themes.map((th, i) => ({ ...th, ...figures[i] }));
}

/** A free-text answer of this survey's complete responses, with its review (NotFound otherwise). */
async function reviewableAnswer(db: Db, surveyId: string, questions: readonly FreeTextQuestion[], answerId: number) {
  const row = questions.length
    ? await db
        .select({ id: answers.id, questionId: answers.questionId, text: answers.text, status: statusOf, redactedText: textReviews.redactedText })
        .from(answers)
        .leftJoin(textReviews, eq(textReviews.answerId, answers.id))
        .where(and(eq(answers.id, answerId), reviewable(surveyId, questions)))
        .get()
    : undefined;
  if (!row) throw new NotFound('There is no written answer with that number in this survey.');
  return { ...row, text: row.text ?? '' };
}

const DONE: Record<ReviewDecision['decision'], Exclude<ReviewStatus, 'pending'>> = { approve: 'approved', redact: 'redacted', reject: 'rejected' };

/**
 * Approve, redact or reject one answer. Deciding what is already decided changes nothing
 * and writes nothing (a double click, a resubmitted form); a different decision replaces
 * the last one. Bad input changes nothing and says which field is wrong.
 */
export async function decide(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<{ status: ReviewStatus; changed: boolean }> {
  const parsed = ReviewDecision.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'This decision could not be saved');
  const decision = parsed.data;
  const { survey, questions } = await surveyIn(db, networkId, slug);
  const answer = await reviewableAnswer(db, survey.id, questions, decision.answer);
  const status = DONE[decision.decision];
  const redactedText = decision.decision === 'redact' ? decision.text : null;
  if (redactedText !== null && redactedText === answer.text.trim().normalize('NFC'))
    throw new InvalidInput('The redacted answer is the same as the original', [
      { path: 'text', message: 'This is the same as the original answer: take the personal details out, or approve it as it is' }
    ]);
  if (answer.status === status && (status !== 'redacted' || answer.redactedText === redactedText)) return { status, changed: false };
  const now = new Date().toISOString();
  await db.batch([
    db
      .insert(textReviews)
      .values({ answerId: answer.id, surveyId: survey.id, questionId: answer.questionId, status, redactedText, reviewedBy: actor.userId, reviewedAt: now })
      .onConflictDoUpdate({ target: textReviews.answerId, set: { status, redactedText, reviewedBy: actor.userId, reviewedAt: now } }),
    entry(db, actor, networkId, `text.${decision.decision}`, survey.slug, { answer: answer.id, question: answer.questionId, from: answer.status })
  ]);
  return { status, changed: true };
}

/** Add a theme to a survey. Names are unique per survey whatever their case. */
export async function createTheme(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<{ id: string; name: string }> {
  const parsed = ThemeInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'The theme could not be added');
  const { name } = parsed.data;
  const { survey } = await surveyIn(db, networkId, slug);
  const existing = await db.select({ id: textThemes.id, name: textThemes.name }).from(textThemes).where(eq(textThemes.surveyId, survey.id)).all();
  if (existing.some((th) => th.name.toLowerCase() === name.toLowerCase()))
    throw new InvalidInput('The theme could not be added', [{ path: 'name', message: `There is already a theme called “${name}”` }]);
  if (existing.length >= THEMES_MAX)
    throw new InvalidInput('The theme could not be added', [{ path: 'name', message: `A survey can have at most ${THEMES_MAX} themes` }]);
  const id = crypto.randomUUID();
  try {
    await db.batch([
      db.insert(textThemes).values({ id, surveyId: survey.id, name, createdBy: actor.userId }),
      entry(db, actor, networkId, 'text.theme_create', survey.slug, { theme: name })
    ]);
  } catch (e) {
    // Two editors adding the same name at once: the unique index decides.
    if (String((e as Error)?.message ?? '').includes('UNIQUE') || String((e as Error)?.cause ?? '').includes('UNIQUE'))
      throw new InvalidInput('The theme could not be added', [{ path: 'name', message: `There is already a theme called “${name}”` }]);
    throw e;
  }
  return { id, name };
}

/**
 * Set the themes of one reviewed answer (approved, redacted or rejected) to exactly those
 * given. A pending answer is reviewed first. Nothing changes when the set is the same.
 */
export async function tag(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<{ changed: boolean }> {
  const parsed = TagInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'The themes could not be saved');
  const { survey, questions } = await surveyIn(db, networkId, slug);
  const answer = await reviewableAnswer(db, survey.id, questions, parsed.data.answer);
  if (answer.status === 'pending')
    throw new InvalidInput('The themes could not be saved', [{ path: 'themes', message: 'Approve, redact or reject this answer before tagging it' }]);
  const wanted = [...new Set(parsed.data.themes)];
  const known = await db.select({ id: textThemes.id, name: textThemes.name }).from(textThemes).where(eq(textThemes.surveyId, survey.id)).all();
  if (wanted.some((id) => !known.some((k) => k.id === id)))
    throw new InvalidInput('The themes could not be saved', [{ path: 'themes', message: 'Choose themes of this survey' }]);
  const current = (await db.select({ theme: textReviewThemes.themeId }).from(textReviewThemes).where(eq(textReviewThemes.answerId, answer.id)).all()).map((r) => r.theme);
  if (current.length === wanted.length && current.every((id) => wanted.includes(id))) return { changed: false };
  const names = known.filter((k) => wanted.includes(k.id)).map((k) => k.name);
  await batch(db, [
    db.delete(textReviewThemes).where(eq(textReviewThemes.answerId, answer.id)),
    ...(wanted.length ? [db.insert(textReviewThemes).values(wanted.map((themeId) => ({ answerId: answer.id, themeId })))] : []),
    entry(db, actor, networkId, 'text.tag', survey.slug, { answer: answer.id, question: answer.questionId, themes: names })
  ]);
  return { changed: true };
}
