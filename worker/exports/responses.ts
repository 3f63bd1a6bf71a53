/**
 * Every complete response as given, one row each, for editors and admins (capability
 * `responses:export`; reviewers see aggregates only). Columns: where the response came
 * from, then the answers, one column per question, with these choices:
 *
 * - multi: the chosen options' labels in one cell, joined by "; " in the survey's order;
 * - matrix: one column per statement (row), holding the chosen point's label;
 * - ranking: one column per option, holding its position (1 is most important) as a
 *   number, empty where it was not ranked;
 * - "other": its own column with the words written;
 * - rating and number: numbers; date: as written (YYYY-MM-DD); free text as given.
 *
 * Labels are in the survey's default language. Questions of earlier versions that the
 * current version dropped keep their columns at the end; each response is read with the
 * version it answered. Two heading rows: stable column keys (question ids) first, then
 * words people read.
 *
 * Large surveys are read a page of responses at a time (keyset paging on completion time
 * and id, which the responses index covers), each page's answers in the same D1 batch
 * through a subquery, so no statement binds more than a handful of values and nothing
 * holds the whole survey in memory. Responses completed after the download began are left
 * out, so the count recorded in the audit log is the count in the file.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, lte, max, sql, type SQL } from 'drizzle-orm';
import { fromRows, type Answers } from '../../schema/answers';
import { t } from '../../schema/i18n';
import { OTHER, PREFER_NOT, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { answers, links, organisations, responses, surveyVersions } from '../../schema/tables';
import { authorize, type Membership } from '../accounts/authz';
import type { Db } from '../db';
import { NotFound, Unauthenticated } from '../errors';
import * as surveys from '../surveys/service';
import { heading, type Cell, type Row } from './cells';
import { ukTime } from './results';

/** How many responses one page reads (their answer rows come with them). */
export const PAGE_SIZE = 500;

type AnswerableQuestion = Exclude<Question, { type: 'info' }>;

/** One column of the export: its key, its heading, and how to read its cell from a response's answers. */
type Column = { key: string; label: string; width: number; value: (a: Answers, q: Question | undefined, lang: string) => Cell };

/** What a response came through, as the link table names it. */
const CAME_THROUGH: Record<string, string> = { public: 'link', kiosk: 'kiosk', organisation: 'organisation invitation', cards: 'single-use card' };

/** One response's own columns, read with its page. */
type ResponseMeta = {
  id: string;
  completedAt: string | null;
  version: number;
  mode: string;
  language: string;
  linkKind: string | null;
  linkLabel: string | null;
  linkArea: string | null;
  organisation: string | null;
};

const META_COLUMNS: { key: string; label: string; width: number; value: (r: ResponseMeta) => Cell }[] = [
  { key: 'response_id', label: 'Response id', width: 38, value: (r) => r.id },
  { key: 'completed_at', label: 'Completed at (UTC)', width: 26, value: (r) => r.completedAt },
  { key: 'version', label: 'Survey version', width: 8, value: (r) => r.version },
  { key: 'mode', label: 'Mode', width: 10, value: (r) => r.mode },
  { key: 'language', label: 'Language', width: 10, value: (r) => r.language },
  { key: 'came_through', label: 'Came through', width: 22, value: (r) => (r.linkKind ? (CAME_THROUGH[r.linkKind] ?? r.linkKind) : 'survey address') },
  { key: 'link', label: 'Link', width: 30, value: (r) => r.linkLabel },
  { key: 'area', label: 'Site or area', width: 18, value: (r) => r.linkArea || null },
  { key: 'organisation', label: 'Organisation', width: 30, value: (r) => r.organisation }
];

/** The label of an option of a question, as this version of the survey words it. */
function optionLabel(q: Question, id: string, lang: string): string {
  if (id === PREFER_NOT) return 'Prefer not to say';
  switch (q.type) {
    case 'single':
    case 'multi':
      if (id === OTHER) return q.other ? t(q.other, lang) : 'Other';
      return t(q.options.find((o) => o.id === id)?.label, lang) || id;
    case 'ranking':
      return t(q.options.find((o) => o.id === id)?.label, lang) || id;
    case 'scale':
    case 'matrix':
      return t(q.points.find((p) => p.id === id)?.label, lang) || id;
    case 'yes_no':
      return id === 'yes' ? 'Yes' : id === 'no' ? 'No' : id;
    default:
      return id;
  }
}

/**
 * The questions of every version, newest first: the current version's in its order, then
 * any that only earlier versions had; matrix rows and ranking options that earlier versions
 * had are kept too.
 */
