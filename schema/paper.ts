/**
 * Paper forms: the numbers printed beside each answer, shared by the printable form and
 * the data-entry screen so that what a respondent ticks is what a keyer types, and the
 * reading of what was keyed back into answers.
 *
 * Codes are numbered 1, 2, 3… in the order the options are shown (ordinary options, then
 * "other", then "None of these"-style options, then "prefer not to say", as on the online
 * form); a rating's code is its own number, 0 to 10. Question numbers count the questions
 * that take an answer, across all pages, so info text is never numbered.
 */
import { answerable, validateAnswers, visibleIds, type Answers, type AnswerValue } from './answers';
import { dependencies } from './logic';
import { t } from './i18n';
import { allQuestions, OTHER, PREFER_NOT, type AnswerableQuestion, type Condition, type Question, type SurveyDefinition } from './survey-definition';

/** One printed answer code: what is typed (`code`), the option id stored, and its label. */
export type Code = { code: string; id: string; label: string; exclusive?: boolean };

/** The label of the built-in "prefer not to say" option (as on the online form). */
export const PREFER_NOT_LABEL = 'Prefer not to say';

/** A problem with what was keyed, tied to the input (`field`, a form field name) to fix. */
export type PaperError = { question: string; field: string; message: string };

/** Fields of a submitted form (FormData, URLSearchParams or a test's Map all fit). */
export type Fields = { get(name: string): unknown };

const numbered = (items: Omit<Code, 'code'>[]): Code[] => items.map((c, i) => ({ ...c, code: String(i + 1) }));

/**
 * The printed codes of a question: for single, multi, scale and yes_no its options; for
 * rating 0 to 10; for matrix the points every row shares. Other types have none (ranking
 * is answered by writing numbers, so printing codes beside it would only confuse).
 */
