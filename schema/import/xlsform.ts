/**
 * XLSForm (https://xlsform.org) workbooks to survey definitions.
 *
 * Sheets `survey`, `choices` and `settings`; headers are matched case-insensitively.
 * Top-level groups become pages, ungrouped runs of questions get pages of their own.
 * `relevant` expressions are translated when they use the common subset (`=`, `!=`,
 * `selected()`, `and`, `or`, `not()`, parentheses); anything else is dropped and reported.
 */
import type { Condition, Question } from '../survey-definition';
import { allOf, finish, finishTexts, IdAllocator, isLanguageCode, normaliseId, resolveCondition, Unsupported, type Known, type SourceCondition, type Texts } from './common';
import type { ImportReport, ImportResult } from './index';
import { readWorkbook, type Sheet } from './xlsx-read';

/** Common language names in XLSForm headers such as `label::English`, for headers without a `(code)`. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', welsh: 'cy', cymraeg: 'cy', french: 'fr', francais: 'fr', français: 'fr', spanish: 'es', espanol: 'es', español: 'es',
  german: 'de', deutsch: 'de', italian: 'it', portuguese: 'pt', dutch: 'nl', polish: 'pl', romanian: 'ro', lithuanian: 'lt',
  russian: 'ru', ukrainian: 'uk', turkish: 'tr', greek: 'el', arabic: 'ar', urdu: 'ur', hindi: 'hi', punjabi: 'pa', panjabi: 'pa',
  bengali: 'bn', bangla: 'bn', gujarati: 'gu', tamil: 'ta', chinese: 'zh', mandarin: 'zh', cantonese: 'yue', japanese: 'ja',
  korean: 'ko', vietnamese: 'vi', farsi: 'fa', persian: 'fa', dari: 'prs', pashto: 'ps', kurdish: 'ku', somali: 'so',
  swahili: 'sw', kiswahili: 'sw', amharic: 'am', tigrinya: 'ti', hausa: 'ha', yoruba: 'yo', igbo: 'ig', hebrew: 'he',
  nepali: 'ne', sinhala: 'si', tagalog: 'tl', indonesian: 'id', malay: 'ms', thai: 'th', gaelic: 'gd', irish: 'ga'
};

/** Metadata question types: recorded by data-collection apps, not asked. Reported once. */
const METADATA = new Set([
  'start', 'end', 'today', 'deviceid', 'username', 'phonenumber', 'simserial', 'subscriberid', 'audit', 'email',
  'start-geopoint', 'uri:email', 'uri:phonenumber', 'uri:subscriberid', 'uri:simserial', 'uri:deviceid', 'uri:username'
]);

/** Types with no equivalent, and why. */
const UNSUPPORTED: Record<string, string> = {
  calculate: 'calculated fields are not supported',
  hidden: 'hidden fields are not supported',
  geopoint: 'location questions are not supported',
  geotrace: 'location questions are not supported',
  geoshape: 'location questions are not supported',
  image: 'file uploads are not supported',
  audio: 'file uploads are not supported',
  'background-audio': 'recordings are not supported',
  video: 'file uploads are not supported',
  file: 'file uploads are not supported',
  barcode: 'barcode scanning is not supported',
  'xml-external': 'external data is not supported',
  'csv-external': 'external data is not supported',
  select_one_from_file: 'choices from a file are not supported',
  select_multiple_from_file: 'choices from a file are not supported',
  rank_from_file: 'choices from a file are not supported',
  trigger: 'trigger questions are not supported'
};

/** Columns with no equivalent: reported when filled in. */
const REPORTED_COLUMNS: [string, string][] = [
  ['constraint', 'constraint'],
  ['default', 'default value'],
  ['choice_filter', 'choice filter'],
  ['calculation', 'calculation'],
  ['read_only', 'read-only setting'],
  ['trigger', 'trigger']
];

type Column = { base: string; lang: string | null; index: number };

/** A sheet read as header + records, with access by column name and per-language text. */
type Table = { columns: Column[]; records: { row: number; cells: string[] }[] };