function mergedQuestions(defs: readonly SurveyDefinition[]): AnswerableQuestion[] {
  const merged = new Map<string, AnswerableQuestion>();
  for (const def of defs)
    for (const page of def.pages)
      for (const q of page.questions) {
        if (q.type === 'info') continue;
        const seen = merged.get(q.id);
        if (!seen) merged.set(q.id, q);
        else if (seen.type === 'matrix' && q.type === 'matrix') {
          const rows = q.rows.filter((r) => !seen.rows.some((s) => s.id === r.id));
          if (rows.length) merged.set(q.id, { ...seen, rows: [...seen.rows, ...rows] });
        } else if (seen.type === 'ranking' && q.type === 'ranking') {
          const options = q.options.filter((o) => !seen.options.some((s) => s.id === o.id));
          if (options.length) merged.set(q.id, { ...seen, options: [...seen.options, ...options] });
        } else if ((seen.type === 'single' || seen.type === 'multi') && (q.type === 'single' || q.type === 'multi') && q.other && !seen.other) {
          merged.set(q.id, { ...seen, other: q.other });
        }
      }
  return [...merged.values()];
}

/** The answer columns of a question (see the module comment for how each type is written). */
function questionColumns(q: AnswerableQuestion, lang: string): Column[] {
  const title = t(q.title, lang);
  const text = (v: unknown): Cell => (typeof v === 'string' ? v : typeof v === 'number' ? v : null);
  switch (q.type) {
    case 'single':
    case 'multi': {
      const chosen: Column = {
        key: q.id,
        label: title,
        width: 30,
        value: (a, vq, l) => {
          const v = a[q.id];
          if (!vq || v === undefined || typeof v !== 'object') return null;
          if ('option' in v && typeof v.option === 'string') return optionLabel(vq, v.option, l);
          if ('options' in v && Array.isArray(v.options)) return v.options.map((o) => optionLabel(vq, o, l)).join('; ');
          return null;
        }
      };
      const other: Column = {
        key: `${q.id}.other`,
        label: `${title} – other (written)`,
        width: 30,
        value: (a) => {
          const v = a[q.id];
          return v && typeof v === 'object' && 'other' in v && typeof v.other === 'string' ? v.other : null;
        }
      };
      return q.other ? [chosen, other] : [chosen];
    }
    case 'scale':
    case 'yes_no':
      return [{ key: q.id, label: title, width: 22, value: (a, vq, l) => (vq && typeof a[q.id] === 'string' ? optionLabel(vq, a[q.id] as string, l) : null) }];
    case 'rating':
    case 'number':
      return [{ key: q.id, label: title, width: 12, value: (a) => (typeof a[q.id] === 'number' ? (a[q.id] as number) : null) }];
    case 'matrix':
      return q.rows.map((r) => ({
        key: `${q.id}.${r.id}`,
        label: `${title} – ${t(r.label, lang)}`,
        width: 22,
        value: (a, vq, l) => {
          const v = a[q.id];
          const point = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[r.id] : undefined;
          return vq && typeof point === 'string' ? optionLabel(vq, point, l) : null;
        }
      }));
    case 'ranking':
      return q.options.map((o) => ({
        key: `${q.id}.${o.id}`,
        label: `${title} – position of ${t(o.label, lang)}`,
        width: 14,
        value: (a) => {
          const v = a[q.id];
          const at = Array.isArray(v) ? v.indexOf(o.id) : -1;
          return at >= 0 ? at + 1 : null;
        }
      }));
    case 'consent':
      return [{ key: q.id, label: title, width: 12, value: (a) => (a[q.id] === true ? 'Agreed' : null) }];
    case 'text':
    case 'long_text':
    case 'date':
      return [{ key: q.id, label: title, width: q.type === 'long_text' ? 60 : q.type === 'date' ? 12 : 30, value: (a) => text(a[q.id]) }];
  }
}

/** A raw export, ready to write: who it is about, how many responses it holds, its headings and its pages of rows. */
export type ResponsesExport = {
  survey: { id: string; slug: string; title: string; networkId: string; network: string; isDemo: boolean; minGroupSize: number };
  /** Complete responses in the file (those completed before the download began). */
  total: number;
  /** Column widths (characters), for xlsx. */
  widths: number[];
  /** The two heading rows: column keys, then headings people read. */
  headings: Row[];
  /** The response rows, a page at a time. */
  pages(): AsyncGenerator<Row[]>;
};

/**
 * Open the raw export of a survey for a member who may export responses in its network.
 * Throws Unauthenticated, NotFound (no such survey) or Forbidden (another network, or a
 * role without `responses:export`).
 */
