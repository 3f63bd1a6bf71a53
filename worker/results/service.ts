/**
 * Results: per-question counts, percentages and means computed with SQL GROUP BY over
 * the answer rows of complete responses, then passed through small-number suppression
 * before anything leaves this module.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { t } from '../../schema/i18n';
import { OTHER, PREFER_NOT, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { answers, responses, tallies } from '../../schema/tables';
import type { Db } from '../db';
import * as surveys from '../surveys/service';
import { NotFound, Unauthenticated } from '../errors';
import { authorize, type Membership } from '../accounts/authz';
import { suppressGroup, type Figure } from './suppression';

/** Raw counts straight from SQL, before suppression. Internal: never shown as they are. */
export type RawCounts = {
  responses: number;
  /** Keyed `question|row|option` (row and option may be empty). */
  cells: Map<string, { count: number; sum: number; numbers: number; texts: number }>;
  /** Keyed `question|row`: distinct responses that answered, and the mean of numeric answers. */
  answered: Map<string, { respondents: number; mean: number | null }>;
};

const key = (...parts: (string | null)[]) => parts.map((p) => p ?? '').join('|');

/** The running totals of one survey (kept by the completing batch): the unfiltered counts at a constant cost. */
export async function talliedCounts(db: Db, surveyId: string): Promise<RawCounts> {
  const rows = await db.select().from(tallies).where(eq(tallies.surveyId, surveyId)).all();
  const counts: RawCounts = { responses: 0, cells: new Map(), answered: new Map() };
  for (const r of rows) {
    if (r.questionId === '*') counts.responses = r.count;
    else if (r.optionId === '*') counts.answered.set(key(r.questionId, r.rowId), { respondents: r.count, mean: r.numbers ? r.sum / r.numbers : null });
    else counts.cells.set(key(r.questionId, r.rowId, r.optionId), { count: r.count, sum: r.sum, numbers: r.numbers, texts: r.texts });
  }
  return counts;
}

/** Count the complete responses and their answers to one survey with GROUP BY over the answer rows. */
export async function rawCounts(db: Db, surveyId: string): Promise<RawCounts> {
  const [total, cells, answered] = await db.batch([
    db
      .select({ n: count() })
      .from(responses)
      .where(and(eq(responses.surveyId, surveyId), eq(responses.status, 'complete'))),
    db
      .select({
        question: answers.questionId,
        row: answers.rowId,
        option: answers.optionId,
        count: count(),
        sum: sql<number>`coalesce(sum(${answers.number}), 0)`,
        numbers: count(answers.number),
        texts: count(answers.text)
      })
      .from(answers)
      .where(eq(answers.surveyId, surveyId))
      .groupBy(answers.questionId, answers.rowId, answers.optionId),
    db
      .select({
        question: answers.questionId,
        row: answers.rowId,
        respondents: sql<number>`count(distinct ${answers.responseId})`,
        mean: sql<number | null>`avg(case when ${answers.optionId} is null or ${answers.optionId} <> ${PREFER_NOT} then ${answers.number} end)`
      })
      .from(answers)
      .where(eq(answers.surveyId, surveyId))
      .groupBy(answers.questionId, answers.rowId)
  ]);
  return {
    responses: total[0]?.n ?? 0,
    cells: new Map(cells.map((c) => [key(c.question, c.row, c.option), c])),
    answered: new Map(answered.map((a) => [key(a.question, a.row), a]))
  };
}

/** One option's figure in a summary. */
export type OptionResult = { id: string; label: string } & Figure;

/** The summary of one question (or one matrix row). */
export type QuestionResult = {
  id: string;
  type: Question['type'];
  title: string;
  /** How many people answered, or null if too few to show. */
  answered: Figure;
  options: OptionResult[];
  /** Mean of a scale, rating, number or matrix row; mean position for ranking options. */
  mean: number | null;
  /** Scale points or rating range the mean is on, for reading it. */
  meanOf?: string;
  /** The middle answer of an ordered scale or rating (its label), when enough people answered. */
  median?: string | null;
  rows?: { id: string; label: string; answered: Figure; options: OptionResult[]; mean: number | null; median: string | null }[];
  /** Free-text answers (their number only; their words need review first). */
  textAnswers?: Figure;
};

/** What the results page and API show: suppressed figures only. */
export type Summary = {
  survey: { slug: string; title: string; status: string; version: number; minGroupSize: number };
  network: { slug: string; name: string; isDemo: boolean };
  responses: Figure;
  /** False until enough people have answered for any breakdown to be shown. */
  enough: boolean;
  questions: QuestionResult[];
};

/**
 * The results summary of a survey by slug, with small numbers suppressed, for a reviewer,
 * editor or admin of the survey's network.
 */
export async function summary(db: Db, slug: string, viewer: readonly Membership[] | null, lang = 'en'): Promise<Summary> {
  if (!viewer) throw new Unauthenticated();
  const survey = await surveys.findBySlug(db, slug);
  if (!survey || survey.currentVersion === null) throw new NotFound('No published survey has that address.');
  authorize(viewer, survey.networkId, 'results:read');
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  const raw = await talliedCounts(db, survey.id);
  return summarise(def, raw, {
    slug: survey.slug,
    status: survey.status,
    version: survey.currentVersion,
    minGroupSize: survey.minGroupSize,
    network: { slug: survey.network.slug, name: survey.network.name, isDemo: survey.network.isDemo },
    lang
  });
}

