/**
 * SurveyJS survey JSON (https://surveyjs.io) to survey definitions.
 *
 * Pages map to pages; panels are flattened into their page (a titled panel leaves an info
 * item with its title, so the heading is not lost). Localised strings (`{ default, fr }`)
 * become our translatable texts, `default` being the survey's `locale` (English unless set).
 * `visibleIf` is translated for the common subset (`=`, `!=`, `anyof`, `allof`, `contains`,
 * `notcontains`, `and`, `or`, `!`/`not`, parentheses); anything else is dropped and reported.
 */
import type { Condition, Question } from '../survey-definition';
import { allOf, finish, finishTexts, IdAllocator, isLanguageCode, normaliseId, resolveCondition, Unsupported, type Known, type SourceCondition, stripHtml, type Texts } from './common';
import type { ImportReport, ImportResult } from './index';

type Json = Record<string, unknown>;
type Draft = Record<string, unknown> & { id: string; type: Question['type'] };
/** What conditions on later questions need to know about a carried question: its id, type and value → option id map. */

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Question types with no equivalent, and why. */
const UNSUPPORTED: Record<string, string> = {
  expression: 'calculated values are not supported',
  file: 'file uploads are not supported',
  signaturepad: 'signatures are not supported',
  imagepicker: 'picture choices are not supported',
  matrixdropdown: 'matrices with a dropdown in each cell are not supported',
  matrixdynamic: 'matrices where respondents add rows are not supported',
  paneldynamic: 'repeated panels are not supported',
  multipletext: 'groups of text boxes are not supported',
  image: 'images are not supported'
};

/** Question properties that are reported when set (with the expression, where there is one). */
const REPORTED_PROPS = [
  'enableIf', 'requiredIf', 'defaultValue', 'defaultValueExpression', 'choicesByUrl', 'choicesFromQuestion',
  'choicesVisibleIf', 'choicesEnableIf', 'readOnly'
];


type SCond = SourceCondition;

