/**
 * The builder's question form: a question as the fields of an HTML form and back.
 *
 * The form works without JavaScript, so every change to its shape (another option row,
 * moving an option, another condition clause, a new type) is a post that comes back as
 * the same form, changed and not yet saved; only "Save" stores it. These functions are
 * that round trip: `formOf` (question → form state), `readForm` (posted fields → form
 * state), `applyOp` (one change of shape) and `questionFrom` (form state → question,
 * keeping every translation and every existing id).
 */
import { EditRefused, changeType, fromClauses, setText, skeleton, slugId, toClauses, uniqueId, type Clause } from './builder';
import { t } from './i18n';
import { conditionValues, type Condition, type I18nText, type Question, type QuestionType } from './survey-definition';

/** One row of an option, point or statement list. `id` is empty for a row not saved yet. */
export type ItemRow = { id: string; label: string; exclusive: boolean };

/** The lists a question may have. */
export const LISTS = ['options', 'points', 'rows'] as const;
export type ListName = (typeof LISTS)[number];

/** The question form's state. Text is in the survey's default language. */
export type QuestionForm = {
  type: QuestionType;
  title: string;
  help: string;
  required: boolean;
  options: ItemRow[];
  points: ItemRow[];
  rows: ItemRow[];
  otherOn: boolean;
  other: string;
  preferNot: boolean;
  min: string;
  max: string;
  maxLength: string;
  integer: boolean;
  unit: string;
  minLabel: string;
  maxLabel: string;
  statement: string;
  body: string;
  join: 'all' | 'any';
  clauses: Clause[];
  /** A condition nested deeper than the clause editor shows: kept as it is unless removed. */
  complex: string;
};

