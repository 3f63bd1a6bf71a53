/**
 * Filters for results: which complete responses a view covers (by link, area, kind of
 * organisation, mode, language, months, or the answer to a closed question), read from a
 * query string by one schema, turned into SQL over `responses r`, and checked so that no
 * view, alone or compared with another, rests on fewer people than the survey's minimum
 * group size.
 *
 * The check (`refusal`), for a filter of conditions c1…ck:
 *  1. For each condition, the people matching all the *other* conditions are divided by
 *     that condition's dimension (every link, every month, every answer…). Groups below
 *     the minimum are withheld, with complementary withholding (`withheldGroups`), and a
 *     condition may not choose a withheld group. So "the view for A" minus "the views
 *     for B, C…" never isolates a small group.
 *  2. Every combination of conditions met and not met (2^k groups) holds no one or at
 *     least the minimum. So no difference between this view and a broader one built from
 *     some of its conditions (the differencing attack) isolates a small group.
 * Counts for the check come from `responses` alone (one indexed range per survey), so it
 * costs little beside the answers it guards.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { t } from '../../schema/i18n';
import { OTHER, PREFER_NOT, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { ORGANISATION_KINDS, RESPONSE_MODES } from '../../schema/tables';
import { allInBatch, batch, type Db } from '../db';
import { InvalidInput } from '../errors';
import { withheldGroups } from './suppression';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-03');
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), s.optional());

/** A filter as read from a query string. Every field is optional; empty means "any". */
export const FilterInput = z
  .object({
    link: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a link of this survey')),
    area: optional(z.string().trim().min(1).max(100, 'is too long')),
    kind: optional(z.enum(ORGANISATION_KINDS, { error: 'is not a kind of organisation' })),
    mode: optional(z.enum(RESPONSE_MODES, { error: 'must be online, paper, assisted or kiosk' })),
    language: optional(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language code')),
    from: optional(month),
    to: optional(month),
    /** The answer filter: question id and option id (`q` and `a`). */
    q: optional(z.string().regex(/^[a-z0-9_-]{1,64}$/, 'is not a question of this survey')),
    a: optional(z.string().regex(/^[a-z0-9_-]{1,64}$/, 'is not an answer to that question'))
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must not be before the first month' })
  .refine((f) => !f.q === !f.a, { path: ['a'], message: 'choose both a question and one of its answers' });
export type FilterInput = z.infer<typeof FilterInput>;

/** The query-string names a filter uses (for forms and links that keep it). */
export const FILTER_KEYS = ['link', 'area', 'kind', 'mode', 'language', 'from', 'to', 'q', 'a'] as const;

/** Read a filter from a query string: InvalidInput (400) with one problem per field when it cannot be read. */
export function parseFilter(params: URLSearchParams): FilterInput {
  const raw: Record<string, string | undefined> = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  // The page's form picks question and answer in one list: `qa=question:answer`.
  const qa = params.get('qa');
  if (qa && !raw.q && !raw.a) [raw.q, raw.a] = qa.includes(':') ? qa.split(':', 2) : [qa, undefined];
  const parsed = FilterInput.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInput(
      'This filter could not be read.',
      parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: `${String(i.path[0] ?? 'filter')} ${i.message}` }))
    );
  return parsed.data;
}

/** Whether a filter has any condition. */
export const isEmpty = (f: FilterInput) => FILTER_KEYS.every((k) => f[k] === undefined);

/** Closed questions a filter or cross-tab can use: every person gives one answer, or picks options. */
export const CLOSED_TYPES = new Set(['single', 'multi', 'scale', 'yes_no', 'rating', 'consent']);
/** Closed questions where a person chooses exactly one option. */
export const SINGLE_TYPES = new Set(['single', 'scale', 'yes_no', 'rating', 'consent']);

/** The options of a closed question, as results show them. */
export function optionsOf(q: Question, lang: string): { id: string; label: string }[] {
  const label = (text: Parameters<typeof t>[0]) => t(text, lang);
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
      return [...q.points.map((o) => ({ id: o.id, label: label(o.label) })), ...(q.prefer_not_to_say ? [{ id: PREFER_NOT, label: 'Prefer not to say' }] : [])];
    case 'ranking':
      return q.options.map((o) => ({ id: o.id, label: label(o.label) }));
    case 'yes_no':
      return [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, ...(q.prefer_not_to_say ? [{ id: PREFER_NOT, label: 'Prefer not to say' }] : [])];
    case 'rating':
      return Array.from({ length: 11 }, (_, i) => ({ id: String(i), label: String(i) }));
    case 'consent':
      return [{ id: 'agreed', label: 'Agreed' }];
    default:
      return [];
  }
}