function tableOf(sheet: Sheet | undefined, langOf: (spec: string, header: string) => string | null): Table {
  if (!sheet) return { columns: [], records: [] };
  const headerIndex = sheet.rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { columns: [], records: [] };
  const columns: Column[] = [];
  sheet.rows[headerIndex].forEach((raw, index) => {
    const header = raw.trim();
    if (!header) return;
    const sep = header.indexOf('::');
    if (sep < 0) columns.push({ base: header.toLowerCase(), lang: null, index });
    else {
      const lang = langOf(header.slice(sep + 2).trim(), header);
      if (lang) columns.push({ base: header.slice(0, sep).trim().toLowerCase(), lang, index });
    }
  });
  const records = sheet.rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { columns, records };
}

/** `English (en)` → `en`; `Welsh` → `cy`; `fr` → `fr`; null if unknown. */
function languageCode(spec: string): string | null {
  const paren = /\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*\)\s*$/.exec(spec);
  const fix = (code: string) => {
    const [primary, ...rest] = code.split('-');
    const c = [primary.toLowerCase(), ...rest].join('-');
    return isLanguageCode(c) ? c : null;
  };
  if (paren) return fix(paren[1]);
  const name = spec.trim().toLowerCase();
  if (LANGUAGE_NAMES[name]) return LANGUAGE_NAMES[name];
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(spec.trim())) return fix(spec.trim());
  return null;
}

/** A question as built here: like `Question`, but with texts still as language maps. */
type Draft = Record<string, unknown> & { id: string; type: Question['type'] };

/** What conditions on later questions need to know about a carried question. */


type XCond = SourceCondition;

/** Parse the supported subset of XLSForm `relevant` expressions; throws Unsupported otherwise. */
function parseRelevant(expr: string): XCond {
  const toks: { t: 'ref' | 'lit' | 'op' | 'word'; v: string }[] = [];
  const re = /\s+|\$\{([^}]+)\}|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(!=|>=|<=|=|>|<|\(|\)|,|\+|\*|-|\||\.\.|\.)|([A-Za-z_][\w:-]*)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < expr.length && (m = re.exec(expr))) {
    pos = re.lastIndex;
    if (m[1] !== undefined) toks.push({ t: 'ref', v: m[1].trim() });
    else if (m[2] !== undefined || m[3] !== undefined) toks.push({ t: 'lit', v: m[2] ?? m[3] });
    else if (m[4] !== undefined) toks.push({ t: 'lit', v: m[4] });
    else if (m[5] !== undefined) toks.push({ t: 'op', v: m[5] });
    else if (m[6] !== undefined) toks.push({ t: 'word', v: m[6] });
  }
  if (pos < expr.length) throw new Unsupported('it could not be read');
  let i = 0;
  const peek = () => toks[i];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const isWord = (v: string) => peek()?.t === 'word' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Unsupported('only =, !=, selected(), and, or and not() can be translated');
    i++;
  };
  const or = (): XCond => {
    const parts = [and()];
    while (isWord('or')) {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : { any: parts };
  };
  const and = (): XCond => {
    const parts = [unary()];
    while (isWord('and')) {
      i++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0] : { all: parts };
  };
  const unary = (): XCond => {
    if (isWord('not') && toks[i + 1]?.v === '(') {
      i += 2;
      const inner = or();
      expect(')');
      return { not: inner };
    }
    return primary();
  };
  const primary = (): XCond => {
    const tok = peek();
    if (!tok) throw new Unsupported('it ends too early');
    if (isOp('(')) {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (isWord('selected') && toks[i + 1]?.v === '(') {
      i += 2;
      const ref = peek();
      if (ref?.t !== 'ref') throw new Unsupported('only selected(${question}, \'choice\') can be translated');
      i++;
      expect(',');
      const lit = peek();
      if (lit?.t !== 'lit') throw new Unsupported('only selected(${question}, \'choice\') can be translated');
      i++;
      expect(')');
      return { ref: ref.v, values: [lit.v] };
    }
    // ${q} = 'x', ${q} != 'x', and the same the other way round.
    const a = toks[i];
    const op = toks[i + 1];
    const b = toks[i + 2];
    if (op?.t === 'op' && (op.v === '=' || op.v === '!=') && a && b) {
      const ref = a.t === 'ref' ? a : b.t === 'ref' ? b : null;
      const lit = a.t === 'lit' ? a : b.t === 'lit' ? b : null;
      if (ref && lit) {
        i += 3;
        if (lit.v === '') throw new Unsupported('tests for an empty answer cannot be translated');
        const c: XCond = { ref: ref.v, values: [lit.v] };
        return op.v === '=' ? c : { not: c };
      }
    }
    if (op?.t === 'op' && ['>', '<', '>=', '<='].includes(op.v)) throw new Unsupported(`comparisons with "${op.v}" cannot be translated`);
    if (tok.t === 'word') throw new Unsupported(`the function ${tok.v}() cannot be translated`);
    throw new Unsupported('only =, !=, selected(), and, or and not() can be translated');
  };
  const result = or();
  if (i < toks.length) {
    const tok = toks[i];
    if (tok.t === 'op' && ['>', '<', '>=', '<='].includes(tok.v)) throw new Unsupported(`comparisons with "${tok.v}" cannot be translated`);
    throw new Unsupported('only =, !=, selected(), and, or and not() can be translated');
  }
  return result;
}


type ChoiceRow = { name: string; label: Texts | undefined; row: number };

/** Convert an XLSForm workbook. `filename` gives the title when the settings sheet has none. */
export function fromXlsForm(bytes: Uint8Array, options: { filename?: string } = {}): ImportResult {
  const report: ImportReport = { format: 'xlsform', notCarried: [], renamed: [] };
  let sheets: Sheet[];
  try {
    sheets = readWorkbook(bytes);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e), problems: [], report };
  }
  return fromXlsFormSheets(sheets, options, report);
}

