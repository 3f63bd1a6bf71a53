/**
 * Reviewed free text in the results: the approved words (or their redacted version) of
 * each free-text question, and how many reviewed answers carry each theme. Nothing else of
 * what respondents wrote ever leaves this module: pending and rejected text is not even
 * read, and a redacted answer is only ever read as its redacted version.
 *
 * The group-size rule holds for words as for figures: a question's quotes and theme counts
 * are shown only when the survey has at least `minGroupSize` complete responses and at
 * least that many people wrote words for the question (for a choice question, its "other"
 * text); each theme count obeys `suppressGroup`.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { OTHER, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { answers, tallies, textReviews, textReviewThemes, textThemes } from '../../schema/tables';
import type { Db } from '../db';
import * as surveys from '../surveys/service';
import { suppressGroup, type Figure } from './suppression';

/** Questions whose answers are free text: text and long text, and the "other, please say" words of choices. */
export type FreeTextQuestion = { id: string; question: Question; kind: 'text' | 'other' };

/** The questions of a definition whose answers hold words to review, in order. */
export function freeTextQuestions(def: SurveyDefinition): FreeTextQuestion[] {
  const out: FreeTextQuestion[] = [];
  for (const page of def.pages)
    for (const q of page.questions) {
      if (q.type === 'text' || q.type === 'long_text') out.push({ id: q.id, question: q, kind: 'text' });
      else if ((q.type === 'single' || q.type === 'multi') && q.other) out.push({ id: q.id, question: q, kind: 'other' });
    }
  return out;
}

/**
 * The SQL condition for answer rows holding free text of these questions: the value of a
 * text question, or the words given with "other". Dates also sit in `answers.text` and are
 * never included.
 */
export function freeTextRows(questions: readonly FreeTextQuestion[]) {
  const text = questions.filter((q) => q.kind === 'text').map((q) => q.id);
  const other = questions.filter((q) => q.kind === 'other').map((q) => q.id);
  const parts = [
    ...(text.length ? [sql`(${answers.questionId} IN ${text} AND ${answers.optionId} IS NULL)`] : []),
    ...(other.length ? [sql`(${answers.questionId} IN ${other} AND ${answers.optionId} = ${OTHER})`] : [])
  ];
  if (!parts.length) return sql`0`;
  return sql`${answers.text} IS NOT NULL AND (${sql.join(parts, sql` OR `)})`;
}

/** One theme's figure for one question: how many of its reviewed answers carry the theme. */
export type ThemeCount = { id: string; name: string } & Figure;

/** What the results show of one free-text question's words. */
export type QuestionTexts = {
  /** False while too few people have answered the survey or this question for any of their words to be shown. */
  shown: boolean;
  /** Approved answers, and redacted answers in their redacted version; in an order that cannot link answers across questions. */
  quotes: string[];
  /** Themes tagged on this question's reviewed answers, suppressed like every figure (empty while not shown). */
  themes: ThemeCount[];
};

/** The most quotes one question shows. */
export const QUOTES_PER_QUESTION = 200;

/**
 * The quotes and theme counts of the given questions of a survey, for anyone who may read
 * its results (the caller checks that). Questions that are not free text get nothing.
 */
export async function quotes(db: Db, surveyId: string, questionIds: readonly string[], minGroupSize: number): Promise<Record<string, QuestionTexts>> {
  const ids = [...new Set(questionIds)];
  if (!ids.length) return {};
  const [answered, words, tagged, themes] = await db.batch([
    // People who wrote words for each question (for a choice question, its "other" text),
    // and complete responses ('*'): the running totals.
    db
      .select({ question: tallies.questionId, count: tallies.count, texts: tallies.texts })
      .from(tallies)
      .where(and(eq(tallies.surveyId, surveyId), eq(tallies.rowId, ''), eq(tallies.optionId, '*'), inArray(tallies.questionId, [...ids, '*']))),
    // Only approved and redacted answers are read; a redacted one only as its redacted version.
    db
      .select({
        question: textReviews.questionId,
        text: sql<string>`CASE ${textReviews.status} WHEN 'redacted' THEN ${textReviews.redactedText} ELSE ${answers.text} END`
      })
      .from(textReviews)
      .innerJoin(answers, and(eq(answers.id, textReviews.answerId), eq(answers.surveyId, textReviews.surveyId)))
      .where(
        and(
          eq(textReviews.surveyId, surveyId),
          inArray(textReviews.questionId, ids),
          sql`(${textReviews.status} = 'approved' OR (${textReviews.status} = 'redacted' AND ${textReviews.redactedText} IS NOT NULL))`
        )
      ),
    // Themes of every reviewed answer (approved, redacted or rejected): counts, never words.
    db
      .select({ question: textReviews.questionId, theme: textReviewThemes.themeId, n: sql<number>`count(*)` })
      .from(textReviewThemes)
      .innerJoin(textReviews, eq(textReviews.answerId, textReviewThemes.answerId))
      .where(and(eq(textReviews.surveyId, surveyId), inArray(textReviews.questionId, ids), ne(textReviews.status, 'pending')))
      .groupBy(textReviews.questionId, textReviewThemes.themeId),
    db.select({ id: textThemes.id, name: textThemes.name }).from(textThemes).where(eq(textThemes.surveyId, surveyId)).orderBy(asc(textThemes.name))
  ]);
  // The group a quote comes from is the people who wrote for that question, not everyone who
  // answered it: three people's "something else" words are three people's, however many chose.
  const people = new Map(answered.map((a) => [a.question, a.question === '*' ? a.count : a.texts]));
  const responses = people.get('*') ?? 0;
  const out: Record<string, QuestionTexts> = {};
  for (const id of ids) {
    const n = people.get(id) ?? 0;
    if (responses < minGroupSize || n < minGroupSize) {
      out[id] = { shown: false, quotes: [], themes: [] };
      continue;
    }
    // Sorted by their words, not by when they were sent: the same position under two
    // questions must not say "these were written by the same person".
    const list = words
      .filter((w) => w.question === id && w.text)
      .map((w) => w.text)
      .sort((a, b) => a.localeCompare(b, 'en-GB'))
      .slice(0, QUOTES_PER_QUESTION);
    const counts = themes.map((t) => tagged.find((x) => x.question === id && x.theme === t.id)?.n ?? 0);
    // Theme counts are out of the people who wrote; an answer can carry several themes, so they do not add up.
    const figures = suppressGroup(counts, n, minGroupSize, false);
    out[id] = {
      shown: true,
      quotes: list,
      themes: themes.map((t, i) => ({ id: t.id, name: t.name, ...figures[i] })).filter((t) => t.count !== 0)
    };
  }
  return out;
}

/**
 * Quotes for a results summary: its survey's free-text questions. Only call it with a
 * summary the viewer was allowed to read (`results.summary` checked their role) and only
 * for the unfiltered view: a filtered summary gets no quotes (how filters apply to words is
 * not decided yet, and a filter can narrow the writers to a few people).
 */
export async function quotesForSummary(
  db: Db,
  summary: { survey: { slug: string; minGroupSize: number }; questions: readonly { id: string }[]; filter?: { applied: readonly string[] } }
): Promise<Record<string, QuestionTexts>> {
  if (summary.filter?.applied.length) return {};
  const survey = await surveys.findBySlug(db, summary.survey.slug);
  if (!survey || survey.currentVersion === null) return {};
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  const shown = new Set(summary.questions.map((q) => q.id));
  const ids = freeTextQuestions(def)
    .map((q) => q.id)
    .filter((id) => shown.has(id));
  return quotes(db, survey.id, ids, survey.minGroupSize);
}
