/**
 * Answers: their shape at the boundary, their validation against the exact
 * definition version answered, and their translation to and from the one-row-per-
 * answer storage. Used by the JSON API, the form actions and the results.
 */
import { z } from 'zod';
import { evaluate, type ChoiceMap } from './logic';
import {
  Id,
  LanguageCode,
  OTHER,
  PREFER_NOT,
  type AnswerableQuestion,
  type Question,
  type SurveyDefinition
} from './survey-definition';

/**
 * One answer, by question type: single `{option, other?}`, multi `{options, other?}`,
 * scale and yes_no an option id, rating and number a number, matrix `{row: point}`,
 * ranking option ids best first, text, long_text and date a string, consent `true`.
 */
export const AnswerValue = z.union([
  z.string().max(20000),
  z.number(),
  z.literal(true),
  z.array(z.string().max(64)).max(61),
  z.strictObject({ option: z.string().max(64), other: z.string().max(20000).optional() }),
  z.strictObject({ options: z.array(z.string().max(64)).max(62), other: z.string().max(20000).optional() }),
  z.record(z.string().max(64), z.string().max(64))
]);
/** See AnswerValue. */
export type AnswerValue = z.infer<typeof AnswerValue>;

/** Answers keyed by question id. */
export type Answers = Record<string, AnswerValue>;

/** A whole response sent in one request (the JSON API, and the browser's retry queue). */
export const Submission = z.strictObject({
  id: z.uuid({ error: 'must be a UUID made when the survey was started' }),
  language: LanguageCode.optional(),
  answers: z
    .record(Id, AnswerValue)
    .refine((a) => Object.keys(a).length <= 1000, 'has too many answers')
});
/** See Submission. */
export type Submission = z.infer<typeof Submission>;

/** A problem with one question's answer, in words a respondent understands. */
export type AnswerError = { question: string; message: string };

/** One stored answer row (the `answers` table without its keys). */
export type AnswerRow = {
  question_id: string;
  row_id: string | null;
  option_id: string | null;
  number: number | null;
  text: string | null;
};

/** For answer rows in order: 1 on the first row of each question (and matrix row), 0 on the rest (see `answers.lead`). */
export function leads(rows: readonly AnswerRow[]): (0 | 1)[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    const k = `${r.question_id}|${r.row_id ?? ''}`;
    if (seen.has(k)) return 0;
    seen.add(k);
    return 1;
  });
}

/** Default length limits for free text. */
export const TEXT_MAX = 500;
/** See TEXT_MAX. */
export const LONG_TEXT_MAX = 5000;

// C0 controls except tab, LF and CR; DEL; C1 controls; lone surrogates are rejected by the
// well-formed check below.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Normalise and check respondent text; returns the clean text or an error message. */
export function cleanText(raw: string, opts: { max: number; multiline: boolean }): { text: string } | { error: string } {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (CONTROL.test(text) || !text.isWellFormed()) return { error: 'Remove the unusual characters from your answer' };
  if (!opts.multiline && text.includes('\n')) return { error: 'Keep this answer to one line' };
  if (text.length > opts.max) return { error: `Keep your answer to ${opts.max.toLocaleString('en-GB')} characters or fewer (it has ${text.length.toLocaleString('en-GB')})` };
  return { text };
}

function isAnswerable(q: Question): q is AnswerableQuestion {
  return q.type !== 'info';
}

/** Questions of the whole survey (or of one page) that take answers. */
export function answerable(questions: readonly Question[]): AnswerableQuestion[] {
  return questions.filter(isAnswerable);
}

/** The options a condition sees for each answered question. */
export function choices(answers: Answers): ChoiceMap {
  const map: Record<string, string[]> = {};
  for (const [id, v] of Object.entries(answers)) {
    if (typeof v === 'string') map[id] = [v];
    else if (typeof v === 'number') map[id] = [String(v)];
    else if (v === true) map[id] = ['agreed'];
    else if (Array.isArray(v)) map[id] = v;
    else if ('option' in v && typeof v.option === 'string') map[id] = [v.option];
    else if ('options' in v && Array.isArray(v.options)) map[id] = v.options as string[];
  }
  return map;
}