/** Every question of a definition, in order. */
export const questionsOf = (def: SurveyDefinition): Question[] => def.pages.flatMap((p) => p.questions);

/** One condition of a filter, as SQL over `responses r`. */
type Condition = {
  /** The field it came from (for messages). */
  key: string;
  /** What it says, for people: "Mode: paper". */
  label: string;
  /** Whether a response meets it. */
  where: SQL;
  /** The group a response falls in along this condition's dimension (see the module comment). */
  group: SQL;
  /** The groups the condition chooses. */
  chosen: (group: string) => boolean;
};

/** A filter resolved against a survey: its conditions, and `where`, the SQL all of them make together. */
export type Filter = { conditions: Condition[]; where: SQL; describe: string[] };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const monthName = (m: string) => `${MONTHS[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;
export const KIND_NAMES: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  employer: 'Employer',
  care_home: 'Care home',
  school: 'School',
  faith: 'Faith group',
  hospice: 'Hospice',
  other: 'Other organisation'
};

/**
 * Resolve a filter against one survey: check that the link, area, question and answer it
 * names belong to the survey (InvalidInput otherwise) and build its conditions.
 */
export async function resolve(db: Db, surveyId: string, def: SurveyDefinition, f: FilterInput, lang = 'en'): Promise<Filter> {
  const conditions: Condition[] = [];
  if (f.link) {
    let label = 'the survey’s own address';
    if (f.link !== 'direct') {
      const row = await db.get<{ label: string } | undefined>(sql`SELECT label FROM links WHERE id = ${f.link} AND survey_id = ${surveyId}`);
      if (!row) throw new InvalidInput('This filter could not be read.', [{ path: 'link', message: 'link is not a link of this survey' }]);
      label = row.label;
    }
    conditions.push({
      key: 'link',
      label: `Link: ${label}`,
      where: f.link === 'direct' ? sql`r.link_id IS NULL` : sql`r.link_id = ${f.link}`,
      group: sql`coalesce(r.link_id, 'direct')`,
      chosen: (g) => g === f.link
    });
  }
  if (f.area) {
    const area = f.area;
    conditions.push({
      key: 'area',
      label: `Site or area: ${area}`,
      where: sql`r.link_id IN (SELECT id FROM links WHERE survey_id = ${surveyId} AND area = ${area})`,
      group: sql`coalesce((SELECT l.area FROM links l WHERE l.id = r.link_id), '')`,
      chosen: (g) => g === area
    });
  }
  if (f.kind) {
    const kind = f.kind;
    conditions.push({
      key: 'kind',
      label: `Organisation: ${KIND_NAMES[kind]}`,
      where: sql`r.link_id IN (SELECT l.id FROM links l JOIN organisations o ON o.id = l.organisation_id WHERE l.survey_id = ${surveyId} AND o.kind = ${kind})`,
      group: sql`coalesce((SELECT o.kind FROM links l JOIN organisations o ON o.id = l.organisation_id WHERE l.id = r.link_id), '')`,
      chosen: (g) => g === kind
    });
  }
  if (f.mode) {
    const mode = f.mode;
    conditions.push({ key: 'mode', label: `Answered: ${mode}`, where: sql`r.mode = ${mode}`, group: sql`r.mode`, chosen: (g) => g === mode });
  }
  if (f.language) {
    const language = f.language;
    conditions.push({ key: 'language', label: `Language: ${language}`, where: sql`r.language = ${language}`, group: sql`r.language`, chosen: (g) => g === language });
  }
  if (f.from || f.to) {
    const from = f.from ?? '0000-01';
    const to = f.to ?? '9999-12';
    const label = f.from && f.to ? (f.from === f.to ? monthName(f.from) : `${monthName(f.from)} to ${monthName(f.to)}`) : f.from ? `from ${monthName(f.from)}` : `up to ${monthName(to)}`;
    conditions.push({
      key: f.from ? 'from' : 'to',
      label: `Sent: ${label}`,
      where: sql`substr(r.completed_at, 1, 7) BETWEEN ${from} AND ${to}`,
      group: sql`substr(r.completed_at, 1, 7)`,
      chosen: (g) => g >= from && g <= to
    });
  }
  if (f.q && f.a) {
    const q = questionsOf(def).find((x) => x.id === f.q);
    if (!q || !CLOSED_TYPES.has(q.type)) throw new InvalidInput('This filter could not be read.', [{ path: 'q', message: 'q is not a closed question of this survey' }]);
    const option = optionsOf(q, lang).find((o) => o.id === f.a);
    if (!option) throw new InvalidInput('This filter could not be read.', [{ path: 'a', message: 'a is not an answer to that question' }]);
    const chose = sql`EXISTS (SELECT 1 FROM answers a WHERE a.response_id = r.id AND a.question_id = ${q.id} AND a.row_id IS NULL AND a.option_id = ${option.id})`;
    conditions.push({
      key: 'q',
      label: `Answered “${option.label}” to “${t(q.title, lang)}”`,
      where: chose,
      // One answer each: the dimension is the answer given (or none). Several: chose this option or not.
      group: SINGLE_TYPES.has(q.type)
        ? sql`coalesce((SELECT a.option_id FROM answers a WHERE a.response_id = r.id AND a.question_id = ${q.id} AND a.row_id IS NULL LIMIT 1), '')`
        : sql`CASE WHEN ${chose} THEN ${option.id} ELSE '' END`,
      chosen: (g) => g === option.id
    });
  }
  const where = conditions.length ? sql.join(conditions.map((c) => sql`(${c.where})`), sql` AND `) : sql`1`;
  return { conditions, where, describe: conditions.map((c) => c.label) };
}

/** The complete responses of a survey a filter covers, as a subquery of ids. */
export const selected = (surveyId: string, filter: Filter): SQL =>
  sql`SELECT r.id FROM responses r WHERE r.survey_id = ${surveyId} AND r.status = 'complete' AND ${filter.where}`;

/**
 * The queries the differencing check needs, to run in one batch with others, and the
 * function that reads their results: why this filter may not be shown, or null if it may
 * (see the module comment). The message names a condition to drop, and never says how
 * many people are involved.
 */
export function refusalCheck(db: Db, surveyId: string, filter: Filter, min: number) {
  const { conditions } = filter;
  const base = sql`r.survey_id = ${surveyId} AND r.status = 'complete'`;
  const others = (i: number) => {
    const rest = conditions.filter((_, j) => j !== i).map((c) => sql`(${c.where})`);
    return rest.length ? sql.join(rest, sql` AND `) : sql`1`;
  };
  const pattern = conditions.length ? sql.join(conditions.map((c, i) => sql`(CASE WHEN ${c.where} THEN ${1 << i} ELSE 0 END)`), sql` + `) : sql`0`;
  // With one condition, check 1 implies check 2 (its complement is the other groups, pooled).
  const combined = conditions.length > 1;
  const statements = [
    ...conditions.map((c, i) => allInBatch<{ g: string; n: number }>(db, sql`SELECT ${c.group} AS g, count(*) AS n FROM responses r WHERE ${base} AND ${others(i)} GROUP BY g`)),
    ...(combined ? [allInBatch<{ p: number; n: number }>(db, sql`SELECT ${pattern} AS p, count(*) AS n FROM responses r WHERE ${base} GROUP BY p`)] : [])
  ];
  const read = (results: unknown[]): string | null => {
    if (!conditions.length) return null;
    const dimensions = results.slice(0, conditions.length) as { g: string; n: number }[][];
    const combinations = (combined ? results[conditions.length] : []) as { p: number; n: number }[];
    const broader =
      'This selection cannot be shown: it, or its difference from a broader view, would rest on fewer than ' +
      `${min} people, and could reveal their answers.`;
    for (const [i, c] of conditions.entries()) {
      const groups = new Map(dimensions[i].map((r) => [String(r.g), r.n]));
      const withheld = withheldGroups(groups, min);
      if ([...groups.keys()].some((g) => c.chosen(g) && withheld.has(g))) return `${broader} Try without “${c.label}”.`;
    }
    const full = (1 << conditions.length) - 1;
    const tooSmall = combinations.filter((r) => r.n > 0 && r.n < min);
    if (!tooSmall.length) return null;
    // Name a condition that is not met in a small group: dropping it is the likeliest help.
    const culprit = conditions.findIndex((_, i) => tooSmall.some((r) => (r.p & (1 << i)) === 0 && r.p !== full));
    return `${broader}${culprit >= 0 ? ` Try without “${conditions[culprit].label}”.` : ''}`;
  };
  return { statements, read };
}

/** The differencing check on its own: why this filter may not be shown, or null. */
export async function refusal(db: Db, surveyId: string, filter: Filter, min: number): Promise<string | null> {
  const check = refusalCheck(db, surveyId, filter, min);
  if (!check.statements.length) return null;
  return check.read(await batch(db, check.statements));
}