/** Parse the supported subset of SurveyJS expressions; throws Unsupported otherwise. */
function parseExpression(expr: string): SCond {
  type Tok = { t: 'ref' | 'lit' | 'op' | 'word'; v: string };
  const toks: Tok[] = [];
  const re = /\s+|\{([^}]+)\}|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(==|!=|<>|>=|<=|&&|\|\||=|>|<|!|\(|\)|\[|\]|,|\+|-|\*|\/|%)|([A-Za-z_][\w]*)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < expr.length && (m = re.exec(expr))) {
    pos = re.lastIndex;
    if (m[1] !== undefined) toks.push({ t: 'ref', v: m[1].trim() });
    else if (m[2] !== undefined || m[3] !== undefined) toks.push({ t: 'lit', v: m[2] ?? m[3] });
    else if (m[4] !== undefined) toks.push({ t: 'lit', v: m[4] });
    else if (m[5] !== undefined) toks.push({ t: 'op', v: m[5] });
    else if (m[6] !== undefined) {
      const w = m[6].toLowerCase();
      // true/false are values; other words are operators or functions.
      toks.push(w === 'true' || w === 'false' ? { t: 'lit', v: w } : { t: 'word', v: w });
    }
  }
  if (pos < expr.length) throw new Unsupported('it could not be read');
  const subset = 'only =, !=, anyof, allof, contains, notcontains, and, or and ! can be translated';
  let i = 0;
  const at = (t: Tok['t'], v?: string) => toks[i]?.t === t && (v === undefined || toks[i].v === v);
  const expectOp = (v: string) => {
    if (!at('op', v)) throw new Unsupported(subset);
    i++;
  };
  const or = (): SCond => {
    const parts = [and()];
    while (at('word', 'or') || at('op', '||')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { any: parts };
  };
  const and = (): SCond => {
    const parts = [unary()];
    while (at('word', 'and') || at('op', '&&')) {
      i++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { all: parts };
  };
  const unary = (): SCond => {
    if (at('op', '!') || at('word', 'not')) {
      i++;
      return { not: unary() };
    }
    return primary();
  };
  const literals = (): string[] => {
    if (at('lit')) return [toks[i++].v];
    if (!at('op', '[')) throw new Unsupported(subset);
    i++;
    const out: string[] = [];
    while (!at('op', ']')) {
      if (!at('lit')) throw new Unsupported(subset);
      out.push(toks[i++].v);
      if (at('op', ',')) i++;
      else if (!at('op', ']')) throw new Unsupported(subset);
    }
    i++;
    return out;
  };
  const primary = (): SCond => {
    if (at('op', '(')) {
      i++;
      const inner = or();
      expectOp(')');
      return inner;
    }
    let ref: string;
    let reversed = false;
    if (at('ref')) ref = toks[i++].v;
    else if (at('lit') && toks[i + 2]?.t === 'ref') {
      // 'x' = {q}: read as {q} = 'x'.
      reversed = true;
      ref = toks[i + 2].v;
    } else if (at('word')) throw new Unsupported(`the function ${toks[i].v}() cannot be translated`);
    else throw new Unsupported(subset);
    if (reversed) {
      const value = toks[i].v;
      const op = toks[i + 1].v;
      i += 3;
      if (op === '=' || op === '==') return { ref, values: [value] };
      if (op === '!=' || op === '<>') return { not: { ref, values: [value] } };
      throw new Unsupported(subset);
    }
    const op = toks[i];
    if (!op) throw new Unsupported('a question on its own cannot be translated');
    i++;
    switch (op.v) {
      case '=':
      case '==':
      case 'equal':
        return { ref, values: literals() };
      case '!=':
      case '<>':
      case 'notequal':
        return { not: { ref, values: literals() } };
      case 'anyof':
        return { ref, values: literals() };
      case 'allof':
      case 'contains': {
        const values = literals();
        return values.length === 1 ? { ref, values } : { all: values.map((v) => ({ ref, values: [v] })) };
      }
      case 'notcontains':
      case 'noneof':
        return { not: { ref, values: literals() } };
      case 'empty':
      case 'notempty':
        throw new Unsupported(`"${op.v}" (whether a question was answered) cannot be translated`);
      case '>':
      case '<':
      case '>=':
      case '<=':
        throw new Unsupported(`comparisons with "${op.v}" cannot be translated`);
      default:
        throw new Unsupported(subset);
    }
  };
  const result = or();
  if (i < toks.length) throw new Unsupported(subset);
  return result;
}


/** Convert SurveyJS survey JSON. Never throws. */
export function fromSurveyJs(json: unknown): ImportResult {
  const report: ImportReport = { format: 'surveyjs', notCarried: [], renamed: [] };
  if (!isRecord(json)) return { ok: false, message: 'This is not SurveyJS survey JSON: expected an object with pages or elements.', problems: [], report };
  try {
    return convert(json, report);
  } catch (e) {
    return { ok: false, message: `This SurveyJS survey could not be converted: ${e instanceof Error ? e.message : String(e)}`, problems: [], report };
  }
}

function convert(json: Json, report: ImportReport): ImportResult {
  const notCarried = (where: string, what: string) => report.notCarried.push({ where, what });
  const locale = typeof json.locale === 'string' ? json.locale.trim() : '';
  const defaultLang = locale && isLanguageCode(locale.toLowerCase()) ? locale.toLowerCase() : 'en';
  const languages = [defaultLang];
  const badLocales = new Set<string>();

  /** A SurveyJS localisable string as a language map; `default` is the default language. */
  const txt = (v: unknown, transform: (s: string) => string = (s) => s.trim()): Texts | undefined => {
    if (typeof v === 'string' || typeof v === 'number') {
      const s = transform(String(v));
      return s ? { [defaultLang]: s } : undefined;
    }
    if (!isRecord(v)) return undefined;
    const out: Texts = {};
    for (const [key, value] of Object.entries(v)) {
      if (typeof value !== 'string') continue;
      const s = transform(value);
      if (!s) continue;
      const lang = key === 'default' ? defaultLang : key.replace(/^[A-Za-z]+/, (p) => p.toLowerCase());
      if (!isLanguageCode(lang)) {
        if (!badLocales.has(key)) notCarried('survey', `texts in locale "${key}" not carried: not a language code`);
        badLocales.add(key);
        continue;
      }
      // An explicit `default` wins over the same language given by code.
      if (key === 'default' || !(lang in out)) out[lang] = s;
      if (!languages.includes(lang)) languages.push(lang);
    }
    return Object.keys(out).length ? out : undefined;
  };
  const html = (v: unknown) => txt(v, stripHtml);

  const questionIds = new IdAllocator(report.renamed);
  const pageIds = new IdAllocator(report.renamed);
  const known = new Map<string, Known>();

  /** Choices as options: `value` → id (normalised, unique, never a reserved id), `text` → label. */
  const choiceList = (raw: unknown, where: string): { value: string; label: Texts }[] => {
    if (!Array.isArray(raw)) return [];
    const out: { value: string; label: Texts }[] = [];
    for (const item of raw) {
      if (typeof item === 'string' || typeof item === 'number') {
        // Old SurveyJS shorthand: "value|text".
        const s = String(item);
        const bar = typeof item === 'string' ? s.indexOf('|') : -1;
        const value = (bar >= 0 ? s.slice(0, bar) : s).trim();
        if (!value) continue;
        const label = txt(bar >= 0 ? s.slice(bar + 1) : s) ?? { [defaultLang]: value };
        out.push({ value, label });
      } else if (isRecord(item) && item.value !== undefined && item.value !== null) {
        const value = String(item.value).trim();
        if (!value) continue;
        out.push({ value, label: txt(item.text) ?? { [defaultLang]: value } });
        if (item.visibleIf || item.enableIf) notCarried(where, `condition on choice "${value}" not carried`);
      }
    }
    return out;
  };

  const merge = (label: Texts, desc: Texts | undefined): Texts => {
    if (!desc) return label;
    const out: Texts = {};
    for (const lang of new Set([...Object.keys(label), ...Object.keys(desc)]))
      out[lang] = `${label[lang] ?? label[defaultLang]} – ${desc[lang] ?? desc[defaultLang]}`;
    return out;
  };

  const pages: { id: string; title?: Texts; intro?: Texts; questions: Draft[]; where: string }[] = [];

  /** Convert one question element; null if it is not carried (already reported). */
  const question = (el: Json, type: string, where: string, id: string): { q: Draft; values: Map<string, string> | null } | null => {
    const name = typeof el.name === 'string' ? el.name : id;
    const title = txt(el.title) ?? { [defaultLang]: name };
    const help = txt(el.description);
    const common = { id, title, ...(help ? { help } : {}), ...(el.isRequired === true ? { required: true } : {}) };
    const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

    switch (type) {
      case 'radiogroup':
      case 'dropdown':
      case 'checkbox':
      case 'tagbox':
      case 'ranking': {
        const kind = type === 'ranking' ? 'ranking' : type === 'checkbox' || type === 'tagbox' ? 'multi' : 'single';
        let choices = choiceList(el.choices, where);
        if (choices.length === 0 && type === 'dropdown' && num(el.choicesMin) !== undefined && num(el.choicesMax) !== undefined) {
          // A dropdown of numbers generated from choicesMin..choicesMax.
          const step = num(el.choicesStep) ?? 1;
          choices = [];
          for (let v = num(el.choicesMin)!; v <= num(el.choicesMax)! && choices.length <= 60 && step > 0; v += step)
            choices.push({ value: String(v), label: { [defaultLang]: String(v) } });
        }
        const optionIds = new IdAllocator(report.renamed, ['other', 'prefer_not_to_say']);
        const values = new Map<string, string>();
        const options: { id: string; label: Texts; exclusive?: boolean }[] = [];
        const hasOther = el.hasOther === true || el.showOtherItem === true;
        let other: Texts | undefined = hasOther ? (txt(el.otherText) ?? { [defaultLang]: 'Other' }) : undefined;
        let preferNot = kind !== 'ranking' && (el.showRefuseItem === true);
        for (const c of choices) {
          const norm = normaliseId(c.value);
          // A choice whose value is "other" / "prefer_not_to_say" is the built-in answer, except in a
          // ranking, which has no built-ins: there it is renamed like any clash.
          if (kind !== 'ranking' && norm === 'other') {
            other ??= c.label;
            values.set(c.value, 'other');
            notCarried(where, `choice "${c.value}" became the question's built-in "other" answer, which asks the respondent to say what`);
            continue;
          }
          if (kind !== 'ranking' && norm === 'prefer_not_to_say') {
            preferNot = true;
            values.set(c.value, 'prefer_not_to_say');
            continue;
          }
          const optionId = optionIds.take(c.value, `option_${options.length + 1}`);
          values.set(c.value, optionId);
          options.push({ id: optionId, label: c.label });
        }
        if (kind === 'ranking' && hasOther) notCarried(where, '"other" answer not carried: a ranking cannot have one');
        // SurveyJS's own values for its built-in items; a real choice with the same value keeps it.
        const builtIn = (value: string, id: string) => {
          if (!values.has(value)) values.set(value, id);
        };
        if (other && kind !== 'ranking') builtIn('other', 'other');
        if (preferNot) builtIn('refused', 'prefer_not_to_say');
        if (kind !== 'ranking' && (el.hasNone === true || el.showNoneItem === true)) {
          // "None of these": an option of its own, exclusive in a multi question.
          const noneId = optionIds.take('none', 'none');
          builtIn('none', noneId);
          options.push({ id: noneId, label: txt(el.noneText) ?? { [defaultLang]: 'None of these' }, ...(kind === 'multi' ? { exclusive: true } : {}) });
        }
        if (kind !== 'ranking' && el.showDontKnowItem === true) {
          const dkId = optionIds.take('dont_know', 'dont_know');
          builtIn('dontknow', dkId);
          options.push({ id: dkId, label: txt(el.dontKnowText) ?? { [defaultLang]: 'Don’t know' }, ...(kind === 'multi' ? { exclusive: true } : {}) });
        }
        if (el.hasSelectAll === true || el.showSelectAllItem === true) notCarried(where, '"select all" option not carried');
        // The format needs two options; a question with fewer is left out rather than failing the import.
        if (options.length < 2) {
          notCarried(where, `${type} question not carried: it has fewer than two choices`);
          return null;
        }
        const q: Draft = { ...common, type: kind, options };
        const choosable = options.length + (kind === 'multi' && other ? 1 : 0);
        if (kind !== 'ranking') {
          if (other) q.other = other;
          if (preferNot) q.prefer_not_to_say = true;
        }
        if (kind === 'multi') {
          const min = num(el.minSelectedChoices);
          const max = num(el.maxSelectedChoices);
          if (min !== undefined && min >= 1 && Number.isInteger(min) && min <= choosable) q.min = min;
          if (max !== undefined && max >= 1 && Number.isInteger(max)) q.max = Math.min(max, choosable);
        }
        if (kind === 'ranking') {
          const max = num(el.maxSelectedChoices);
          if (max !== undefined && max >= 1 && Number.isInteger(max)) q.max = Math.min(max, choosable);
        }
        return { q, values };
      }
      case 'rating': {
        const minLabel = txt(el.minRateDescription);
        const maxLabel = txt(el.maxRateDescription);
        const rateValues = Array.isArray(el.rateValues) && el.rateValues.length > 0 ? el.rateValues : null;
        const min = num(el.rateMin) ?? 1;
        const step = num(el.rateStep) ?? 1;
        const max = num(el.rateMax) ?? (num(el.rateCount) !== undefined ? min + (num(el.rateCount)! - 1) * step : 5);
        if (!rateValues && min === 0 && max === 10 && step === 1)
          return { q: { ...common, type: 'rating', ...(minLabel ? { min_label: minLabel } : {}), ...(maxLabel ? { max_label: maxLabel } : {}) }, values: null };
        // Anything else is a scale of labelled points; SurveyJS's end descriptions join the end labels.
        const raw = rateValues ? choiceList(rateValues, where) : [];
        if (!rateValues && step > 0) for (let v = min; v <= max && raw.length <= 11; v += step) raw.push({ value: String(v), label: { [defaultLang]: String(v) } });
        if (raw.length > 11) {
          notCarried(where, `rating from ${min} to ${max} carried as a number question: a scale can have at most 11 points`);
          return { q: { ...common, type: 'number', min, max, ...(Number.isInteger(min) && Number.isInteger(step) ? { integer: true } : {}) }, values: null };
        }
        const pointIds = new IdAllocator(report.renamed, ['other', 'prefer_not_to_say']);
        const values = new Map<string, string>();
        const points = raw.map((p, i) => {
          const pid = pointIds.take(p.value, `point_${i + 1}`);
          values.set(p.value, pid);
          const label = i === 0 ? merge(p.label, minLabel) : i === raw.length - 1 ? merge(p.label, maxLabel) : p.label;
          return { id: pid, label };
        });
        if (points.length < 2) {
          notCarried(where, 'rating question not carried: it has fewer than two values');
          return null;
        }
        return { q: { ...common, type: 'scale', points }, values };
      }
      case 'boolean': {
        const custom = [txt(el.labelTrue), txt(el.labelFalse)].filter((t) => t !== undefined);
        if (custom.length) notCarried(where, `custom yes/no labels not carried (${custom.map((t) => `"${t![defaultLang] ?? Object.values(t!)[0]}"`).join(' / ')}); the question offers Yes and No`);
        const values = new Map<string, string>([
          ['true', 'yes'],
          ['false', 'no']
        ]);
        if (el.valueTrue !== undefined) values.set(String(el.valueTrue), 'yes');
        if (el.valueFalse !== undefined) values.set(String(el.valueFalse), 'no');
        return { q: { ...common, type: 'yes_no' }, values };
      }
      case 'text': {
        const inputType = typeof el.inputType === 'string' ? el.inputType.toLowerCase() : 'text';
        if (inputType === 'number' || inputType === 'range') {
          const min = num(el.min);
          const max = num(el.max);
          return { q: { ...common, type: 'number', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) }, values: null };
        }
        if (inputType === 'date') {
          const iso = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
          const min = iso(el.min);
          const max = iso(el.max);
          return { q: { ...common, type: 'date', ...(min ? { min } : {}), ...(max ? { max } : {}) }, values: null };
        }
        if (inputType !== 'text') notCarried(where, `input type "${inputType}" not carried: the answer is plain text and is not checked`);
        const maxLength = num(el.maxLength);
        const q: Draft = { ...common, type: 'text' };
        if (maxLength !== undefined && maxLength >= 1 && maxLength <= 1000 && Number.isInteger(maxLength)) q.max_length = maxLength;
        else if (maxLength !== undefined && maxLength > 0) notCarried(where, `maximum length ${maxLength} not carried: short text answers are limited to 1000 characters`);
        return { q, values: null };
      }
      case 'comment': {
        const maxLength = num(el.maxLength);
        const q: Draft = { ...common, type: 'long_text' };
        if (maxLength !== undefined && maxLength >= 1 && maxLength <= 10000 && Number.isInteger(maxLength)) q.max_length = maxLength;
        return { q, values: null };
      }
      case 'matrix': {
        const rowIds = new IdAllocator(report.renamed);
        const rows = choiceList(el.rows, where).map((r, i) => ({ id: rowIds.take(r.value, `row_${i + 1}`), label: r.label }));
        const pointIds = new IdAllocator(report.renamed, ['other', 'prefer_not_to_say']);
        const points = choiceList(el.columns, where).map((c, i) => ({ id: pointIds.take(c.value, `point_${i + 1}`), label: c.label }));
        if (rows.length < 1 || points.length < 2) {
          notCarried(where, 'matrix question not carried: it needs at least one row and two columns');
          return null;
        }
        return { q: { ...common, type: 'matrix', rows, points }, values: null };
      }
      case 'html': {
        const body = html(el.html);
        if (!body) {
          notCarried(where, 'empty html item left out');
          return null;
        }
        return { q: { id, type: 'info', body }, values: null };
      }
      default:
        notCarried(where, UNSUPPORTED[type] ? `${type} question not carried: ${UNSUPPORTED[type]}` : `question type "${type}" not carried`);
        return null;
    }
  };

  /** Flatten the elements of a page or panel into `page`, with the conditions of the containers around them. */
  const walk = (elements: unknown[], page: (typeof pages)[number], pageNumber: number, inherited: (Condition | undefined)[]) => {
    for (const el of elements) {
      if (!isRecord(el)) continue;
      const type = typeof el.type === 'string' ? el.type.toLowerCase() : '';
      const name = typeof el.name === 'string' && el.name.trim() ? el.name.trim() : '';
      const where = `page ${pageNumber}, ${type === 'panel' ? 'panel' : 'question'} "${name || type}"`;
      if (el.visible === false) {
        notCarried(where, 'hidden (visible: false) element left out');
        continue;
      }
      if (type === 'panel') {
        const own = visibleIf(el.visibleIf, where);
        // Judgement call: a titled panel keeps its heading as an info item, so the respondent still
        // sees the section; an untitled one just disappears. Its questions join the page.
        const title = txt(el.title);
        const description = txt(el.description);
        const children = Array.isArray(el.elements) ? el.elements : Array.isArray(el.questions) ? el.questions : [];
        if (title || description) {
          const id = questionIds.take(name || `panel_${page.questions.length + 1}`, 'panel');
          const info: Draft = { id, type: 'info', ...(title && description ? { title } : {}), body: description ?? title };
          const show = allOf([...inherited, own]);
          if (show) info.show_if = show;
          page.questions.push(info);
        }
        walk(children, page, pageNumber, [...inherited, own]);
        continue;
      }
      for (const prop of REPORTED_PROPS) {
        const v = el[prop];
        if (v === undefined || v === null || v === false || v === '') continue;
        notCarried(where, typeof v === 'string' ? `${prop} not carried: ${v}` : `${prop} not carried`);
      }
      if (Array.isArray(el.validators) && el.validators.length) notCarried(where, 'validators not carried');
      if (el.hasComment === true || el.showCommentArea === true) notCarried(where, 'comment box not carried');
      const id = questionIds.take(name || `question_${known.size + 1}`, `question_${known.size + 1}`);
      const converted = question(el, type, where, id);
      if (!converted) continue;
      // Translated only now, so a question that is not carried does not report its condition too.
      const own = visibleIf(el.visibleIf, where);
      const show = allOf([...inherited, own]);
      if (show) converted.q.show_if = show;
      page.questions.push(converted.q);
      if (name) known.set(name, { id, type: converted.q.type, values: converted.values });
    }
  };

  const visibleIf = (expr: unknown, where: string): Condition | undefined => {
    if (typeof expr !== 'string' || !expr.trim()) return undefined;
    try {
      return resolveCondition(parseExpression(expr), known, 'value');
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      notCarried(where, `visibleIf not carried: ${expr} (${e.message})`);
      return undefined;
    }
  };

  const rawPages: Json[] = Array.isArray(json.pages)
    ? json.pages.filter(isRecord)
    : [{ elements: Array.isArray(json.elements) ? json.elements : Array.isArray(json.questions) ? json.questions : [] }];
  rawPages.forEach((p, i) => {
    const n = i + 1;
    const name = typeof p.name === 'string' && p.name.trim() ? p.name.trim() : `page_${n}`;
    const where = `page ${n}`;
    if (p.visible === false) {
      notCarried(where, 'hidden (visible: false) page left out');
      return;
    }
    const title = txt(p.title);
    const intro = txt(p.description);
    const page = { id: pageIds.take(name, `page_${n}`), ...(title ? { title } : {}), ...(intro ? { intro } : {}), questions: [] as Draft[], where };
    const own = visibleIf(p.visibleIf, where);
    walk(Array.isArray(p.elements) ? p.elements : Array.isArray(p.questions) ? p.questions : [], page, n, [own]);
    pages.push(page);
  });
  for (const p of pages) if (p.questions.length === 0) notCarried(p.where, 'page has no questions that could be carried; left out');
  const kept = pages.filter((p) => p.questions.length > 0).map(({ where: _where, ...p }) => p);
  if (kept.length === 0) return { ok: false, message: 'This SurveyJS survey has no questions that could be imported.', problems: [], report };

  if (Array.isArray(json.triggers) && json.triggers.length) notCarried('survey', 'triggers not carried');
  if (Array.isArray(json.calculatedValues) && json.calculatedValues.length) notCarried('survey', 'calculated values not carried');

  const title = txt(json.title) ?? { [defaultLang]: 'Imported survey' };
  const intro = html(json.description);
  const thankYou = html(json.completedHtml);
  const draft: Record<string, unknown> = {
    format: 1,
    title,
    ...(languages.length > 1 || defaultLang !== 'en' ? { languages } : {}),
    ...(intro ? { intro } : {}),
    ...(thankYou ? { thank_you: thankYou } : {}),
    pages: kept
  };
  finishTexts(draft, languages);
  return finish(draft, report);
}