/** Ids of the questions shown given the answers so far; a hidden question's answer never counts. */
export function visibleIds(def: SurveyDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  const seen: Record<string, string[]> = {};
  const all = choices(answers);
  for (const page of def.pages)
    for (const q of page.questions) {
      if (!evaluate(q.show_if, seen)) continue;
      visible.add(q.id);
      if (all[q.id]) seen[q.id] = all[q.id] as string[];
    }
  return visible;
}

/** Index of the next page after `from` that shows anything, or -1 for the end. */
export function nextPage(def: SurveyDefinition, answers: Answers, from: number): number {
  const visible = visibleIds(def, answers);
  for (let p = from + 1; p < def.pages.length; p++) if (def.pages[p].questions.some((q) => visible.has(q.id))) return p;
  return -1;
}

/** Index of the previous page before `from` that shows anything, or -1 if none. */
export function previousPage(def: SurveyDefinition, answers: Answers, from: number): number {
  const visible = visibleIds(def, answers);
  for (let p = from - 1; p >= 0; p--) if (def.pages[p].questions.some((q) => visible.has(q.id))) return p;
  return -1;
}

/** Drop answers to questions that are hidden or unknown. */
export function keepVisible(def: SurveyDefinition, answers: Answers): Answers {
  const visible = visibleIds(def, answers);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}

const err = (question: string, message: string): AnswerError => ({ question, message });

/**
 * Check one answer against its question. Returns the normalised answer (text trimmed,
 * "other" text dropped when "other" is not chosen), `undefined` for "no answer", or an error.
 */
