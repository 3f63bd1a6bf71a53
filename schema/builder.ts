/**
 * The survey builder's edits, as pure functions from one definition to the next. The
 * pages (with JavaScript or without), the API and the tests all go through these, and
 * whatever they return is validated with `parseDefinition` before it is saved: the
 * builder never stores a definition the schema rejects.
 *
 * Ids are the contract with the answers already given: an edit never changes the id of
 * a question, option, point or row that exists. New ones get ids made from their
 * wording, unique where they must be.
 */
import { dependencies } from './logic';
import { languagesOf } from './i18n';
import {
  allQuestions,
  type Condition,
  type I18nText,
  type Option,
  type Page,
  type Question,
  type QuestionType,
  type SurveyDefinition
} from './survey-definition';

/** A failed edit: what went wrong, in words for the editor, and the field it is about. */
export class EditRefused extends Error {
  constructor(
    message: string,
    readonly path = ''
  ) {
    super(message);
  }
}

/** The question types an editor can add, in the order they are offered, with what they are for. */
export const QUESTION_TYPES: { type: QuestionType; name: string; hint: string }[] = [
  { type: 'single', name: 'One choice', hint: 'Pick one from a list' },
  { type: 'multi', name: 'Several choices', hint: 'Tick any from a list' },
  { type: 'scale', name: 'Agreement scale', hint: 'Labelled points, such as strongly disagree to strongly agree' },
  { type: 'rating', name: 'Rating 0 to 10', hint: 'A number from 0 to 10 with labelled ends' },
  { type: 'matrix', name: 'Grid of statements', hint: 'Several statements answered on one scale' },
  { type: 'ranking', name: 'Ranking', hint: 'Put options in order of importance' },
  { type: 'yes_no', name: 'Yes or no', hint: 'Yes, no, and optionally prefer not to say' },
  { type: 'text', name: 'Short text', hint: 'A line of free text' },
  { type: 'long_text', name: 'Long text', hint: 'Paragraphs of free text' },
  { type: 'number', name: 'Number', hint: 'A number, optionally whole and bounded' },
  { type: 'date', name: 'Date', hint: 'A calendar date' },
  { type: 'consent', name: 'Consent', hint: 'A statement to tick to agree to' },
  { type: 'info', name: 'Information', hint: 'Text with no answer' }
];

/** The editor's name for a question type. */
export function typeName(type: QuestionType): string {
  return QUESTION_TYPES.find((t) => t.type === type)?.name ?? type;
}

/** An id made from some words: lower case, a-z 0-9 and `separator` ("_"; "-" for addresses), at most `max` characters, never empty. */
export function slugId(words: string, fallback = 'q', max = 40, separator: '_' | '-' = '_'): string {
  const trim = new RegExp(`^${separator}+|${separator}+$`, 'g');
  const id = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(trim, '')
    .slice(0, max)
    .replace(trim, '');
  return id || fallback;
}

/** `base`, or `base_2`, `base_3`… : the first not in `taken`. Reserved ids are taken too. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const reserved = new Set([...taken, 'other', 'prefer_not_to_say']);
  if (!reserved.has(base)) return base;
  for (let n = 2; ; n++) if (!reserved.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Every id used by a question or page in the definition (they share one namespace for safety). */
export function takenIds(def: SurveyDefinition): Set<string> {
  return new Set([...allQuestions(def).map((x) => x.question.id), ...def.pages.map((p) => p.id)]);
}

const AGREE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
const AGREE_IDS = ['strongly_disagree', 'disagree', 'neither', 'agree', 'strongly_agree'];
const agreePoints = (): Option[] => AGREE.map((label, i) => ({ id: AGREE_IDS[i], label }));
const placeholderOptions = (): Option[] => [
  { id: 'option_1', label: 'Option 1' },
  { id: 'option_2', label: 'Option 2' }
];

/**
 * A new question of a type, valid as it stands: lists get placeholder options (or the
 * usual five-point agreement scale) for the editor to replace.
 */