export async function responsesExport(
  db: Db,
  slug: string,
  viewer: readonly Membership[] | null,
  opts: { pageSize?: number } = {}
): Promise<ResponsesExport> {
  if (!viewer) throw new Unauthenticated();
  const survey = await surveys.findBySlug(db, slug);
  if (!survey) throw new NotFound('There is no survey at this address.');
  authorize(viewer, survey.networkId, 'responses:export');
  const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_SIZE, 1), 5000);

  const [versions, [snapshot]] = await db.batch([
    db.select({ version: surveyVersions.version, definition: surveyVersions.definition }).from(surveyVersions).where(eq(surveyVersions.surveyId, survey.id)).orderBy(desc(surveyVersions.version)),
    db
      .select({ n: count(), last: max(responses.completedAt) })
      .from(responses)
      .where(and(eq(responses.surveyId, survey.id), eq(responses.status, 'complete'), isNotNull(responses.completedAt)))
  ]);
  const defs = new Map(versions.map((v) => [v.version, v.definition as SurveyDefinition]));
  const newest = versions.length ? (versions[0].definition as SurveyDefinition) : surveys.parseDraft(survey);
  const lang = newest.languages?.[0] ?? 'en';
  const columns = mergedQuestions(versions.length ? versions.map((v) => v.definition as SurveyDefinition) : [newest]).flatMap((q) => questionColumns(q, lang));
  const questionsOf = new Map([...defs].map(([v, def]) => [v, new Map(def.pages.flatMap((p) => p.questions).map((q) => [q.id, q]))]));
  const total = snapshot?.n ?? 0;
  const cutoff = snapshot?.last ?? null;
  const questionId = (key: string) => key.split('.')[0];

  async function* pages(): AsyncGenerator<Row[]> {
    if (!cutoff) return;
    const inFile = and(eq(responses.surveyId, survey!.id), eq(responses.status, 'complete'), isNotNull(responses.completedAt), lte(responses.completedAt, cutoff));
    let after: { completedAt: string; id: string } | null = null;
    for (;;) {
      const where: SQL | undefined = after ? and(inFile, sql`(${responses.completedAt}, ${responses.id}) > (${after.completedAt}, ${after.id})`) : inFile;
      const order = [asc(responses.completedAt), asc(responses.id)];
      const [meta, rows] = await db.batch([
        db
          .select({
            id: responses.id,
            completedAt: responses.completedAt,
            version: responses.version,
            mode: responses.mode,
            language: responses.language,
            linkKind: links.kind,
            linkLabel: links.label,
            linkArea: links.area,
            organisation: organisations.name
          })
          .from(responses)
          .leftJoin(links, eq(links.id, responses.linkId))
          .leftJoin(organisations, eq(organisations.id, links.organisationId))
          .where(where)
          .orderBy(...order)
          .limit(pageSize),
        db
          .select({ responseId: answers.responseId, question_id: answers.questionId, row_id: answers.rowId, option_id: answers.optionId, number: answers.number, text: answers.text })
          .from(answers)
          .where(inArray(answers.responseId, db.select({ id: responses.id }).from(responses).where(where).orderBy(...order).limit(pageSize)))
          .orderBy(asc(answers.id))
      ]);
      if (meta.length === 0) return;
      const byResponse = new Map<string, typeof rows>();
      for (const r of rows) {
        const list = byResponse.get(r.responseId);
        if (list) list.push(r);
        else byResponse.set(r.responseId, [r]);
      }
      const out: Row[] = [];
      for (const m of meta) {
        const def = defs.get(m.version) ?? newest;
        const given = fromRows(def, byResponse.get(m.id) ?? []);
        const qs = questionsOf.get(m.version);
        out.push([...META_COLUMNS.map((c) => c.value(m)), ...columns.map((c) => c.value(given, qs?.get(questionId(c.key)), lang))]);
      }
      yield out;
      if (meta.length < pageSize) return;
      const last: ResponseMeta = meta[meta.length - 1];
      after = { completedAt: last.completedAt!, id: last.id };
    }
  }

  return {
    survey: {
      id: survey.id,
      slug: survey.slug,
      title: t(newest.title, lang),
      networkId: survey.networkId,
      network: survey.network.name,
      isDemo: survey.network.isDemo,
      minGroupSize: survey.minGroupSize
    },
    total,
    widths: [...META_COLUMNS.map((c) => c.width), ...columns.map((c) => c.width)],
    headings: [heading(...META_COLUMNS.map((c) => c.key), ...columns.map((c) => c.key)), heading(...META_COLUMNS.map((c) => c.label), ...columns.map((c) => c.label))],
    pages
  };
}

/** The "About" sheet of the xlsx (and what a person needs to read the columns). */
export function aboutRows(exp: ResponsesExport, at = new Date()): Row[] {
  return [
    heading('Responses', exp.survey.title),
    ['Survey', exp.survey.title],
    ['Survey address', `/s/${exp.survey.slug}`],
    ['Network', exp.survey.network],
    ...(exp.survey.isDemo ? [['Data', 'Demo – made-up data']] : []),
    ['Downloaded', ukTime(at)],
    ['Complete responses', exp.total],
    ['Who may have this', 'Editors and admins of the network. It holds every answer as given, free text included, so keep it safe and share aggregates instead.'],
    ['Published results', `Results shared with others hide every figure from fewer than ${exp.survey.minGroupSize} people; this file does not.`],
    [],
    heading('Columns'),
    ['Multiple choice', 'The options chosen, in one cell, joined by "; ".'],
    ['Grids', 'One column per statement, with the point chosen.'],
    ['Ranking', 'One column per option with its position (1 is most important); empty if it was not ranked.'],
    ['Other', 'What the person wrote for "other", in its own column.'],
    ['Text', 'As written. Text that a spreadsheet could read as a formula starts with an apostrophe.'],
    ['Came through', 'The survey address, a link or kiosk (with its label and area), an organisation invitation (with the organisation), or a single-use card pack.']
  ];
}
