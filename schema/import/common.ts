/** Helpers shared by the importers: ids, translatable text, the final validation pass. */
import { parseDefinition, type Condition, type Question } from '../survey-definition';
import type { ImportReport, ImportResult } from './index';

/** The `Id` pattern of the definition format. */
export const ID_PATTERN = /^[a-z0-9_-]+$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Whether a string is a language code the definition format accepts. */
export function isLanguageCode(s: string): boolean {
  return LANGUAGE_PATTERN.test(s);
}

/** Turn a third-party name into an id: lower case, accents dropped, spaces and dots to `_`, anything else removed, 64 characters at most. */
export function normaliseId(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s.]+/g, '_')
    .replace(/[^a-z0-9_-]/g, '')
    .slice(0, 64);
}

/**
 * Hands out unique ids within one scope (all questions, or one question's options), recording renames.
 * `reserved` ids are never handed out (they are suffixed like duplicates).
 */
export class IdAllocator {
  private used = new Set<string>();
  constructor(
    private renamed: { from: string; to: string }[] | null,
    private reserved: string[] = []
  ) {}

  /** An id for `raw`: normalised, `fallback` if nothing is left, then `_2`, `_3`… until unused. */
  take(raw: string, fallback: string): string {
    const base = normaliseId(raw) || fallback;
    let id = base;
    for (let n = 2; this.used.has(id) || this.reserved.includes(id); n++) {
      const suffix = `_${n}`;
      id = base.slice(0, 64 - suffix.length) + suffix;
    }
    this.used.add(id);
    if (id !== raw && this.renamed) this.renamed.push({ from: raw, to: id });
    return id;
  }

  /** Mark an id as taken without recording anything. */
  claim(id: string): void {
    this.used.add(id);
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}

/**
 * Translatable text while converting: always a language → text map, collapsed to plain strings
 * at the end when the survey turns out to have only one language.
 */
export type Texts = Record<string, string>;

/** Plain text from HTML: tags removed, block ends turned into line breaks, basic entities decoded, whitespace tidied. */
export function stripHtml(html: string): string {
  return decodeHtmlEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, '')
  )
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©' };

function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return HTML_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Keys of the definition whose values are translatable texts. */
const TEXT_KEYS = new Set(['title', 'help', 'statement', 'body', 'min_label', 'max_label', 'other', 'unit', 'label', 'intro', 'content_note', 'thank_you']);

/**
 * Put the collected `Texts` maps in their final shape: text in the default language only becomes a
 * plain string; translated text a map that always holds the default language (filled from another
 * language if missing).
 */
export function finishTexts(node: unknown, languages: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) finishTexts(item, languages);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (TEXT_KEYS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      const map = value as Texts;
      const first = map[languages[0]] ?? Object.values(map)[0];
      const out: Texts = { [languages[0]]: first };
      for (const lang of languages.slice(1)) if (map[lang]) out[lang] = map[lang];
      // Text in the default language only is a plain string, as in our own templates.
      obj[key] = Object.keys(out).length === 1 ? first : out;
    } else finishTexts(value, languages);
  }
}

/** A condition that holds when every one of `parts` holds (undefined parts skipped). */
export function allOf(parts: (Condition | undefined)[]): Condition | undefined {
  const list = parts.filter((c): c is Condition => c !== undefined);
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return { all: list.flatMap((c) => ('all' in c ? c.all : [c])) };
}

/**
 * Validate a converted definition. Conditions that still fail (the converters check most
 * things, but the validator has the last word) are dropped and reported, one round at a time;
 * anything else that fails makes the import fail with the validator's problems.
 */
export function finish(draft: Record<string, unknown>, report: ImportReport): ImportResult {
  for (let round = 0; round < 100; round++) {
    const result = parseDefinition(draft);
    if (result.ok) return { ok: true, definition: result.definition, report };
    const conditionPaths = new Set<string>();
    for (const p of result.problems) {
      const m = /^(pages\.\d+\.questions\.\d+)\.show_if(\.|$)/.exec(p.path);
      if (m) conditionPaths.add(m[1]);
    }
    if (conditionPaths.size === 0)
      return {
        ok: false,
        message: `The converted survey is not valid: ${result.problems.length} problem${result.problems.length === 1 ? ' remains' : 's remain'}.`,
        problems: result.problems,
        report
      };
    for (const path of conditionPaths) {
      const [, p, , q] = path.split('.');
      const pages = draft.pages as { questions: Record<string, unknown>[] }[];
      const question = pages[Number(p)].questions[Number(q)];
      const messages = result.problems.filter((x) => x.path.startsWith(`${path}.show_if`)).map((x) => x.message);
      report.notCarried.push({
        where: `page ${Number(p) + 1}, question "${String(question.id)}"`,
        what: `show-if condition dropped: ${messages.join('; ')}`
      });
      delete question.show_if;
    }
  }
  return { ok: false, message: 'The converted survey could not be validated.', problems: [], report };
}

/** A condition in the source file that our format cannot express: the message says why. */
export class Unsupported extends Error {}

/** A question already carried over, as later conditions may name it: its id, type and choice values → option ids. */
export type Known = { id: string; type: Question['type']; values: Map<string, string> | null };

/** A parsed source condition before mapping: question references by the source's names, values as written. */
export type SourceCondition = { ref: string; values: string[] } | { all: SourceCondition[] } | { any: SourceCondition[] } | { not: SourceCondition };

/**
 * Map a parsed condition onto the questions carried so far and their option ids (the value
 * as written; failing that, the same value in another case or spacing). Throws Unsupported
 * when it names a question that is not earlier or not a choice, or a value it does not have.
 */
export function resolveCondition(c: SourceCondition, known: Map<string, Known>, valueWord = 'value'): Condition {
  if ('all' in c) return { all: c.all.map((x) => resolveCondition(x, known, valueWord)) };
  if ('any' in c) return { any: c.any.map((x) => resolveCondition(x, known, valueWord)) };
  if ('not' in c) return { not: resolveCondition(c.not, known, valueWord) };
  const target = known.get(c.ref);
  if (!target) throw new Unsupported(`it refers to "${c.ref}", which is not an earlier question that was carried over`);
  const ids = c.values.map((v) => {
    if (target.type === 'rating') {
      if (/^(10|[0-9])$/.test(v.trim())) return v.trim();
    } else if (target.values) {
      const id = target.values.get(v) ?? [...target.values].find(([value]) => normaliseId(value) === normaliseId(v))?.[1];
      if (id) return id;
    } else throw new Unsupported(`it refers to "${c.ref}", a ${target.type} question, which conditions cannot test`);
    throw new Unsupported(`"${v}" is not a ${valueWord} of "${c.ref}"`);
  });
  return { question: target.id, in: [...new Set(ids)] };
}