export function skeleton(type: QuestionType, id: string, title: string): Question {
  switch (type) {
    case 'single':
    case 'multi':
    case 'ranking':
      return { id, type, title, options: placeholderOptions() };
    case 'scale':
      return { id, type, title, points: agreePoints() };
    case 'matrix':
      return { id, type, title, rows: [{ id: 'statement_1', label: 'Statement 1' }], points: agreePoints() };
    case 'consent':
      return { id, type, title, statement: 'I agree' };
    case 'info':
      return { id, type, body: title };
    default:
      return { id, type, title } as Question;
  }
}

/**
 * A question changed to another type, keeping what carries over: options between the
 * list types, points between scale and matrix, the title, help, required and condition.
 */
export function changeType(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const title: I18nText = q.type === 'info' ? (q.title ?? q.body) : q.title;
  const next = skeleton(type, q.id, typeof title === 'string' ? title : 'Question') as Record<string, unknown>;
  if (type === 'info') {
    next.body = title;
    if (q.type !== 'info' && q.help) next.title = title;
  } else {
    next.title = title;
    if (q.type !== 'info') {
      if (q.help) next.help = q.help;
      if (q.required) next.required = true;
    }
  }
  if (q.show_if) next.show_if = q.show_if;
  const list = 'options' in q ? q.options : 'points' in q ? q.points : null;
  if (list && list.length >= 2) {
    const plain = list.map((o) => ({ id: o.id, label: o.label }));
    if (type === 'single' || type === 'multi') next.options = list.map((o) => ({ ...o }));
    if (type === 'ranking') next.options = plain.slice(0, 15);
    if (type === 'scale' || type === 'matrix') next.points = plain.slice(0, 11);
  }
  if ('rows' in q && type === 'matrix') next.rows = q.rows;
  if ('other' in q && q.other && (type === 'single' || type === 'multi')) next.other = q.other;
  if ('prefer_not_to_say' in q && q.prefer_not_to_say && ['single', 'multi', 'scale', 'matrix', 'yes_no'].includes(type)) next.prefer_not_to_say = true;
  return next as Question;
}

/** Where a question is: its page and its place on the page. */
export function locate(def: SurveyDefinition, id: string): { page: number; index: number; question: Question } {
  for (let p = 0; p < def.pages.length; p++) {
    const index = def.pages[p].questions.findIndex((q) => q.id === id);
    if (index >= 0) return { page: p, index, question: def.pages[p].questions[index] };
  }
  throw new EditRefused('There is no such question in this survey. It may have been removed by someone else.');
}

const copy = (def: SurveyDefinition): SurveyDefinition => structuredClone(def);

/** Add a question of a type at the end of a page (or after another question), with an id from its title. */
export function addQuestion(
  def: SurveyDefinition,
  input: { page: number; type: QuestionType; title: string; after?: string },
  /** Ids a new question must not take: those of the published versions, whose answers would otherwise be counted as its own. */
  reserved: ReadonlySet<string> = new Set()
): { definition: SurveyDefinition; id: string } {
  const next = copy(def);
  const page = next.pages[input.page];
  if (!page) throw new EditRefused('There is no such page in this survey.', 'page');
  const title = input.title.trim();
  if (!title) throw new EditRefused(input.type === 'info' ? 'Enter the text to show' : 'Enter the question', 'title');
  if (page.questions.length >= 40) throw new EditRefused('A page can hold at most 40 questions: add another page.', 'title');
  const id = uniqueId(slugId(title), new Set([...takenIds(next), ...reserved]));
  const at = input.after ? page.questions.findIndex((q) => q.id === input.after) + 1 : page.questions.length;
  page.questions.splice(at > 0 ? at : page.questions.length, 0, skeleton(input.type, id, title));
  return { definition: next, id };
}

