/**
 * Results: per-question counts, percentages and means computed with SQL GROUP BY over
 * the answer rows of complete responses, then passed through small-number suppression
 * before anything leaves this module.
 */
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { t } from '../../schema/i18n';
import { OTHER, PREFER_NOT, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { InvalidInput } from '../errors';
import { answers, RESPONSE_MODES, responses, tallies } from '../../schema/tables';
import type { Db } from '../db';
import * as surveys from '../surveys/service';
import { NotFound, Unauthenticated } from '../errors';
import { authorize, type Membership } from '../accounts/authz';
import { suppressGroup, suppressTable, type Figure } from './suppression';
import { allInBatch, batch } from '../db';
import { CLOSED_TYPES, isEmpty, KIND_NAMES, monthName, optionsOf, questionsOf, refusal, refusalCheck, resolve, selected, SINGLE_TYPES, type Filter, type FilterInput } from './filters';

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

/**
 * The same counts as `rawCounts` for the complete responses a filter covers, in one batch
 * with the filter's differencing check (whose verdict comes back as `refused`). One GROUP
 * BY, driven from the chosen responses through the answers' response index, gives every
 * option's count and, through `answers.lead`, the people who answered each question.
 */
export async function filteredCounts(
  db: Db,
  surveyId: string,
  filter: Filter,
  min: number
): Promise<{ refused: string | null; counts: RawCounts }> {
  const check = refusalCheck(db, surveyId, filter, min);
  // CROSS JOIN keeps SQLite's join order: the chosen responses first, then their answers.
  const chosen = sql`responses r CROSS JOIN answers a ON a.response_id = r.id WHERE r.survey_id = ${surveyId} AND r.status = 'complete' AND ${filter.where}`;
  const results = await batch(db, [
    ...check.statements,
    allInBatch<{ n: number }>(db, sql`SELECT count(*) AS n FROM responses r WHERE r.survey_id = ${surveyId} AND r.status = 'complete' AND ${filter.where}`),
    allInBatch<{ question: string; row: string | null; option: string | null; count: number; sum: number; numbers: number; texts: number; leads: number }>(
      db,
      sql`SELECT a.question_id AS question, a.row_id AS row, a.option_id AS option, count(*) AS count, total(a.number) AS sum,
          count(a.number) AS numbers, count(a.text) AS texts, total(a.lead) AS leads
        FROM ${chosen}
        GROUP BY a.question_id, a.row_id, a.option_id`
    )
  ]);
  const refused = check.read(results.slice(0, check.statements.length));
  const [total, cells] = results.slice(check.statements.length) as [
    { n: number }[],
    { question: string; row: string | null; option: string | null; count: number; sum: number; numbers: number; texts: number; leads: number }[]
  ];
  const answered: RawCounts['answered'] = new Map();
  const scored = new Map<string, { sum: number; numbers: number }>();
  for (const c of cells) {
    const k = key(c.question, c.row);
    const a = answered.get(k) ?? { respondents: 0, mean: null };
    a.respondents += c.leads;
    answered.set(k, a);
    // The mean leaves out "prefer not to say", as the running totals do.
    if (c.option === PREFER_NOT) continue;
    const m = scored.get(k) ?? { sum: 0, numbers: 0 };
    m.sum += c.sum;
    m.numbers += c.numbers;
    scored.set(k, m);
  }
  for (const [k, m] of scored) answered.get(k)!.mean = m.numbers ? m.sum / m.numbers : null;
  return {
    refused,
    counts: {
      responses: total[0]?.n ?? 0,
      cells: new Map(cells.map((c) => [key(c.question, c.row, c.option), c])),
      answered
    }
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
  /** The filter this view applies: what it says, and why it cannot be shown (then no figures are given). */
  filter: { applied: string[]; refused: string | null };
};

/** A published survey a member may read the results of, with its definition. */
async function readable(db: Db, slug: string, viewer: readonly Membership[] | null) {
  if (!viewer) throw new Unauthenticated();
  const survey = await surveys.findBySlug(db, slug);
  if (!survey || survey.currentVersion === null) throw new NotFound('No published survey has that address.');
  authorize(viewer, survey.networkId, 'results:read');
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  return { survey, def };
}

/**
 * The results summary of a survey by slug, with small numbers suppressed, for a reviewer,
 * editor or admin of the survey's network. Unfiltered, it reads the running totals;
 * filtered, it counts the answers of the responses the filter covers, once the filter has
 * passed the differencing check (`filters.refusal`).
 */
export async function summary(db: Db, slug: string, viewer: readonly Membership[] | null, lang = 'en', filterInput: FilterInput = {}): Promise<Summary> {
  const { survey, def } = await readable(db, slug, viewer);
  const meta = {
    slug: survey.slug,
    status: survey.status,
    version: survey.currentVersion!,
    minGroupSize: survey.minGroupSize,
    network: { slug: survey.network.slug, name: survey.network.name, isDemo: survey.network.isDemo },
    lang
  };
  if (isEmpty(filterInput)) return summarise(def, await talliedCounts(db, survey.id), meta);
  const filter = await resolve(db, survey.id, def, filterInput, lang);
  const { refused, counts } = await filteredCounts(db, survey.id, filter, survey.minGroupSize);
  if (refused) {
    const empty = summarise(def, { responses: 0, cells: new Map(), answered: new Map() }, meta);
    return { ...empty, responses: { count: null, percent: null, suppressed: true }, questions: [], filter: { applied: filter.describe, refused } };
  }
  return { ...summarise(def, counts, meta), filter: { applied: filter.describe, refused: null } };
}

/**
 * The whole network's picture of a survey, suppressed as always, for showing an
 * organisation its own sent answers beside everyone's (its invitation link is its
 * authority: it sees only what any reviewer would, and only for its own survey).
 */
export async function picture(db: Db, survey: NonNullable<Awaited<ReturnType<typeof surveys.findBySlug>>>): Promise<Summary> {
  if (survey.currentVersion === null) throw new NotFound('No published survey has that address.');
  const def = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  return summarise(def, await talliedCounts(db, survey.id), {
    slug: survey.slug,
    status: survey.status,
    version: survey.currentVersion,
    minGroupSize: survey.minGroupSize,
    network: { slug: survey.network.slug, name: survey.network.name, isDemo: survey.network.isDemo },
    lang: 'en'
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

  const optionsFor = (q: Question) => optionsOf(q, meta.lang);

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
    questions,
    filter: { applied: [], refused: null }
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

/** A question (or one row of a matrix) a cross-tab can use: `question` or `question/row`. */
export const AXIS = /^[a-z0-9_-]{1,64}(\/[a-z0-9_-]{1,64})?$/;

/** Questions and matrix rows a cross-tab or an answer filter can use, in order. */
export function axes(def: SurveyDefinition, lang = 'en'): { id: string; label: string; single: boolean }[] {
  const out: { id: string; label: string; single: boolean }[] = [];
  for (const q of questionsOf(def)) {
    if (CLOSED_TYPES.has(q.type)) out.push({ id: q.id, label: t(q.title, lang), single: SINGLE_TYPES.has(q.type) });
    else if (q.type === 'matrix') for (const r of q.rows) out.push({ id: `${q.id}/${r.id}`, label: `${t(q.title, lang)} – ${t(r.label, lang)}`, single: true });
  }
  return out;
}

/** A two-way table: people by their answers to two closed questions, suppressed. */
export type CrossTab = {
  rows: { id: string; title: string; options: { id: string; label: string }[] };
  columns: { id: string; title: string; options: { id: string; label: string }[] };
  /** cells[i][j]: people who chose row option i and column option j; percent is of the row's total. */
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  /** People who answered both. */
  total: Figure;
};

/**
 * A cross-tab of two closed questions (or matrix rows) over the responses a filter covers,
 * with small numbers suppressed in cells and totals (complementary along every line that
 * adds up). A refused filter refuses the cross-tab too.
 */
export async function crossTab(
  db: Db,
  slug: string,
  viewer: readonly Membership[] | null,
  axesWanted: { x: string; y: string },
  lang = 'en',
  filterInput: FilterInput = {}
): Promise<{ table: CrossTab | null; refused: string | null }> {
  const { survey, def } = await readable(db, slug, viewer);
  const known = axes(def, lang);
  const pick = (id: string, path: 'x' | 'y') => {
    const axis = AXIS.test(id) ? known.find((a) => a.id === id) : undefined;
    if (!axis) throw new InvalidInput('This cross-tab could not be read.', [{ path, message: `${path} is not a closed question of this survey` }]);
    const [qid, row = null] = id.split('/');
    const q = questionsOf(def).find((x) => x.id === qid)!;
    return { ...axis, qid, row, options: optionsOf(q, lang) };
  };
  const x = pick(axesWanted.x, 'x');
  const y = pick(axesWanted.y, 'y');
  if (x.id === y.id) throw new InvalidInput('This cross-tab could not be read.', [{ path: 'y', message: 'y must be a different question from x' }]);
  const filter = await resolve(db, survey.id, def, filterInput, lang);
  const refused = await refusal(db, survey.id, filter, survey.minGroupSize);
  if (refused) return { table: null, refused };

  const chosen = filter.conditions.length ? sql`AND a1.response_id IN (${selected(survey.id, filter)})` : sql``;
  const rowIs = (alias: string, row: string | null) => (row === null ? sql.raw(`${alias}.row_id IS NULL`) : sql`${sql.raw(alias)}.row_id = ${row}`);
  const pairs = sql`FROM answers a1 JOIN answers a2 ON a2.response_id = a1.response_id AND a2.question_id = ${y.qid} AND ${rowIs('a2', y.row)}
    WHERE a1.survey_id = ${survey.id} AND a1.question_id = ${x.qid} AND ${rowIs('a1', x.row)} ${chosen}`;
  // Totals are sums of cells along an axis where each person gives one answer to the other
  // question; only a multiple-choice axis needs counting people with DISTINCT.
  const distinct = (by: SQL) => allInBatch<{ v: string; n: number }>(db, sql`SELECT ${by} AS v, count(DISTINCT a1.response_id) AS n ${pairs} GROUP BY v`);
  const wanted = { rows: !y.single, columns: !x.single, all: !(x.single && y.single) };
  const [cells, ...counted] = (await batch(db, [
    allInBatch<{ x: string; y: string; n: number }>(db, sql`SELECT a1.option_id AS x, a2.option_id AS y, count(*) AS n ${pairs} GROUP BY a1.option_id, a2.option_id`),
    ...(wanted.rows ? [distinct(sql`a1.option_id`)] : []),
    ...(wanted.columns ? [distinct(sql`a2.option_id`)] : []),
    ...(wanted.all ? [distinct(sql`''`)] : [])
  ])) as [{ x: string; y: string; n: number }[], ...{ v: string; n: number }[][]];
  const next = () => new Map(counted.shift()!.map((r) => [r.v, r.n]));
  const sum = (pick: (c: { x: string; y: string; n: number }) => string) => {
    const m = new Map<string, number>();
    for (const c of cells) m.set(pick(c), (m.get(pick(c)) ?? 0) + c.n);
    return m;
  };
  const rowN = wanted.rows ? next() : sum((c) => c.x);
  const colN = wanted.columns ? next() : sum((c) => c.y);
  const allN = wanted.all ? (next().get('') ?? 0) : cells.reduce((a, c) => a + c.n, 0);
  const cell = new Map(cells.map((c) => [`${c.x}|${c.y}`, c.n]));
  const counts = x.options.map((xo) => y.options.map((yo) => cell.get(`${xo.id}|${yo.id}`) ?? 0));
  const shown = suppressTable(
    counts,
    { rows: x.options.map((o) => rowN.get(o.id) ?? 0), columns: y.options.map((o) => colN.get(o.id) ?? 0), all: allN },
    survey.minGroupSize,
    // A row adds up to its total when each person gives one answer to the column question, and so on.
    { rowsAdd: y.single, columnsAdd: x.single }
  );
  return {
    refused: null,
    table: {
      rows: { id: x.id, title: x.label, options: x.options },
      columns: { id: y.id, title: y.label, options: y.options },
      cells: shown.cells,
      rowTotals: shown.rows,
      columnTotals: shown.columns,
      total: shown.all
    }
  };
}

/** What the results page offers to filter by: only what the survey has, never a count. */
export type FilterChoices = {
  links: { id: string; label: string }[];
  areas: string[];
  kinds: { id: string; label: string }[];
  modes: string[];
  languages: string[];
  months: { id: string; label: string }[];
  questions: { id: string; label: string; options: { id: string; label: string }[] }[];
  axes: { id: string; label: string }[];
};

/** The choices for a survey's filter and cross-tab forms. */
export async function filterChoices(db: Db, slug: string, viewer: readonly Membership[] | null, lang = 'en'): Promise<FilterChoices> {
  const { survey, def } = await readable(db, slug, viewer);
  const [linkRows, kindRows, span] = await db.batch([
    allInBatch<{ id: string; label: string; area: string | null }>(
      db,
      sql`SELECT id, label, area FROM links WHERE survey_id = ${survey.id} AND kind <> 'organisation' ORDER BY created_at, label`
    ),
    allInBatch<{ kind: string }>(
      db,
      sql`SELECT DISTINCT o.kind AS kind FROM links l JOIN organisations o ON o.id = l.organisation_id WHERE l.survey_id = ${survey.id} ORDER BY o.kind`
    ),
    allInBatch<{ first: string | null; last: string | null }>(
      db,
      sql`SELECT min(substr(completed_at, 1, 7)) AS first, max(substr(completed_at, 1, 7)) AS last FROM responses WHERE survey_id = ${survey.id} AND status = 'complete'`
    )
  ]);
  const months: { id: string; label: string }[] = [];
  const [first, last] = [span[0]?.first, span[0]?.last];
  if (first && last)
    for (let m = first; m <= last && months.length < 120; m = nextMonth(m)) months.push({ id: m, label: monthName(m) });
  return {
    links: [{ id: 'direct', label: 'The survey’s own address (no link)' }, ...linkRows.map((l) => ({ id: l.id, label: l.area ? `${l.label} (${l.area})` : l.label }))],
    areas: [...new Set(linkRows.map((l) => l.area).filter((a): a is string => !!a))].sort(),
    kinds: kindRows.map((k) => ({ id: k.kind, label: KIND_NAMES[k.kind as keyof typeof KIND_NAMES] ?? k.kind })),
    modes: [...RESPONSE_MODES],
    languages: def.languages ?? ['en'],
    months,
    questions: questionsOf(def)
      .filter((q) => CLOSED_TYPES.has(q.type))
      .map((q) => ({ id: q.id, label: t(q.title, lang), options: optionsOf(q, lang) })),
    axes: axes(def, lang).map(({ id, label }) => ({ id, label }))
  };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