/** Convert XLSForm sheets already read from a workbook (or built another way, e.g. from CSV). Never throws. */
export function fromXlsFormSheets(
  sheets: Sheet[],
  options: { filename?: string } = {},
  report: ImportReport = { format: 'xlsform', notCarried: [], renamed: [] }
): ImportResult {
  try {
    return convert(sheets, options, report);
  } catch (e) {
    return { ok: false, message: `This XLSForm could not be converted: ${e instanceof Error ? e.message : String(e)}`, problems: [], report };
  }
}

function convert(sheets: Sheet[], options: { filename?: string }, report: ImportReport): ImportResult {
  const sheet = (name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name);
  const surveySheet = sheet('survey');
  if (!surveySheet)
    return { ok: false, message: 'This workbook is not an XLSForm: it has no sheet called "survey".', problems: [], report };
  const notCarried = (where: string, what: string) => report.notCarried.push({ where, what });

  // Languages: from `(code)` in headers, or a known language name; unknown ones are reported and skipped.
  const order: string[] = [];
  const skippedHeaders = new Set<string>();
  const langOf = (spec: string, header: string): string | null => {
    const code = languageCode(spec);
    if (!code) {
      if (!skippedHeaders.has(header)) notCarried(`column "${header}"`, `language "${spec}" not recognised; add its code, like "${spec} (xx)"`);
      skippedHeaders.add(header);
      return null;
    }
    if (!order.includes(code)) order.push(code);
    return code;
  };
  const survey = tableOf(surveySheet, langOf);
  const choicesTable = tableOf(sheet('choices'), langOf);
  const settingsTable = tableOf(sheet('settings'), langOf);

  const plain = (t: Table, rec: { cells: string[] }, base: string): string => {
    const col = t.columns.find((c) => c.base === base && c.lang === null);
    return col ? (rec.cells[col.index] ?? '').trim() : '';
  };
  const settings = settingsTable.records[0];
  const setting = (key: string) => (settings ? plain(settingsTable, settings, key) : '');

  // The default language: settings `default_language`; else the plain `label` column is English;
  // else the first translated language.
  const defaultSetting = setting('default_language');
  const hasPlainLabel = survey.columns.some((c) => c.base === 'label' && c.lang === null);
  const defaultLang = (defaultSetting && defaultSetting.toLowerCase() !== 'default' && languageCode(defaultSetting)) || (hasPlainLabel || order.length === 0 ? 'en' : order[0]);
  const languages = [defaultLang, ...order.filter((l) => l !== defaultLang)];

  /** Text of `base` in every language; the plain column counts as the default language. */
  const texts = (t: Table, rec: { cells: string[] }, base: string): Texts | undefined => {
    const out: Texts = {};
    for (const col of t.columns) {
      if (col.base !== base) continue;
      const value = (rec.cells[col.index] ?? '').trim();
      if (!value) continue;
      const lang = col.lang ?? defaultLang;
      // A translated column beats the plain one for the same language.
      if (col.lang !== null || !(lang in out)) out[lang] = value;
    }
    return Object.keys(out).length ? out : undefined;
  };

  // Choice lists by name.
  const lists = new Map<string, ChoiceRow[]>();
  const listCol = choicesTable.columns.some((c) => c.base === 'list_name') ? 'list_name' : 'list name';
  for (const rec of choicesTable.records) {
    const list = plain(choicesTable, rec, listCol);
    const name = plain(choicesTable, rec, 'name');
    if (!list || !name) continue;
    if (!lists.has(list)) lists.set(list, []);
    lists.get(list)!.push({ name, label: texts(choicesTable, rec, 'label'), row: rec.row });
  }

  const questionIds = new IdAllocator(report.renamed);
  const pageIds = new IdAllocator(report.renamed);
  const known = new Map<string, Known>();
  type PageDraft = { id: string; title?: Texts; questions: Draft[]; where: string };
  const pages: PageDraft[] = [];
  let current: PageDraft | null = null;
  type Frame = { kind: 'group' | 'repeat'; name: string; where: string; condition?: Condition; carried: string[] };
  const stack: Frame[] = [];
  const metadata: { row: number; name: string }[] = [];

  const condition = (expr: string, where: string): Condition | undefined => {
    if (!expr) return undefined;
    try {
      return resolveCondition(parseRelevant(expr), known, 'choice');
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      notCarried(where, `relevant not carried: ${expr} (${e.message})`);
      return undefined;
    }
  };

  for (const rec of survey.records) {
    const get = (base: string) => plain(survey, rec, base);
    const typeText = get('type').replace(/\s+/g, ' ');
    const name = get('name');
    const where = name ? `row ${rec.row} (${name})` : `row ${rec.row}`;
    if (!typeText) continue;
    const [rawBase, listName, ...rest] = typeText.split(' ');
    let base = rawBase.toLowerCase();
    // `begin group`, `begin_group`, `begin-group` (and repeat) all mean the same.
    const structural = /^(begin|end)[ _-]?(group|repeat)$/.exec(typeText.toLowerCase());

    if (structural) {
      const [, edge, kind] = structural;
      if (edge === 'end') {
        const frame = stack.pop();
        if (!frame) notCarried(where, `"end ${kind}" without a matching "begin ${kind}" ignored`);
        else if (frame.kind === 'repeat')
          notCarried(
            frame.where,
            frame.carried.length
              ? `repeat not carried: its questions (${frame.carried.join(', ')}) are asked once, not repeated`
              : 'repeat not carried'
          );
        if (stack.length === 0) current = null;
        continue;
      }
      const label = texts(survey, rec, 'label');
      const frame: Frame = { kind: kind as 'group' | 'repeat', name, where, carried: [] };
      frame.condition = condition(get('relevant'), where);
      if (stack.length === 0) {
        // A top-level group (or repeat) is a page.
        current = { id: pageIds.take(name || `page_${pages.length + 1}`, `page_${pages.length + 1}`), title: label, questions: [], where };
        pages.push(current);
      } else if (kind === 'group') {
        notCarried(where, `nested group flattened into page "${current?.id}"${label ? ': its label is not shown' : ''}`);
      }
      stack.push(frame);
      continue;
    }

    if (METADATA.has(base)) {
      metadata.push({ row: rec.row, name: name || base });
      continue;
    }
    if (UNSUPPORTED[base] || UNSUPPORTED[typeText.toLowerCase()]) {
      notCarried(where, `${base} not carried: ${UNSUPPORTED[base] ?? UNSUPPORTED[typeText.toLowerCase()]}`);
      continue;
    }
    // Legacy spellings.
    if (base === 'select1') base = 'select_one';
    if (base === 'select_all_that_apply') base = 'select_multiple';

    for (const [col, what] of REPORTED_COLUMNS) {
      const value = get(col);
      if (value) notCarried(where, `${what} not carried: ${value}`);
    }

    const label = texts(survey, rec, 'label');
    const hint = texts(survey, rec, 'hint');
    const required = /^(yes|true|true\(\)|1)$/i.test(get('required'));
    const title: Texts = label ?? { [defaultLang]: name || `Question ${rec.row}` };
    const id = questionIds.take(name || `q_row_${rec.row}`, `q_row_${rec.row}`);
    const common = (): Record<string, unknown> => ({ title, ...(hint ? { help: hint } : {}), ...(required ? { required: true } : {}) });

    let q: Draft | null = null;
    let values: Map<string, string> | null = null;
    switch (base) {
      case 'select_one':
      case 'select_multiple':
      case 'rank': {
        const list = listName ? lists.get(listName) : undefined;
        if (!list) {
          notCarried(where, listName ? `question not carried: choice list "${listName}" not found` : 'question not carried: no choice list named');
          break;
        }
        const orOther = rest.some((r) => r.toLowerCase() === 'or_other');
        const names = list.map((c) => c.name.toLowerCase()).sort();
        if (base === 'select_one' && names.length === 2 && names[0] === 'no' && names[1] === 'yes') {
          // A yes/no list is a yes_no question; its own labels are replaced by ours.
          q = { id, type: 'yes_no', ...common() };
          values = new Map(list.map((c) => [c.name, c.name.toLowerCase()]));
          break;
        }
        const optionIds = new IdAllocator(report.renamed, ['other', 'prefer_not_to_say']);
        const opts: { id: string; label: Texts }[] = [];
        let other: Texts | undefined;
        let preferNot = false;
        values = new Map();
        for (const c of list) {
          const label: Texts = c.label ?? { [defaultLang]: c.name };
          const norm = normaliseId(c.name);
          // Choices called other / prefer_not_to_say become the question's built-in answers
          // (a ranking has neither, so there they are renamed like any clash).
          if (base !== 'rank' && norm === 'other' && !other) {
            other = label;
            values.set(c.name, 'other');
            notCarried(`row ${c.row} of choices (${c.name})`, `choice "${c.name}" became the question's built-in "other" answer, which asks the respondent to say what`);
            continue;
          }
          if (base !== 'rank' && norm === 'prefer_not_to_say' && !preferNot) {
            preferNot = true;
            values.set(c.name, 'prefer_not_to_say');
            notCarried(`row ${c.row} of choices (${c.name})`, `choice "${c.name}" became the question's built-in "prefer not to say" answer, with our wording`);
            continue;
          }
          const optionId = optionIds.take(c.name, `option_${opts.length + 1}`);
          values.set(c.name, optionId);
          opts.push({ id: optionId, label });
        }
        if (orOther) {
          if (base === 'rank') notCarried(where, 'or_other not carried: a ranking cannot have an "other" answer');
          else {
            other ??= { [defaultLang]: 'Other' };
            values.set('other', 'other');
            notCarried(where, 'or_other carried as the question\'s built-in "other" answer');
          }
        }
        // The format needs two options; a question with fewer is left out rather than failing the import.
        if (opts.length < 2) {
          notCarried(where, `question not carried: choice list "${listName}" has fewer than two choices`);
          values = null;
          break;
        }
        const type = base === 'select_one' ? 'single' : base === 'select_multiple' ? 'multi' : 'ranking';
        q = { id, type, ...common(), options: opts, ...(other ? { other } : {}), ...(preferNot ? { prefer_not_to_say: true } : {}) };
        break;
      }
      case 'text':
      case 'string':
        q = { id, type: /\bmultiline\b/.test(get('appearance')) ? 'long_text' : 'text', ...common() };
        break;
      case 'integer':
      case 'int':
        q = { id, type: 'number', ...common(), integer: true };
        break;
      case 'decimal':
        q = { id, type: 'number', ...common() };
        break;
      case 'date':
        q = { id, type: 'date', ...common() };
        break;
      case 'time':
      case 'datetime':
        notCarried(where, `${base} question carried as a text question`);
        q = { id, type: 'text', ...common() };
        break;
      case 'note':
        if (!label) {
          notCarried(where, 'note without a label left out');
          break;
        }
        if (hint) notCarried(where, 'hint of a note not carried');
        q = { id, type: 'info', body: label };
        break;
      case 'acknowledge':
        q = { id, type: 'consent', ...common(), statement: label ?? title };
        break;
      case 'range': {
        // parameters: "start=0 end=10 step=1"; XLSForm's defaults are 1, 10 and 1.
        const params = new Map([...get('parameters').matchAll(/(\w+)\s*=\s*(-?[\d.]+)/g)].map((m) => [m[1].toLowerCase(), Number(m[2])]));
        const start = params.get('start') ?? 1;
        const end = params.get('end') ?? 10;
        const step = params.get('step') ?? 1;
        if (start === 0 && end === 10 && step === 1) q = { id, type: 'rating', ...common() };
        else {
          const integer = Number.isInteger(start) && Number.isInteger(step);
          q = { id, type: 'number', ...common(), min: Math.min(start, end), max: Math.max(start, end), ...(integer ? { integer: true } : {}) };
          notCarried(where, `range carried as a number question from ${Math.min(start, end)} to ${Math.max(start, end)}`);
        }
        break;
      }
      default:
        notCarried(where, `question type "${typeText}" not carried`);
    }
    if (!q) continue;

    const own = condition(get('relevant'), where);
    const show = allOf([...stack.map((f) => f.condition), own]);
    if (show) q.show_if = show;
    if (!current) {
      current = { id: pageIds.take(`page_${pages.length + 1}`, 'page'), questions: [], where };
      pages.push(current);
    }
    current.questions.push(q);
    for (const f of stack) if (f.kind === 'repeat') f.carried.push(name || id);
    // An acknowledge question's value is "OK"; ours is "agreed".
    if (q.type === 'consent') values = new Map([['OK', 'agreed']]);
    if (name) known.set(name, { id, type: q.type, values: q.type === 'rating' ? null : values });
  }

  if (metadata.length)
    notCarried(
      `row${metadata.length > 1 ? 's' : ''} ${metadata.map((m) => m.row).join(', ')} (${metadata.map((m) => m.name).join(', ')})`,
      'metadata fields are not needed'
    );
  for (const p of pages) if (p.questions.length === 0) notCarried(p.where, 'group has no questions that could be carried; page left out');
  const kept = pages.filter((p) => p.questions.length > 0);
  if (kept.length === 0) return { ok: false, message: 'This XLSForm has no questions that could be imported.', problems: [], report };

  const formTitle = setting('form_title');
  const fileTitle = options.filename?.replace(/\.[^.]*$/, '').trim();
  const draft: Record<string, unknown> = {
    format: 1,
    title: formTitle || fileTitle || 'Imported survey',
    ...(languages.length > 1 || languages[0] !== 'en' ? { languages } : {}),
    pages: kept.map((p) => ({ id: p.id, ...(p.title ? { title: p.title } : {}), questions: p.questions }))
  };
  finishTexts(draft, languages);
  // The same list used twice reports its renames twice; keep one of each.
  const seen = new Set<string>();
  report.renamed = report.renamed.filter((r) => {
    const key = `${r.from}\u0000${r.to}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return finish(draft, report);
}