/** Copy a question just after itself, with a new id (and "(copy)" after its wording), for the editor to change. */
export function copyQuestion(def: SurveyDefinition, id: string, reserved: ReadonlySet<string> = new Set()): { definition: SurveyDefinition; id: string } {
  const next = copy(def);
  const { page, index, question } = locate(next, id);
  if (next.pages[page].questions.length >= 40) throw new EditRefused('A page can hold at most 40 questions: move some to another page first.');
  const newId = uniqueId(`${id.slice(0, 50)}_copy`, new Set([...takenIds(next), ...reserved]));
  const clone = structuredClone(question) as Record<string, unknown>;
  clone.id = newId;
  const key = question.type === 'info' ? 'body' : 'title';
  const lang = languagesOf(next)[0];
  const text = clone[key] as I18nText;
  setText(clone, key, `${typeof text === 'string' ? text : (text[lang] ?? '')} (copy)`, lang);
  next.pages[page].questions.splice(index + 1, 0, clone as Question);
  return { definition: next, id: newId };
}

/** Replace a question by an edited one (its id never changes). */
export function replaceQuestion(def: SurveyDefinition, id: string, question: Question): SurveyDefinition {
  const next = copy(def);
  const { page, index } = locate(next, id);
  next.pages[page].questions[index] = { ...question, id };
  return next;
}

/** Rewrite the option ids that conditions name for one question (after its unanswered options were renamed). */
export function renameInConditions(def: SurveyDefinition, question: string, renamed: ReadonlyMap<string, string>): SurveyDefinition {
  if (!renamed.size) return def;
  const next = copy(def);
  const visit = (c: Condition): Condition => {
    if ('all' in c) return { all: c.all.map(visit) };
    if ('any' in c) return { any: c.any.map(visit) };
    if ('not' in c) return { not: visit(c.not) };
    return c.question === question ? { question, in: c.in.map((v) => renamed.get(v) ?? v) } : c;
  };
  for (const page of next.pages) for (const q of page.questions) if (q.show_if) q.show_if = visit(q.show_if);
  return next;
}

/** Questions whose conditions look at a question. */
export function dependants(def: SurveyDefinition, id: string): Question[] {
  return allQuestions(def)
    .map((x) => x.question)
    .filter((q) => q.show_if && dependencies(q.show_if).has(id));
}

/** Remove a question, unless a condition depends on it. Removing a page's last question removes the page. */
export function removeQuestion(def: SurveyDefinition, id: string): { definition: SurveyDefinition; removed: { question: Question; page: string; index: number } } {
  const next = copy(def);
  const { page, index, question } = locate(next, id);
  const needed = dependants(next, id);
  if (needed.length)
    throw new EditRefused(`“${titleOf(question)}” cannot be removed: the condition of ${needed.map((q) => `“${titleOf(q)}”`).join(', ')} depends on it. Change that condition first.`);
  const pageId = next.pages[page].id;
  next.pages[page].questions.splice(index, 1);
  if (next.pages[page].questions.length === 0) {
    if (next.pages.length === 1) throw new EditRefused('A survey needs at least one question: add another before removing this one.');
    next.pages.splice(page, 1);
  }
  return { definition: next, removed: { question, page: pageId, index } };
}

/** Put back a question that was removed (undo), where it was if its page still exists, else at the end. */
export function restoreQuestion(def: SurveyDefinition, removed: { question: Question; page: string; index: number }): SurveyDefinition {
  const next = copy(def);
  if (takenIds(next).has(removed.question.id)) throw new EditRefused('That question is already in the survey.');
  const page = next.pages.find((p) => p.id === removed.page);
  if (page) page.questions.splice(Math.min(removed.index, page.questions.length), 0, removed.question);
  else next.pages.push({ id: uniqueId(removed.page, takenIds(next)), questions: [removed.question] });
  // Its condition may look at a question that has since moved after it, changed or gone.
  for (const dep of dependencies(removed.question.show_if)) {
    const before = allQuestions(next).findIndex((x) => x.question.id === dep) < allQuestions(next).findIndex((x) => x.question.id === removed.question.id);
    if (!before) throw new EditRefused(`“${titleOf(removed.question)}” cannot be put back: its condition looks at a question that is no longer before it. Add it again instead.`);
  }
  return next;
}

/**
 * Move a question to a page and position (drag and drop), or by one place up or down
 * (the keyboard's buttons: past the top or bottom of a page it moves to the next page).
 * A move that would put a question before one its condition looks at, or after one
 * whose condition looks at it, is refused with the reason.
 */