/** Which lists and fields each type has. */
export function listsOf(type: QuestionType): ListName[] {
  if (type === 'single' || type === 'multi' || type === 'ranking') return ['options'];
  if (type === 'scale') return ['points'];
  if (type === 'matrix') return ['rows', 'points'];
  return [];
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** A question as the form shows it. */
export function formOf(q: Question, lang: string): QuestionForm {
  const text = (x: I18nText | undefined) => (x === undefined ? '' : t(x, lang, lang));
  const rec = q as Record<string, unknown>;
  const list = (key: ListName): ItemRow[] =>
    ((rec[key] as { id: string; label: I18nText; exclusive?: boolean }[] | undefined) ?? []).map((o) => ({ id: o.id, label: text(o.label), exclusive: !!o.exclusive }));
  const flat = toClauses(q.show_if);
  return {
    type: q.type,
    title: text(q.title),
    help: q.type === 'info' ? '' : text(q.help),
    required: q.type !== 'info' && !!q.required,
    options: list('options'),
    points: list('points'),
    rows: list('rows'),
    otherOn: rec.other !== undefined,
    other: text(rec.other as I18nText | undefined) || 'Other',
    preferNot: !!rec.prefer_not_to_say,
    min: str(rec.min),
    max: str(rec.max),
    maxLength: str(rec.max_length),
    integer: !!rec.integer,
    unit: text(rec.unit as I18nText | undefined),
    minLabel: text(rec.min_label as I18nText | undefined),
    maxLabel: text(rec.max_label as I18nText | undefined),
    statement: text(rec.statement as I18nText | undefined),
    body: q.type === 'info' ? text(q.body) : '',
    join: flat?.join ?? 'all',
    clauses: flat?.clauses ?? [],
    complex: flat ? '' : JSON.stringify(q.show_if)
  };
}

/** Anything with FormData's reading methods. */
type Fields = { get(name: string): unknown; getAll(name: string): unknown[] };

const MAX_ROWS = 60;

/** The posted form's state (never trusted: every value is read as text and checked when saved). */
export function readForm(form: Fields, types: ReadonlySet<string>): QuestionForm {
  const text = (name: string) => str(form.get(name)).slice(0, 4000);
  const on = (name: string) => form.get(name) !== null;
  const rows = (key: ListName): ItemRow[] => {
    const out: ItemRow[] = [];
    for (let i = 0; i < MAX_ROWS; i++) {
      if (form.get(`${key}.${i}.label`) === null && form.get(`${key}.${i}.id`) === null) break;
      out.push({ id: text(`${key}.${i}.id`).slice(0, 64), label: text(`${key}.${i}.label`), exclusive: on(`${key}.${i}.exclusive`) });
    }
    return out;
  };
  const clauses: Clause[] = [];
  for (let i = 0; i < 20; i++) {
    const question = form.get(`clause.${i}.question`);
    if (question === null) break;
    clauses.push({ question: str(question).slice(0, 64), negate: form.get(`clause.${i}.negate`) === 'not', in: form.getAll(`clause.${i}.in`).map(str).slice(0, 60) });
  }
  const type = text('type');
  return {
    type: (types.has(type) ? type : 'text') as QuestionType,
    title: text('title'),
    help: text('help'),
    required: on('required'),
    options: rows('options'),
    points: rows('points'),
    rows: rows('rows'),
    otherOn: on('otherOn'),
    other: text('other'),
    preferNot: on('preferNot'),
    min: text('min').trim(),
    max: text('max').trim(),
    maxLength: text('maxLength').trim(),
    integer: on('integer'),
    unit: text('unit'),
    minLabel: text('minLabel'),
    maxLabel: text('maxLabel'),
    statement: text('statement'),
    body: text('body'),
    join: form.get('join') === 'any' ? 'any' : 'all',
    clauses,
    complex: form.get('removeComplex') !== null ? '' : text('complex')
  };
}

/**
 * One change of the form's shape, named by the button pressed: `add:options`,
 * `remove:points:2`, `up:rows:1`, `down:options:0`, `add-clause`, `remove-clause:1`,
 * `type` (the type chosen in the form; lists carry over where they can). Returns the
 * changed form and the id of the field to put the focus on.
 */
export function applyOp(f: QuestionForm, op: string, original: Question): { form: QuestionForm; focus: string } {
  const next = structuredClone(f);
  const [verb, list, at] = op.split(':');
  const i = Number(at);
  if (LISTS.includes(list as ListName)) {
    const items = next[list as ListName];
    if (verb === 'add') {
      items.push({ id: '', label: '', exclusive: false });
      return { form: next, focus: `f-${list}-${items.length - 1}-label` };
    }
    if (!Number.isInteger(i) || !items[i]) return { form: next, focus: `f-${list}-0-label` };
    if (verb === 'remove') {
      items.splice(i, 1);
      return { form: next, focus: items.length ? `f-${list}-${Math.min(i, items.length - 1)}-label` : `add-${list}` };
    }
    const j = verb === 'up' ? i - 1 : i + 1;
    if ((verb === 'up' || verb === 'down') && items[j]) {
      [items[i], items[j]] = [items[j], items[i]];
      return { form: next, focus: `f-${list}-${j}-${verb}` };
    }
    return { form: next, focus: `f-${list}-${i}-label` };
  }
  if (verb === 'add-clause') {
    next.clauses.push({ question: '', in: [], negate: false });
    return { form: next, focus: `f-clause-${next.clauses.length - 1}-question` };
  }
  if (verb === 'remove-clause' && Number.isInteger(Number(list))) {
    next.clauses.splice(Number(list), 1);
    return { form: next, focus: 'condition' };
  }
  if (verb === 'type') {
    // Limits mean different things for each type (choices, numbers, dates): start them afresh.
    if (f.type !== original.type) next.min = next.max = next.maxLength = '';
    // Lists carry over where they can (options ⇄ points); otherwise the new type's defaults.
    const fresh = skeleton(f.type, original.id, 'Question') as Record<string, unknown>;
    const defaults = (key: ListName): ItemRow[] =>
      ((fresh[key] as { label: string }[] | undefined) ?? []).map((o) => ({ id: '', label: o.label, exclusive: false }));
    const wanted = listsOf(f.type);
    if (wanted.includes('options') && next.options.length < 2) next.options = next.points.length >= 2 ? next.points.map((r) => ({ ...r })) : defaults('options');
    if (wanted.includes('points') && next.points.length < 2) next.points = next.options.length >= 2 ? next.options.slice(0, 11).map((r) => ({ ...r })) : defaults('points');
    if (wanted.includes('rows') && next.rows.length < 1) next.rows = defaults('rows');
    return { form: next, focus: 'f-type' };
  }
  if (verb === 'answers') return { form: next, focus: 'condition' };
  return { form: next, focus: 'f-title' };
}

/** Read a number field; '' is "not set". */
function num(value: string, path: string, opts: { integer?: boolean; label: string }): number | undefined {
  if (!value) return undefined;
  const n = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) throw new EditRefused(`${opts.label} must be ${opts.integer ? 'a whole number' : 'a number'}`, path);
  return n;
}