export function checkAnswer(q: AnswerableQuestion, value: AnswerValue): { value?: AnswerValue } | { error: string } {
  const wrong = { error: 'This answer could not be read. Please answer again.' };
  const optionIds = 'options' in q ? q.options.map((o) => o.id) : [];
  const otherText = (raw: string | undefined) => {
    if (raw === undefined || raw.trim() === '') return { error: 'Tell us what you meant by "other", or choose another option' };
    return cleanText(raw, { max: TEXT_MAX, multiline: false });
  };
  switch (q.type) {
    case 'single': {
      if (typeof value !== 'object' || value === null || !('option' in value)) return wrong;
      const allowed = [...optionIds, ...(q.other ? [OTHER] : []), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
      if (!allowed.includes(value.option)) return { error: 'Choose one of the options' };
      if (value.option !== OTHER) return { value: { option: value.option } };
      const o = otherText(value.other);
      return 'error' in o ? o : { value: { option: OTHER, other: o.text } };
    }
    case 'multi': {
      if (typeof value !== 'object' || value === null || !('options' in value)) return wrong;
      const picked = [...new Set(value.options)];
      if (picked.length === 0) return {};
      const allowed = [...optionIds, ...(q.other ? [OTHER] : []), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
      if (picked.some((p) => !allowed.includes(p))) return { error: 'Choose from the options given' };
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.id).concat(PREFER_NOT);
      const lone = picked.find((p) => exclusive.includes(p));
      if (lone && picked.length > 1) {
        const label = lone === PREFER_NOT ? '"Prefer not to say"' : 'that option';
        return { error: `If you choose ${label}, do not choose any others` };
      }
      const counted = lone ? 1 : picked.length;
      if (!lone && q.min !== undefined && counted < q.min) return { error: `Choose at least ${q.min}` };
      if (!lone && q.max !== undefined && counted > q.max) return { error: `Choose no more than ${q.max}` };
      const ordered = allowed.filter((a) => picked.includes(a));
      if (!picked.includes(OTHER)) return { value: { options: ordered } };
      const o = otherText(value.other);
      return 'error' in o ? o : { value: { options: ordered, other: o.text } };
    }
    case 'scale': {
      const allowed = [...q.points.map((p) => p.id), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
      return typeof value === 'string' && allowed.includes(value) ? { value } : { error: 'Choose one of the points on the scale' };
    }
    case 'yes_no': {
      const allowed = ['yes', 'no', ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
      return typeof value === 'string' && allowed.includes(value) ? { value } : { error: 'Choose yes or no' };
    }
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10
        ? { value }
        : { error: 'Choose a number from 0 to 10' };
    case 'matrix': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong;
      const rows = q.rows.map((r) => r.id);
      const points = [...q.points.map((p) => p.id), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
      const out: Record<string, string> = {};
      for (const [row, point] of Object.entries(value)) {
        if (!rows.includes(row) || typeof point !== 'string' || !points.includes(point)) return { error: 'Choose one point on the scale for each row' };
        out[row] = point;
      }
      if (Object.keys(out).length === 0) return {};
      if (q.required && Object.keys(out).length < rows.length) return { error: 'Answer every row' };
      return { value: Object.fromEntries(rows.filter((r) => r in out).map((r) => [r, out[r]])) };
    }
    case 'ranking': {
      if (!Array.isArray(value)) return wrong;
      if (value.length === 0) return {};
      if (new Set(value).size !== value.length) return { error: 'Use each position only once' };
      if (value.some((v) => !optionIds.includes(v))) return { error: 'Rank only the options given' };
      const max = q.max ?? q.options.length;
      if (value.length > max) return { error: `Rank no more than ${max}` };
      return { value: [...value] };
    }
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return wrong;
      const multiline = q.type === 'long_text';
      const max = q.max_length ?? (multiline ? LONG_TEXT_MAX : TEXT_MAX);
      const c = cleanText(value, { max, multiline });
      if ('error' in c) return c;
      return c.text === '' ? {} : { value: c.text };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'Enter a number, like 12' };
      if (q.integer && !Number.isInteger(value)) return { error: 'Enter a whole number, like 12' };
      if (q.min !== undefined && value < q.min) return { error: `Enter a number that is ${q.min} or more` };
      if (q.max !== undefined && value > q.max) return { error: `Enter a number that is ${q.max} or less` };
      if (Math.abs(value) > 1e12) return { error: 'Enter a smaller number' };
      return { value };
    }
    case 'date': {
      if (typeof value !== 'string' || !isRealDate(value)) return { error: 'Enter a real date' };
      if (q.min && value < q.min) return { error: `Enter a date on or after ${formatDate(q.min)}` };
      if (q.max && value > q.max) return { error: `Enter a date on or before ${formatDate(q.max)}` };
      return { value };
    }
    case 'consent':
      return value === true ? { value } : wrong;
  }
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function formatDate(s: string): string {
  return new Date(`${s}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The message for a required question left unanswered. */
export function requiredMessage(q: AnswerableQuestion): string {
  switch (q.type) {
    case 'single':
    case 'scale':
    case 'yes_no':
    case 'rating':
      return 'Choose an answer';
    case 'multi':
      return 'Choose at least one option';
    case 'matrix':
      return 'Answer every row';
    case 'ranking':
      return 'Put at least one option in order';
    case 'consent':
      return 'Tick the box to agree, or leave the survey here';
    case 'date':
      return 'Enter a date';
    case 'number':
      return 'Enter a number';
    default:
      return 'Enter an answer';
  }
}

/**
 * Validate answers to a set of questions (a page, or the whole survey). Unknown ids are
 * errors; answers to questions hidden by `show_if` are dropped; with `requireRequired`,
 * visible required questions without an answer are errors.
 */
export function validateAnswers(
  def: SurveyDefinition,
  questions: readonly Question[],
  given: Answers,
  opts: { requireRequired: boolean; earlier?: Answers }
): { answers: Answers; errors: AnswerError[] } {
  const byId = new Map(answerable(questions).map((q) => [q.id, q]));
  const errors: AnswerError[] = [];
  const clean: Answers = {};
  for (const [id, value] of Object.entries(given)) {
    const q = byId.get(id);
    if (!q) {
      errors.push(err(id, `"${id}" is not a question here`));
      continue;
    }
    const r = checkAnswer(q, value);
    if ('error' in r) errors.push(err(id, r.error));
    else if (r.value !== undefined) clean[id] = r.value;
  }
  const merged = { ...(opts.earlier ?? {}), ...clean };
  const visible = visibleIds(def, merged);
  const answers: Answers = {};
  for (const [id, v] of Object.entries(clean)) if (visible.has(id)) answers[id] = v;
  const kept = errors.filter((e) => !byId.has(e.question) || visible.has(e.question));
  if (opts.requireRequired)
    for (const q of byId.values())
      if (q.required && visible.has(q.id) && answers[q.id] === undefined && !kept.some((e) => e.question === q.id))
        kept.push(err(q.id, requiredMessage(q)));
  return { answers, errors: kept };
}

/** Read form fields (`q.<id>`, `q.<id>.<row or option>`, `q.<id>.other`) into answers for the given questions. */
export function answersFromForm(
  questions: readonly Question[],
  form: { get(name: string): unknown; getAll(name: string): unknown[]; keys(): Iterable<string> }
): { answers: Answers; errors: AnswerError[]; unknown: string[] } {
  const str = (name: string): string | undefined => {
    const v = form.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  };
  const qs = answerable(questions);
  const known = new Set(qs.map((q) => q.id));
  const unknown = [...new Set([...form.keys()].filter((k) => k.startsWith('q.')).map((k) => k.split('.')[1]))].filter(
    (id) => !known.has(id)
  );
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  for (const q of qs) {
    const name = `q.${q.id}`;
    switch (q.type) {
      case 'single': {
        const option = str(name);
        if (option) answers[q.id] = { option, ...(str(`${name}.other`) ? { other: str(`${name}.other`) } : {}) };
        break;
      }
      case 'multi': {
        const options = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
        if (options.length) answers[q.id] = { options, ...(str(`${name}.other`) ? { other: str(`${name}.other`) } : {}) };
        break;
      }
      case 'scale':
      case 'yes_no':
      case 'text':
      case 'long_text':
      case 'date': {
        const v = form.get(name);
        if (typeof v === 'string' && v.trim() !== '') answers[q.id] = v;
        break;
      }
      case 'rating':
      case 'number': {
        const raw = str(name)?.trim().replace(/,/g, '');
        if (raw === undefined) break;
        const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
        if (Number.isNaN(n)) errors.push(err(q.id, q.type === 'rating' ? 'Choose a number from 0 to 10' : 'Enter a number, like 12'));
        else answers[q.id] = n;
        break;
      }
      case 'matrix': {
        const out: Record<string, string> = {};
        for (const row of q.rows) {
          const v = str(`${name}.${row.id}`);
          if (v) out[row.id] = v;
        }
        if (Object.keys(out).length) answers[q.id] = out;
        break;
      }
      case 'ranking': {
        const ranks: [string, number][] = [];
        for (const o of q.options) {
          const v = str(`${name}.${o.id}`);
          if (v === undefined) continue;
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1 || n > q.options.length) {
            errors.push(err(q.id, `Use the numbers 1 to ${q.options.length}`));
            break;
          }
          ranks.push([o.id, n]);
        }
        if (errors.some((e) => e.question === q.id)) break;
        ranks.sort((a, b) => a[1] - b[1]);
        const nums = ranks.map((r) => r[1]);
        if (new Set(nums).size !== nums.length) errors.push(err(q.id, 'Use each number only once'));
        else if (nums.some((n, i) => n !== i + 1)) errors.push(err(q.id, 'Number your choices in order, starting from 1, without gaps'));
        else if (ranks.length) answers[q.id] = ranks.map((r) => r[0]);
        break;
      }
      case 'consent':
        if (str(name) === 'agreed') answers[q.id] = true;
        break;
    }
  }
  return { answers, errors, unknown };
}

/** Turn validated answers into storage rows, one per chosen option, row or value. */
export function toRows(def: SurveyDefinition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const row = (question_id: string, r: Partial<AnswerRow>): AnswerRow => ({
    question_id,
    row_id: null,
    option_id: null,
    number: null,
    text: null,
    ...r
  });
  for (const page of def.pages)
    for (const q of page.questions) {
      const v = answers[q.id];
      if (v === undefined || q.type === 'info') continue;
      switch (q.type) {
        case 'single': {
          const a = v as { option: string; other?: string };
          rows.push(row(q.id, { option_id: a.option, text: a.option === OTHER ? (a.other ?? null) : null }));
          break;
        }
        case 'multi': {
          const a = v as { options: string[]; other?: string };
          for (const o of a.options) rows.push(row(q.id, { option_id: o, text: o === OTHER ? (a.other ?? null) : null }));
          break;
        }
        case 'scale': {
          const i = q.points.findIndex((p) => p.id === v);
          rows.push(row(q.id, { option_id: v as string, number: i >= 0 ? i + 1 : null }));
          break;
        }
        case 'yes_no':
          rows.push(row(q.id, { option_id: v as string }));
          break;
        case 'rating':
          rows.push(row(q.id, { option_id: String(v), number: v as number }));
          break;
        case 'matrix':
          for (const [r, point] of Object.entries(v as Record<string, string>)) {
            const i = q.points.findIndex((p) => p.id === point);
            rows.push(row(q.id, { row_id: r, option_id: point, number: i >= 0 ? i + 1 : null }));
          }
          break;
        case 'ranking':
          (v as string[]).forEach((o, i) => rows.push(row(q.id, { option_id: o, number: i + 1 })));
          break;
        case 'text':
        case 'long_text':
        case 'date':
          rows.push(row(q.id, { text: v as string }));
          break;
        case 'number':
          rows.push(row(q.id, { number: v as number }));
          break;
        case 'consent':
          rows.push(row(q.id, { option_id: 'agreed' }));
          break;
      }
    }
  return rows;
}

/** Form field values (`name` → values) that show the given answers again in the page's inputs. */
export function answersToFormValues(questions: readonly Question[], answers: Answers): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const q of answerable(questions)) {
    const v = answers[q.id];
    if (v === undefined) continue;
    const name = `q.${q.id}`;
    if (q.type === 'single' || q.type === 'multi') {
      const a = v as { option?: string; options?: string[]; other?: string };
      values[name] = a.options ?? (a.option ? [a.option] : []);
      if (a.other) values[`${name}.other`] = [a.other];
    } else if (q.type === 'matrix') {
      for (const [row, point] of Object.entries(v as Record<string, string>)) values[`${name}.${row}`] = [point];
    } else if (q.type === 'ranking') {
      (v as string[]).forEach((o, i) => (values[`${name}.${o}`] = [String(i + 1)]));
    } else if (q.type === 'consent') {
      values[name] = ['agreed'];
    } else {
      values[name] = [String(v)];
    }
  }
  return values;
}

/** The raw `q.*` fields of a submitted form, to show back exactly what was typed when there are errors. */
export function rawFormValues(form: { keys(): Iterable<string>; getAll(name: string): unknown[] }): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const k of new Set(form.keys()))
    if (k.startsWith('q.')) values[k] = form.getAll(k).filter((v): v is string => typeof v === 'string').map((v) => v.slice(0, 20000));
  return values;
}

/** Answers again from their stored rows (the inverse of toRows), to show a complete response read-only. */
export function fromRows(def: SurveyDefinition, rows: readonly AnswerRow[]): Answers {
  const types = new Map(answerable(def.pages.flatMap((p) => p.questions)).map((q) => [q.id, q]));
  const out: Answers = {};
  const ranked: Record<string, { option: string; rank: number }[]> = {};
  for (const r of rows) {
    const q = types.get(r.question_id);
    if (!q) continue;
    switch (q.type) {
      case 'single':
        out[q.id] = r.option_id === OTHER && r.text !== null ? { option: r.option_id, other: r.text } : { option: r.option_id ?? '' };
        break;
      case 'multi': {
        const prev = (out[q.id] as { options: string[]; other?: string } | undefined) ?? { options: [] };
        prev.options.push(r.option_id ?? '');
        if (r.option_id === OTHER && r.text !== null) prev.other = r.text;
        out[q.id] = prev;
        break;
      }
      case 'scale':
      case 'yes_no':
        out[q.id] = r.option_id ?? '';
        break;
      case 'rating':
      case 'number':
        out[q.id] = r.number ?? 0;
        break;
      case 'matrix':
        out[q.id] = { ...((out[q.id] as Record<string, string>) ?? {}), [r.row_id ?? '']: r.option_id ?? '' };
        break;
      case 'ranking':
        (ranked[q.id] ??= []).push({ option: r.option_id ?? '', rank: r.number ?? 0 });
        break;
      case 'consent':
        out[q.id] = true;
        break;
      default:
        out[q.id] = r.text ?? '';
    }
  }
  for (const [id, list] of Object.entries(ranked)) out[id] = list.sort((a, b) => a.rank - b.rank).map((x) => x.option);
  return out;
}