export function moveQuestion(def: SurveyDefinition, id: string, to: { page: number; index: number } | 'up' | 'down'): SurveyDefinition {
  const next = copy(def);
  const from = locate(next, id);
  let target: { page: number; index: number };
  if (to === 'up' || to === 'down') {
    const pageLength = next.pages[from.page].questions.length;
    if (to === 'up' && from.index > 0) target = { page: from.page, index: from.index - 1 };
    else if (to === 'up' && from.page > 0) target = { page: from.page - 1, index: next.pages[from.page - 1].questions.length };
    else if (to === 'down' && from.index < pageLength - 1) target = { page: from.page, index: from.index + 1 };
    else if (to === 'down' && from.page < next.pages.length - 1) target = { page: from.page + 1, index: 0 };
    else throw new EditRefused(`“${titleOf(from.question)}” is already the ${to === 'up' ? 'first' : 'last'} question.`);
  } else target = to;
  if (!next.pages[target.page]) throw new EditRefused('There is no such page in this survey.');
  if (next.pages[from.page].questions.length === 1 && target.page !== from.page)
    throw new EditRefused(`“${titleOf(from.question)}” is the only question on its page: remove the page or add another question first.`);
  next.pages[from.page].questions.splice(from.index, 1);
  const list = next.pages[target.page].questions;
  list.splice(Math.max(0, Math.min(target.index, list.length)), 0, from.question);
  checkOrder(next);
  return next;
}

/** Move a page up or down. */
export function movePage(def: SurveyDefinition, page: number, to: 'up' | 'down'): SurveyDefinition {
  const next = copy(def);
  const other = to === 'up' ? page - 1 : page + 1;
  if (!next.pages[page]) throw new EditRefused('There is no such page in this survey.');
  if (!next.pages[other]) throw new EditRefused(`This is already the ${to === 'up' ? 'first' : 'last'} page.`);
  [next.pages[page], next.pages[other]] = [next.pages[other], next.pages[page]];
  checkOrder(next);
  return next;
}

/** Refuse an order in which a condition looks at a later question. */
function checkOrder(def: SurveyDefinition): void {
  const seen = new Map<string, Question>();
  for (const { question } of allQuestions(def)) {
    for (const dep of dependencies(question.show_if)) {
      if (!seen.has(dep)) {
        const target = allQuestions(def).find((x) => x.question.id === dep)?.question;
        throw new EditRefused(
          `That would put “${titleOf(question)}” before “${target ? titleOf(target) : dep}”, which its condition looks at. A condition can only look at earlier questions.`
        );
      }
    }
    seen.set(question.id, question);
  }
}

/** Add an empty page (with one information item, since a page needs something on it) after another or at the end. */
export function addPage(def: SurveyDefinition, input: { title: string; after?: number }): { definition: SurveyDefinition; id: string } {
  const next = copy(def);
  const title = input.title.trim();
  if (!title) throw new EditRefused('Enter a title for the page', 'title');
  if (next.pages.length >= 50) throw new EditRefused('A survey can have at most 50 pages.', 'title');
  const taken = takenIds(next);
  const id = uniqueId(slugId(title, 'page'), taken);
  taken.add(id);
  const page: Page = { id, title, questions: [{ id: uniqueId(`${id}_intro`, taken), type: 'info', body: 'Replace this with an introduction to the page, or add questions and remove it.' }] };
  next.pages.splice(input.after === undefined ? next.pages.length : input.after + 1, 0, page);
  return { definition: next, id };
}

/** Change a page's title and introduction (in the default language; translations are kept). */
export function editPage(def: SurveyDefinition, page: number, input: { title: string; intro: string }): SurveyDefinition {
  const next = copy(def);
  const p = next.pages[page];
  if (!p) throw new EditRefused('There is no such page in this survey.');
  const lang = languagesOf(next)[0];
  setText(p, 'title', input.title, lang);
  setText(p, 'intro', input.intro, lang);
  return next;
}