/**
 * The question the form describes, built on the original: translations of every text and
 * list item that still exists are kept, ids respondents have seen never change, and new
 * list items get ids from their wording. Rows left blank are dropped. Problems of the form itself
 * (a number that is not one) throw EditRefused with the field; the rest is for the schema.
 */
export function questionFrom(
  f: QuestionForm,
  original: Question,
  lang: string,
  opts: {
    defaultLang?: string;
    /** Ids of each list that respondents have seen (in the live version): these never change. Without it, no existing id changes. */
    settled?: Record<ListName, ReadonlySet<string>>;
    /** Filled with the ids that changed (old → new), for conditions elsewhere that name them. */
    renamed?: Map<string, string>;
  } = {}
): Question {
  const defaultLang = opts.defaultLang ?? lang;
  const base = changeType(original, f.type) as Record<string, unknown>;
  const q: Record<string, unknown> = { id: original.id, type: f.type };
  const keep = (key: string) => {
    if (base[key] !== undefined) q[key] = structuredClone(base[key]);
  };
  const text = (key: string, value: string) => {
    keep(key);
    setText(q, key, value, lang, defaultLang);
  };
  if (f.type === 'info') {
    text('title', f.title);
    text('body', f.body || f.title);
    if (!q.body) throw new EditRefused('Enter the text to show', 'body');
  } else {
    text('title', f.title);
    if (!q.title) throw new EditRefused('Enter the question', 'title');
    text('help', f.help);
    if (f.required) q.required = true;
  }

  const originalLists = original as Record<string, unknown>;
  for (const key of listsOf(f.type)) {
    const before = new Map(((originalLists[key] as { id: string; label: I18nText; exclusive?: boolean }[] | undefined) ?? []).map((o) => [o.id, o]));
    const rows = f[key].filter((r) => r.label.trim());
    // An item keeps its id once respondents have seen it (or its wording is unchanged); an id
    // nobody has answered yet follows its new wording, so "Option 1" becomes "yes", not "option_1".
    const keeps = (r: ItemRow) => {
      const prior = r.id ? before.get(r.id) : undefined;
      if (!prior) return false;
      if (!opts.settled || opts.settled[key].has(prior.id)) return true;
      return t(prior.label, lang, lang).trim() === r.label.trim();
    };
    // Ids respondents have seen stay taken even when their item is removed, so a new item never inherits their answers.
    const taken = new Set([...rows.filter(keeps).map((r) => r.id), ...(opts.settled ? opts.settled[key] : before.keys())]);
    q[key] = rows.map((r) => {
      const prior = r.id ? before.get(r.id) : undefined;
      const item: Record<string, unknown> = prior ? { id: prior.id, label: structuredClone(prior.label) } : { id: '' };
      if (!keeps(r)) {
        item.id = uniqueId(slugId(r.label, key === 'rows' ? 'statement' : 'option'), taken);
        taken.add(item.id as string);
        if (prior && prior.id !== item.id) opts.renamed?.set(prior.id, item.id as string);
      }
      setText(item, 'label', r.label, lang, defaultLang);
      if (key === 'options' && f.type === 'multi' && r.exclusive) item.exclusive = true;
      return item;
    });
  }

  if (f.type === 'single' || f.type === 'multi') {
    if (f.otherOn) text('other', f.other || 'Other');
  }
  if (['single', 'multi', 'scale', 'matrix', 'yes_no'].includes(f.type) && f.preferNot) q.prefer_not_to_say = true;
  if (f.type === 'multi') {
    const min = num(f.min, 'min', { integer: true, label: 'The fewest choices' });
    const max = num(f.max, 'max', { integer: true, label: 'The most choices' });
    if (min !== undefined) q.min = min;
    if (max !== undefined) q.max = max;
  }
  if (f.type === 'ranking') {
    const max = num(f.max, 'max', { integer: true, label: 'How many to rank' });
    if (max !== undefined) q.max = max;
  }
  if (f.type === 'rating') {
    text('min_label', f.minLabel);
    text('max_label', f.maxLabel);
  }
  if (f.type === 'text' || f.type === 'long_text') {
    const max = num(f.maxLength, 'max_length', { integer: true, label: 'The longest answer' });
    if (max !== undefined) q.max_length = max;
  }
  if (f.type === 'number') {
    const min = num(f.min, 'min', { label: 'The smallest number' });
    const max = num(f.max, 'max', { label: 'The largest number' });
    if (min !== undefined) q.min = min;
    if (max !== undefined) q.max = max;
    if (f.integer) q.integer = true;
    text('unit', f.unit);
  }
  if (f.type === 'date') {
    for (const key of ['min', 'max'] as const) {
      const v = f[key];
      if (!v) continue;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new EditRefused(`Enter the ${key === 'min' ? 'earliest' : 'latest'} date as YYYY-MM-DD`, key);
      q[key] = v;
    }
  }
  if (f.type === 'consent') {
    text('statement', f.statement);
    if (!q.statement) throw new EditRefused('Enter the statement people agree to', 'statement');
  }

  // The condition: the clause editor's, or a deeper one kept as it was.
  let condition: Condition | undefined;
  if (f.complex) condition = original.show_if;
  else {
    // The path names the clause's place in the form, counting clauses left without a question.
    f.clauses.forEach((c, i) => {
      if (c.question && !c.in.length) throw new EditRefused('Choose at least one answer for this condition', `clause.${i}.in`);
    });
    const clauses = f.clauses.filter((c) => c.question);
    condition = fromClauses(f.join, clauses);
  }
  if (condition) q.show_if = condition;
  return q as Question;
}

/** The questions a condition may look at: earlier ones whose answers are choices, with those choices. */
export function conditionTargets(questions: readonly Question[], before: string, lang: string): { id: string; title: string; values: { id: string; label: string }[] }[] {
  const out: { id: string; title: string; values: { id: string; label: string }[] }[] = [];
  for (const q of questions) {
    if (q.id === before) break;
    const values = conditionValues(q);
    if (!values) continue;
    const label = (id: string) => {
      if (id === 'prefer_not_to_say') return 'Prefer not to say';
      if (id === 'other' && 'other' in q && q.other) return t(q.other, lang, lang);
      if (q.type === 'yes_no') return id === 'yes' ? 'Yes' : 'No';
      if (q.type === 'consent') return 'Agreed';
      if (q.type === 'rating') return id;
      const list = 'options' in q ? q.options : 'points' in q ? q.points : [];
      const o = list.find((x) => x.id === id);
      return o ? t(o.label, lang, lang) : id;
    };
    out.push({ id: q.id, title: q.type === 'info' ? q.id : t(q.title, lang, lang), values: values.map((id) => ({ id, label: label(id) })) });
  }
  return out;
}