export function codesFor(q: Question, lang = 'en'): Code[] {
  const preferNot = 'prefer_not_to_say' in q && q.prefer_not_to_say ? [{ id: PREFER_NOT, label: PREFER_NOT_LABEL, exclusive: true }] : [];
  switch (q.type) {
    case 'single':
    case 'multi':
      return numbered([
        ...q.options.filter((o) => !o.exclusive).map((o) => ({ id: o.id, label: t(o.label, lang) })),
        ...(q.other ? [{ id: OTHER, label: t(q.other, lang) }] : []),
        ...q.options.filter((o) => o.exclusive).map((o) => ({ id: o.id, label: t(o.label, lang), exclusive: true })),
        ...preferNot
      ]);
    case 'scale':
    case 'matrix':
      return numbered([...q.points.map((p) => ({ id: p.id, label: t(p.label, lang) })), ...preferNot]);
    case 'yes_no':
      return numbered([{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, ...preferNot]);
    case 'rating':
      return Array.from({ length: 11 }, (_, i) => ({
        code: String(i),
        id: String(i),
        label: i === 0 && q.min_label ? t(q.min_label, lang) : i === 10 && q.max_label ? t(q.max_label, lang) : ''
      }));
    default:
      return [];
  }
}

/** Codes in one line for a keyer's hint: "1 Yes; 2 No; 3 Prefer not to say" (a rating: "0 to 10 (0 Bad, 10 Good)"). */
export function codeList(q: Question, lang = 'en'): string {
  const codes = codesFor(q, lang);
  if (q.type === 'rating') {
    const ends = codes.filter((c) => c.label).map((c) => `${c.code} ${c.label}`);
    return `0 to 10${ends.length ? ` (${ends.join(', ')})` : ''}`;
  }
  return codes.map((c) => `${c.code} ${c.label}`).join('; ');
}

/** The number of every question that takes an answer, 1, 2, 3… across all pages. */
export function questionNumbers(def: SurveyDefinition): Map<string, number> {
  return new Map(answerable(allQuestions(def).map((x) => x.question)).map((q, i) => [q.id, i + 1]));
}

/** Form field names on the data-entry screen: one per question, matrix row or ranked option, and "other" text. */
export const fieldName = {
  main: (q: Pick<Question, 'id'>) => `q.${q.id}`,
  part: (q: Pick<Question, 'id'>, part: string) => `q.${q.id}.${part}`,
  other: (q: Pick<Question, 'id'>) => `q.${q.id}.other`
};

/** The first input of a question on the data-entry screen (where an error about the whole question leads). */
export function firstField(q: AnswerableQuestion): string {
  if (q.type === 'matrix') return fieldName.part(q, q.rows[0].id);
  if (q.type === 'ranking') return fieldName.part(q, q.options[0].id);
  return fieldName.main(q);
}

/** A condition in codes, for keyers: "question 3 is 1 “Yes” or 2 “No”". */
export function conditionInCodes(def: SurveyDefinition, c: Condition, numbers = questionNumbers(def)): string {
  if ('all' in c) return c.all.map((x) => conditionInCodes(def, x, numbers)).join(' and ');
  if ('any' in c) return c.any.map((x) => conditionInCodes(def, x, numbers)).join(' or ');
  if ('not' in c) {
    const inner = c.not;
    if ('question' in inner) return leaf(def, inner, numbers, true);
    return `not (${conditionInCodes(def, inner, numbers)})`;
  }
  return leaf(def, c, numbers, false);
}

function leaf(def: SurveyDefinition, c: { question: string; in: string[] }, numbers: Map<string, number>, negated: boolean): string {
  const q = allQuestions(def).find((x) => x.question.id === c.question)?.question;
  const n = numbers.get(c.question);
  if (!q || n === undefined) return '';
  const is = negated ? 'is not' : 'is';
  if (q.type === 'consent') return `question ${n} ${negated ? 'is not ticked' : 'is ticked'}`;
  const codes = codesFor(q);
  const words = c.in.map((id) => {
    const code = codes.find((x) => x.id === id);
    if (!code) return id;
    return code.label && q.type !== 'rating' ? `${code.code} “${code.label}”` : code.code;
  });
  return `question ${n} ${is} ${words.join(' or ')}`;
}

type Parsed = { value?: AnswerValue; errors: PaperError[] };

const str = (fields: Fields, name: string): string => {
  const v = fields.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** Whole numbers and decimals, with thousands separators allowed ("1,250"). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** A keyed date, as the ISO date the answer stores: 31/01/2025, 31-1-2025, 31.01.2025 or 2025-01-31. */
export function readDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : null;
  if (!parts) return null;
  const [y, m, d] = parts;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function range(codes: Code[]): string {
  if (codes.length === 0) return '';
  return codes.length === 1 ? codes[0].code : `${codes[0].code} to ${codes[codes.length - 1].code}`;
}

/** Read one question's inputs. Errors name the question by its printed number. */
function readQuestion(q: AnswerableQuestion, n: number, fields: Fields): Parsed {
  const main = fieldName.main(q);
  const fail = (field: string, message: string): Parsed => ({ errors: [{ question: q.id, field, message: `Question ${n}: ${message}` }] });
  const codes = codesFor(q);
  const notACode = (token: string) => `“${token}” is not one of its codes (${range(codes)})`;
  const withOther = (chosen: string[]): Parsed | { other?: string } => {
    const other = 'other' in q && q.other ? str(fields, fieldName.other(q)) : '';
    const otherCode = codes.find((c) => c.id === OTHER);
    if (!otherCode) return {};
    if (other && !chosen.includes(OTHER))
      return fail(fieldName.other(q), `words were typed for “${otherCode.label}”, but not its code ${otherCode.code}. Type ${otherCode.code} as well, or clear the words.`);
    if (!other && chosen.includes(OTHER))
      return fail(fieldName.other(q), `code ${otherCode.code} (“${otherCode.label}”) needs the words the respondent wrote, typed in its box. If they wrote nothing, leave out code ${otherCode.code}.`);
    return other ? { other } : {};
  };

  switch (q.type) {
    case 'single':
    case 'multi': {
      const raw = str(fields, main);
      const tokens = raw.split(/[\s,;]+/).filter(Boolean);
      if (q.type === 'single' && tokens.length > 1)
        return fail(main, 'type one code only. If more than one box was ticked, leave it blank.');
      const bad = tokens.find((tok) => !codes.some((c) => c.code === tok));
      if (bad !== undefined) return fail(main, notACode(bad));
      const chosen = [...new Set(tokens.map((tok) => codes.find((c) => c.code === tok)!.id))];
      const other = withOther(chosen);
      if ('errors' in other) return other;
      if (chosen.length === 0) return { errors: [] };
      return { value: q.type === 'single' ? { option: chosen[0], ...other } : { options: chosen, ...other }, errors: [] };
    }
    case 'scale':
    case 'yes_no': {
      const raw = str(fields, main);
      if (!raw) return { errors: [] };
      if (/[\s,;]/.test(raw)) return fail(main, 'type one code only. If more than one box was ticked, leave it blank.');
      const code = codes.find((c) => c.code === raw);
      return code ? { value: code.id, errors: [] } : fail(main, notACode(raw));
    }
    case 'rating': {
      const raw = str(fields, main);
      if (!raw) return { errors: [] };
      return /^\d{1,2}$/.test(raw) && Number(raw) <= 10 ? { value: Number(raw), errors: [] } : fail(main, `type a number from 0 to 10, not “${raw}”`);
    }
    case 'matrix': {
      const out: Record<string, string> = {};
      const errors: PaperError[] = [];
      q.rows.forEach((row, i) => {
        const field = fieldName.part(q, row.id);
        const raw = str(fields, field);
        if (!raw) return;
        const code = codes.find((c) => c.code === raw);
        if (code) out[row.id] = code.id;
        else errors.push({ question: q.id, field, message: `Question ${n}, row ${i + 1} (“${t(row.label, 'en')}”): ${notACode(raw)}` });
      });
      if (errors.length) return { errors };
      return Object.keys(out).length ? { value: out, errors: [] } : { errors: [] };
    }
    case 'ranking': {
      const max = q.max ?? q.options.length;
      const ranks: { id: string; field: string; rank: number }[] = [];
      for (const o of q.options) {
        const field = fieldName.part(q, o.id);
        const raw = str(fields, field);
        if (!raw) continue;
        if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) return fail(field, `use the numbers 1 to ${max} for the order, not “${raw}”`);
        const rank = Number(raw);
        const twice = ranks.find((r) => r.rank === rank);
        if (twice) return fail(field, `the number ${rank} is used twice. Each number is used once.`);
        ranks.push({ id: o.id, field, rank });
      }
      ranks.sort((a, b) => a.rank - b.rank);
      const gap = ranks.findIndex((r, i) => r.rank !== i + 1);
      if (gap !== -1) return fail(ranks[gap].field, `the order must start at 1 and have no gaps (${ranks.map((r) => r.rank).join(', ')} was typed). If the respondent's order cannot be read, leave it blank.`);
      return ranks.length ? { value: ranks.map((r) => r.id), errors: [] } : { errors: [] };
    }
    case 'text':
    case 'long_text': {
      const v = fields.get(main);
      return typeof v === 'string' && v.trim() !== '' ? { value: v, errors: [] } : { errors: [] };
    }
    case 'number': {
      const raw = str(fields, main).replace(/[,\s]/g, '');
      if (!raw) return { errors: [] };
      return NUMBER.test(raw) ? { value: Number(raw), errors: [] } : fail(main, `type a number, like 12, not “${str(fields, main)}”`);
    }
    case 'date': {
      const raw = str(fields, main);
      if (!raw) return { errors: [] };
      const date = readDate(raw);
      return date ? { value: date, errors: [] } : fail(main, `type the date as day/month/year, like 31/01/2025, not “${raw}”`);
    }
    case 'consent':
      return str(fields, main) === 'agreed' ? { value: true, errors: [] } : { errors: [] };
  }
}

/**
 * What a keyer typed, as answers: codes to option ids, ranks to an order, dates to ISO.
 * Blank is "not answered". A code that is not printed on the form is an error, and so is
 * an answer to a question the respondent should have skipped (its show-if does not hold
 * for the other answers): the keyer checks the form rather than the answer being dropped.
 * Nothing here enforces "required": a paper respondent may skip anything.
 */
export function answersFromCodes(def: SurveyDefinition, fields: Fields): { answers: Answers; errors: PaperError[] } {
  const numbers = questionNumbers(def);
  const questions = answerable(allQuestions(def).map((x) => x.question));
  const answers: Answers = {};
  const errors: PaperError[] = [];
  for (const q of questions) {
    const r = readQuestion(q, numbers.get(q.id)!, fields);
    errors.push(...r.errors);
    if (r.value !== undefined) answers[q.id] = r.value;
  }
  // A condition on a question that could not be read cannot be judged yet: that error comes first.
  const unreadable = new Set(errors.map((e) => e.question));
  const visible = visibleIds(def, answers);
  for (const q of questions) {
    if (answers[q.id] === undefined || visible.has(q.id) || !q.show_if) continue;
    delete answers[q.id];
    if ([...dependencies(q.show_if)].some((d) => unreadable.has(d))) continue;
    errors.push({
      question: q.id,
      field: firstField(q),
      message: `Question ${numbers.get(q.id)} is only answered when ${conditionInCodes(def, q.show_if, numbers)}. Leave it blank, or check what was typed there.`
    });
  }
  return { answers, errors: sortErrors(questions, errors) };
}

function sortErrors(questions: AnswerableQuestion[], errors: PaperError[]): PaperError[] {
  const order = new Map(questions.map((q, i) => [q.id, i]));
  return [...errors].sort((a, b) => (order.get(a.question) ?? 0) - (order.get(b.question) ?? 0));
}

/**
 * A keyed paper form, read and checked against the survey as a whole: the answers to store,
 * or every problem, each tied to an input. Required questions may be blank (see answersFromCodes).
 */
export function readPaperForm(def: SurveyDefinition, fields: Fields): { answers: Answers; errors: PaperError[] } {
  const read = answersFromCodes(def, fields);
  if (read.errors.length) return read;
  const numbers = questionNumbers(def);
  const questions = answerable(allQuestions(def).map((x) => x.question));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const checked = validateAnswers(def, questions, read.answers, { requireRequired: false });
  const errors = checked.errors.map((e) => {
    const q = byId.get(e.question);
    return { question: e.question, field: q ? firstField(q) : fieldName.main({ id: e.question }), message: `Question ${numbers.get(e.question) ?? e.question}: ${e.message}` };
  });
  return { answers: checked.answers, errors: sortErrors(questions, errors) };
}