/** Remove a page and its questions, unless a later condition looks at one of them. */
export function removePage(def: SurveyDefinition, page: number): SurveyDefinition {
  const next = copy(def);
  const p = next.pages[page];
  if (!p) throw new EditRefused('There is no such page in this survey.');
  if (next.pages.length === 1) throw new EditRefused('A survey needs at least one page.');
  const ids = new Set(p.questions.map((q) => q.id));
  next.pages.splice(page, 1);
  const needed = allQuestions(next)
    .map((x) => x.question)
    .filter((q) => [...dependencies(q.show_if)].some((d) => ids.has(d)));
  if (needed.length)
    throw new EditRefused(`This page cannot be removed: the condition of ${needed.map((q) => `“${titleOf(q)}”`).join(', ')} looks at a question on it. Change that condition first.`);
  return next;
}

/** A question's title in the default language, for messages. */
export function titleOf(q: Question, lang?: string): string {
  const text = q.type === 'info' ? (q.title ?? q.body) : q.title;
  if (typeof text === 'string') return text;
  return (lang && text[lang]) || Object.values(text)[0] || q.id;
}

/**
 * Set a translatable field's text in one language, keeping the others. Empty text
 * removes that language's text (and the field, when the default language's is removed
 * and nothing else is left).
 */
export function setText<T extends object>(holder: T, key: string, value: string, lang: string, defaultLang = lang): void {
  const h = holder as Record<string, unknown>;
  const text = value.replace(/\r\n?/g, '\n').trim();
  const current = h[key] as I18nText | undefined;
  const map: Record<string, string> = current === undefined ? {} : typeof current === 'string' ? { [defaultLang]: current } : { ...current };
  if (text) map[lang] = text;
  else delete map[lang];
  const langs = Object.keys(map);
  if (!langs.length || !(defaultLang in map)) {
    if (lang === defaultLang || !langs.length) delete h[key];
    else h[key] = map;
  } else h[key] = langs.length === 1 ? map[defaultLang] : map;
}

/** One translatable string of a survey: where it is, what it is, and its text. */
export type TextEntry = {
  /** A stable key for a form field: the JSON path joined with "." */
  key: string;
  path: (string | number)[];
  /** Where it is, for the translator: "Page 2 · Question “…” · option" */
  where: string;
  /** The question it belongs to (for errors pointing at it), if any. */
  question?: string;
  text: I18nText;
};

/** Every translatable string of a survey, in the order a respondent meets them. */
export function textEntries(def: SurveyDefinition): TextEntry[] {
  const out: TextEntry[] = [];
  const lang = languagesOf(def)[0];
  const push = (holder: Record<string, unknown> | undefined, key: string, path: (string | number)[], where: string, question?: string) => {
    const text = holder?.[key] as I18nText | undefined;
    if (text !== undefined) out.push({ key: [...path, key].join('.'), path: [...path, key], where, question, text });
  };
  const root = def as unknown as Record<string, unknown>;
  push(root, 'title', [], 'Survey title');
  push(root, 'intro', [], 'Introduction');
  push(root, 'content_note', [], 'Content note');
  def.pages.forEach((page, p) => {
    const pagePath = ['pages', p];
    push(page as unknown as Record<string, unknown>, 'title', pagePath, `Page ${p + 1} · title`);
    push(page as unknown as Record<string, unknown>, 'intro', pagePath, `Page ${p + 1} · introduction`);
    page.questions.forEach((q, i) => {
      const path = [...pagePath, 'questions', i];
      const name = `Page ${p + 1} · “${titleOf(q, lang).slice(0, 60)}”`;
      const qh = q as unknown as Record<string, unknown>;
      for (const [key, what] of [
        ['title', 'question'],
        ['body', 'text'],
        ['help', 'help text'],
        ['statement', 'statement'],
        ['min_label', 'label for 0'],
        ['max_label', 'label for 10'],
        ['other', '“other” choice'],
        ['unit', 'unit']
      ] as const)
        push(qh, key, path, `${name} · ${what}`, q.id);
      for (const [list, what] of [
        ['rows', 'statement'],
        ['options', 'option'],
        ['points', 'point']
      ] as const) {
        const items = qh[list] as { label: I18nText }[] | undefined;
        items?.forEach((item, j) => push(item as unknown as Record<string, unknown>, 'label', [...path, list, j], `${name} · ${what} ${j + 1}`, q.id));
      }
    });
  });
  push(root, 'thank_you', [], 'Thank-you text');
  const sign = def.signposting as Record<string, unknown> | undefined;
  push(sign, 'intro', ['signposting'], 'Support · introduction');
  def.signposting?.contacts.forEach((c, i) => {
    const ch = c as unknown as Record<string, unknown>;
    push(ch, 'name', ['signposting', 'contacts', i], `Support · contact ${i + 1} · name`);
    push(ch, 'description', ['signposting', 'contacts', i], `Support · contact ${i + 1} · description`);
  });
  return out;
}