/** Build the suppressed summary from raw counts. Pure, so it can be tested on its own. */
export function summarise(
  def: SurveyDefinition,
  raw: RawCounts,
  meta: { slug: string; status: string; version: number; minGroupSize: number; network: Summary['network']; lang: string }
): Summary {
  const min = meta.minGroupSize;
  const enough = raw.responses >= min;
  const figure = (n: number, of: number): Figure => suppressGroup([n], of, min)[0];
  const questions: QuestionResult[] = [];
  const label = (text: Parameters<typeof t>[0]) => t(text, meta.lang);

  const optionsFor = (q: Question): { id: string; label: string }[] => {
    switch (q.type) {
      case 'single':
      case 'multi':
        return [
          ...q.options.map((o) => ({ id: o.id, label: label(o.label) })),
          ...(q.other ? [{ id: OTHER, label: label(q.other) }] : []),
          ...(q.prefer_not_to_say ? [{ id: PREFER_NOT, label: 'Prefer not to say' }] : [])
        ];
      case 'scale':
      case 'matrix':
        return [
          ...q.points.map((o) => ({ id: o.id, label: label(o.label) })),
          ...(q.prefer_not_to_say ? [{ id: PREFER_NOT, label: 'Prefer not to say' }] : [])
        ];
      case 'ranking':
        return q.options.map((o) => ({ id: o.id, label: label(o.label) }));
      case 'yes_no':
        return [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
          ...(q.prefer_not_to_say ? [{ id: PREFER_NOT, label: 'Prefer not to say' }] : [])
        ];
      case 'rating':
        return Array.from({ length: 11 }, (_, i) => ({ id: String(i), label: String(i) }));
      case 'consent':
        return [{ id: 'agreed', label: 'Agreed' }];
      default:
        return [];
    }
  };

  const distribution = (q: Question, row: string | null) => {
    const opts = optionsFor(q);
    const answered = raw.answered.get(key(q.id, row));
    const respondents = answered?.respondents ?? 0;
    const counts = opts.map((o) => raw.cells.get(key(q.id, row, o.id))?.count ?? 0);
    const figures = suppressGroup(counts, respondents, min, q.type !== 'multi' && q.type !== 'ranking');
    const mean = respondents >= min && answered?.mean !== null && answered?.mean !== undefined ? round(answered.mean) : null;
    // The median of an ordered scale (points, or 0-10), never counting "prefer not to say".
    const ordered = q.type === 'scale' || q.type === 'rating' || q.type === 'matrix';
    const m = ordered && respondents >= min ? medianIndex(opts.map((o, i) => (o.id === PREFER_NOT ? 0 : counts[i]))) : -1;
    return {
      answered: figure(respondents, raw.responses),
      options: opts.map((o, i) => ({ ...o, ...figures[i] })),
      mean,
      median: m >= 0 ? opts[m].label : null
    };
  };

  for (const page of def.pages)
    for (const q of page.questions) {
      if (q.type === 'info') continue;
      const base = { id: q.id, type: q.type, title: label(q.title) };
      if (!enough) {
        questions.push({ ...base, answered: figure(0, 0), options: [], mean: null });
        continue;
      }
      if (q.type === 'matrix') {
        const rows = q.rows.map((r) => ({ id: r.id, label: label(r.label), ...distribution(q, r.id) }));
        const respondents = Math.max(0, ...q.rows.map((r) => raw.answered.get(key(q.id, r.id))?.respondents ?? 0));
        questions.push({ ...base, answered: figure(respondents, raw.responses), options: [], mean: null, rows, meanOf: `1 to ${q.points.length}` });
      } else if (q.type === 'ranking') {
        const respondents = raw.answered.get(key(q.id, null))?.respondents ?? 0;
        const d = distribution(q, null);
        const options = d.options.map((o) => {
          const c = raw.cells.get(key(q.id, null, o.id));
          const shown = o.count !== null && c && c.count >= min;
          return { ...o, mean: shown ? round(c.sum / c.count) : null };
        });
        questions.push({ ...base, answered: figure(respondents, raw.responses), options, mean: null, meanOf: 'average position (1 is most important)' });
      } else if (q.type === 'text' || q.type === 'long_text' || q.type === 'date') {
        const c = raw.answered.get(key(q.id, null))?.respondents ?? 0;
        questions.push({ ...base, answered: figure(c, raw.responses), options: [], mean: null, textAnswers: figure(c, raw.responses) });
      } else if (q.type === 'number') {
        const d = raw.answered.get(key(q.id, null));
        const n = d?.respondents ?? 0;
        questions.push({ ...base, answered: figure(n, raw.responses), options: [], mean: n >= min && d?.mean != null ? round(d.mean) : null });
      } else {
        const d = distribution(q, null);
        const otherTexts = raw.cells.get(key(q.id, null, OTHER))?.texts ?? 0;
        questions.push({
          ...base,
          ...d,
          mean: q.type === 'scale' || q.type === 'rating' ? d.mean : null,
          median: q.type === 'scale' || q.type === 'rating' ? d.median : undefined,
          ...(q.type === 'scale' ? { meanOf: `1 (${label(q.points[0].label)}) to ${q.points.length} (${label(q.points[q.points.length - 1].label)})` } : {}),
          ...(q.type === 'rating' ? { meanOf: '0 to 10' } : {}),
          ...('other' in q && q.other ? { textAnswers: figure(otherTexts, raw.responses) } : {})
        });
      }
    }

  return {
    survey: { slug: meta.slug, title: label(def.title), status: meta.status, version: meta.version, minGroupSize: min },
    network: meta.network,
    responses: figure(raw.responses, raw.responses),
    enough,
    questions
  };
}

/** Index of the (lower) median of counts over ordered categories, or -1 if there are none. */
export function medianIndex(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return -1;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) if ((seen += counts[i]) >= total / 2) return i;
  return counts.length - 1;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