/** The text of an entry in a language, or '' if it has none there. Plain strings are the default language. */
export function textIn(text: I18nText, lang: string, defaultLang: string): string {
  if (typeof text === 'string') return lang === defaultLang ? text : '';
  return text[lang] ?? '';
}

/** How many strings have no text in each of the survey's other languages. */
export function missingTranslations(def: SurveyDefinition): { lang: string; missing: number; total: number }[] {
  const [first, ...others] = languagesOf(def);
  const entries = textEntries(def);
  return others.map((lang) => ({ lang, total: entries.length, missing: entries.filter((e) => !textIn(e.text, lang, first)).length }));
}

function holderAt(def: SurveyDefinition, path: (string | number)[]): Record<string, unknown> {
  let at: unknown = def;
  for (const step of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[step];
  return at as Record<string, unknown>;
}

/** Set the translations of one language: keys from `textEntries`, values the text (empty removes it). */
export function setTranslations(def: SurveyDefinition, lang: string, values: Record<string, string>): SurveyDefinition {
  const next = copy(def);
  const langs = languagesOf(next);
  if (!langs.includes(lang)) throw new EditRefused(`The survey is not offered in “${lang}”: add the language first.`);
  if (lang === langs[0]) throw new EditRefused('The default language is edited in the builder, not here.');
  for (const entry of textEntries(next)) {
    if (!(entry.key in values)) continue;
    setText(holderAt(next, entry.path), String(entry.path.at(-1)), values[entry.key], lang, langs[0]);
  }
  return next;
}

/** Offer the survey in another language (its strings start untranslated: respondents see the default language until they are). */
export function addLanguage(def: SurveyDefinition, lang: string): SurveyDefinition {
  const next = copy(def);
  const langs = languagesOf(next);
  if (langs.includes(lang)) throw new EditRefused('The survey is already offered in that language.', 'lang');
  if (langs.length >= 20) throw new EditRefused('A survey can be offered in at most 20 languages.', 'lang');
  next.languages = [...langs, lang];
  return next;
}

/** Stop offering a language and drop its translations. */
export function removeLanguage(def: SurveyDefinition, lang: string): SurveyDefinition {
  const next = copy(def);
  const langs = languagesOf(next);
  if (lang === langs[0]) throw new EditRefused('The default language cannot be removed.');
  if (!langs.includes(lang)) return next;
  for (const entry of textEntries(next)) setText(holderAt(next, entry.path), String(entry.path.at(-1)), '', lang, langs[0]);
  next.languages = langs.filter((l) => l !== lang);
  if (next.languages.length === 1 && next.languages[0] === 'en') delete next.languages;
  return next;
}

/** The survey-wide settings the builder edits in one form. */
export type Settings = {
  title: string;
  intro: string;
  content_note: string;
  thank_you: string;
  audience: 'residents' | 'organisations';
  sensitivity: 'standard' | 'sensitive';
  quick_exit: 'default' | 'on' | 'off';
  signposting_intro: string;
  contacts: { name: string; description: string; phone: string; url: string }[];
};

/** A definition's settings as the form shows them (default-language text). */
export function settingsOf(def: SurveyDefinition): Settings {
  const lang = languagesOf(def)[0];
  const text = (t: I18nText | undefined) => (t === undefined ? '' : textIn(t, lang, lang));
  return {
    title: text(def.title),
    intro: text(def.intro),
    content_note: text(def.content_note),
    thank_you: text(def.thank_you),
    audience: def.audience ?? 'residents',
    sensitivity: def.sensitivity ?? 'standard',
    quick_exit: def.quick_exit === undefined ? 'default' : def.quick_exit ? 'on' : 'off',
    signposting_intro: text(def.signposting?.intro),
    contacts: (def.signposting?.contacts ?? []).map((c) => ({ name: text(c.name), description: text(c.description), phone: c.phone ?? '', url: c.url ?? '' }))
  };
}

/** Apply the settings form (translations of the texts are kept; a contact left blank is removed). */
export function applySettings(def: SurveyDefinition, s: Settings): SurveyDefinition {
  const next = copy(def);
  const lang = languagesOf(next)[0];
  if (!s.title.trim()) throw new EditRefused('Enter a title for the survey', 'title');
  setText(next, 'title', s.title, lang);
  for (const key of ['intro', 'content_note', 'thank_you'] as const) setText(next, key, s[key], lang);
  if (s.audience === 'organisations') next.audience = 'organisations';
  else delete next.audience;
  if (s.sensitivity === 'sensitive') next.sensitivity = 'sensitive';
  else delete next.sensitivity;
  if (s.quick_exit === 'default') delete next.quick_exit;
  else next.quick_exit = s.quick_exit === 'on';
  const old = next.signposting?.contacts ?? [];
  const contacts = s.contacts
    .map((c, i) => ({ c, prior: old[i] }))
    .filter(({ c }) => c.name.trim() || c.description.trim() || c.phone.trim() || c.url.trim())
    .map(({ c, prior }) => {
      const contact: Record<string, unknown> = prior ? structuredClone(prior) : {};
      setText(contact, 'name', c.name, lang);
      setText(contact, 'description', c.description, lang);
      if (c.phone.trim()) contact.phone = c.phone.trim();
      else delete contact.phone;
      if (c.url.trim()) contact.url = c.url.trim();
      else delete contact.url;
      return contact as NonNullable<SurveyDefinition['signposting']>['contacts'][number];
    });
  if (contacts.length) {
    const signposting: Record<string, unknown> = { ...(next.signposting ?? {}), contacts };
    setText(signposting, 'intro', s.signposting_intro, lang);
    next.signposting = signposting as SurveyDefinition['signposting'];
  } else delete next.signposting;
  return next;
}

/** One clause of the builder's condition editor: a question's answers, or not them. */
export type Clause = { question: string; in: string[]; negate: boolean };

/**
 * A condition as the editor's flat list of clauses joined by "all" or "any", or null
 * when it is nested deeper than that (it is then shown in words and kept as it is).
 */
export function toClauses(c: Condition | undefined): { join: 'all' | 'any'; clauses: Clause[] } | null {
  if (!c) return { join: 'all', clauses: [] };
  const one = (x: Condition): Clause | null =>
    'question' in x ? { question: x.question, in: x.in, negate: false } : 'not' in x && 'question' in x.not ? { question: x.not.question, in: x.not.in, negate: true } : null;
  const single = one(c);
  if (single) return { join: 'all', clauses: [single] };
  const list = 'all' in c ? c.all : 'any' in c ? c.any : null;
  if (!list) return null;
  const clauses = list.map(one);
  return clauses.every((x): x is Clause => x !== null) ? { join: 'all' in c ? 'all' : 'any', clauses } : null;
}

/** The editor's clauses as a condition (undefined when there are none). */
export function fromClauses(join: 'all' | 'any', clauses: Clause[]): Condition | undefined {
  const conditions: Condition[] = clauses.map((c) => (c.negate ? { not: { question: c.question, in: c.in } } : { question: c.question, in: c.in }));
  if (!conditions.length) return undefined;
  if (conditions.length === 1) return conditions[0];
  return join === 'all' ? { all: conditions } : { any: conditions };
}
