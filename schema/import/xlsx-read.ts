/**
 * A minimal .xlsx (SpreadsheetML) reader: sheet names and cell text, nothing else.
 *
 * Pure: no DOM, no Node APIs, so it runs in a Cloudflare Worker as well as in Node.
 * There is no DOMParser in Workers, so the XML is read with a small regex tokenizer
 * that understands just enough of XML for the parts Excel, LibreOffice and the
 * usual libraries write (prefixed or unprefixed tags, self-closing tags, CDATA,
 * comments, entities).
 */
import { strFromU8, unzipSync } from 'fflate';

/** One worksheet: `rows[i]` is spreadsheet row i + 1, each cell as text ('' for an empty cell). */
export type Sheet = { name: string; rows: string[][] };

/** Refuse workbooks whose XML parts add up to more than this when uncompressed. */
export const MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
/** Refuse sheets with data beyond this row. */
export const MAX_ROWS = 5000;
/** Refuse sheets with more cells than this (rows × width), so a stray far-right cell cannot blow up memory. */
const MAX_CELLS = 1_000_000;
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;

type Token =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

// One alternative per construct; the last two are tags and text. Tag names keep only their
// local part: `<x:c>` and `<c>` both become `c`.
const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Split XML into open/close/text tokens. Attribute names are stored both in full (`r:id`) and by local name (`id`). */
function* tokens(xml: string): Generator<Token> {
  for (const m of xml.matchAll(TOKEN)) {
    if (m[1] !== undefined) yield { kind: 'text', text: m[1] };
    else if (m[3] !== undefined) {
      if (m[2] === '/') {
        yield { kind: 'close', name: m[3] };
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(ATTR)) {
        const value = decodeEntities(a[2] ?? a[3] ?? '');
        attrs[a[1]] = value;
        const local = a[1].includes(':') ? a[1].slice(a[1].indexOf(':') + 1) : a[1];
        if (!(local in attrs)) attrs[local] = value;
      }
      yield { kind: 'open', name: m[3], attrs, selfClosing: m[5] === '/' };
    } else if (m[6] !== undefined) yield { kind: 'text', text: decodeEntities(m[6]) };
    // Comments, processing instructions and doctypes are skipped.
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Excel escapes control characters in strings as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
function decodeExcelEscapes(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * The text of every `<t>` inside an element, concatenated (rich-text runs `<r><t>…</t></r>` join up),
 * ignoring phonetic runs `<rPh>`. `next` yields the tokens after the element's opening tag; stops at its end.
 */
function collectText(next: () => Token | undefined, endName: string): string {
  let out = '';
  let inT = 0;
  let inPhonetic = 0;
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind === 'open') {
      if (tok.selfClosing) continue;
      if (tok.name === 't') inT++;
      else if (tok.name === 'rPh') inPhonetic++;
    } else if (tok.kind === 'close') {
      if (tok.name === endName) break;
      if (tok.name === 't') inT = Math.max(0, inT - 1);
      else if (tok.name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
    } else if (inT && !inPhonetic) out += tok.text;
  }
  return decodeExcelEscapes(out);
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const it = tokens(xml);
  const next = () => {
    const r = it.next();
    return r.done ? undefined : r.value;
  };
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind === 'open' && tok.name === 'si') out.push(tok.selfClosing ? '' : collectText(next, 'si'));
  }
  return out;
}

/** Column index (0-based) from a cell reference such as `C5` or `$AB$12`; null if there is none. */
function columnOf(ref: string | undefined): number | null {
  const m = ref ? /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref.trim()) : null;
  if (!m) return null;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowOf(ref: string | undefined): number | null {
  const m = ref ? /(\d+)\s*$/.exec(ref) : null;
  return m ? parseInt(m[1], 10) : null;
}

function parseSheet(xml: string, shared: string[], sheetName: string): string[][] {
  const rows: string[][] = [];
  let cells = 0;
  const it = tokens(xml);
  const next = () => {
    const r = it.next();
    return r.done ? undefined : r.value;
  };
  let rowNumber = 0; // 1-based number of the current row
  let col = -1; // index of the last cell seen in the current row

  const store = (r: number, c: number, value: string) => {
    if (value === '') return;
    if (r > MAX_ROWS) throw new Error(`Sheet "${sheetName}" has more than ${MAX_ROWS} rows; that is too big to import.`);
    if (c >= MAX_COLUMNS) throw new Error(`Sheet "${sheetName}" has a cell beyond column XFD.`);
    while (rows.length < r) rows.push([]);
    const target = rows[r - 1];
    if (c >= target.length) {
      cells += c + 1 - target.length;
      if (cells > MAX_CELLS) throw new Error(`Sheet "${sheetName}" has too many cells to import.`);
      while (target.length < c) target.push('');
      target.push(value);
    } else target[c] = value;
  };

  for (let tok = next(); tok; tok = next()) {
    if (tok.kind !== 'open') continue;
    if (tok.name === 'row') {
      rowNumber = rowOf(tok.attrs.r) ?? rowNumber + 1;
      col = -1;
      continue;
    }
    if (tok.name !== 'c') continue;
    const ref = tok.attrs.r;
    col = columnOf(ref) ?? col + 1;
    const r = rowOf(ref) ?? Math.max(rowNumber, 1);
    if (tok.selfClosing) continue;
    const type = tok.attrs.t ?? 'n';
    // Read the cell's children: <v>, <is>, <f> (formulas are ignored; their cached <v> is used).
    let v: string | null = null;
    let inline: string | null = null;
    for (let inner = next(); inner; inner = next()) {
      if (inner.kind === 'close' && inner.name === 'c') break;
      if (inner.kind !== 'open' || inner.selfClosing) continue;
      if (inner.name === 'v') v = collectValue(next);
      else if (inner.name === 'is') inline = collectText(next, 'is');
      else if (inner.name === 'f') collectValue(next, 'f');
    }
    let value: string;
    if (type === 'inlineStr') value = inline ?? v ?? '';
    else if (type === 's') {
      const idx = v === null ? NaN : parseInt(v.trim(), 10);
      value = Number.isInteger(idx) && idx >= 0 && idx < shared.length ? shared[idx] : '';
    } else if (type === 'b') value = v === null ? '' : v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    else if (type === 'str' || type === 'e') value = decodeExcelEscapes(v ?? '');
    else value = v ?? inline ?? ''; // numbers and dates as written in the file
    store(r, col, value);
  }
  return rows;
}

/** Text content up to the closing tag `endName`. */
function collectValue(next: () => Token | undefined, endName = 'v'): string {
  let out = '';
  for (let tok = next(); tok; tok = next()) {
    if (tok.kind === 'close' && tok.name === endName) break;
    if (tok.kind === 'text') out += tok.text;
  }
  return out;
}

/** Resolve a relationship target against the folder of the part that owns it (`xl/`). */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Relationship id → { type, target } from a .rels part. */
function parseRels(xml: string | undefined, base: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  if (!xml) return map;
  for (const tok of tokens(xml)) {
    if (tok.kind === 'open' && tok.name === 'Relationship' && tok.attrs.Id && tok.attrs.Target && tok.attrs.TargetMode !== 'External')
      map.set(tok.attrs.Id, { type: tok.attrs.Type ?? '', target: resolveTarget(base, tok.attrs.Target) });
  }
  return map;
}

/**
 * Read every worksheet of an .xlsx file, in workbook order.
 * Throws an Error with a message fit for the person uploading the file if it is not a readable workbook.
 */
export function readWorkbook(bytes: Uint8Array): Sheet[] {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04)
    throw new Error('This file is not an Excel workbook (.xlsx): it is not a zip archive.');
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // Only the XML parts are needed; pictures and the like are never decompressed.
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNCOMPRESSED_BYTES) throw new RangeError('too big');
        return true;
      }
    });
  } catch (e) {
    if (e instanceof RangeError && e.message === 'too big')
      throw new Error(`This workbook is too big to import: its contents are more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB uncompressed.`);
    throw new Error('This file is not an Excel workbook (.xlsx): the zip archive could not be read.');
  }
  // Check what actually came out too, in case the sizes in the zip directory were wrong.
  const actual = Object.values(files).reduce((n, f) => n + f.length, 0);
  if (actual > MAX_UNCOMPRESSED_BYTES)
    throw new Error(`This workbook is too big to import: its contents are more than ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB uncompressed.`);

  // Zip entry names are matched case-insensitively, and without a leading slash.
  const byName = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) byName.set(name.replace(/^\/+/, '').toLowerCase(), data);
  const text = (path: string): string | undefined => {
    const data = byName.get(path.toLowerCase());
    return data ? strFromU8(data).replace(/^\uFEFF/, '') : undefined;
  };

  // The workbook part is normally xl/workbook.xml; the package relationships say for sure.
  let workbookPath = 'xl/workbook.xml';
  for (const rel of parseRels(text('_rels/.rels'), '').values())
    if (rel.type.endsWith('/officeDocument') && byName.has(rel.target.toLowerCase())) workbookPath = rel.target;
  const workbookXml = text(workbookPath);
  if (!workbookXml) throw new Error('This file is not an Excel workbook (.xlsx): it has no workbook inside.');
  const base = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const rels = parseRels(text(`${base}_rels/${workbookPath.slice(base.length)}.rels`), base);

  let sharedPath = `${base}sharedStrings.xml`;
  for (const rel of rels.values()) if (rel.type.endsWith('/sharedStrings')) sharedPath = rel.target;
  const sharedXml = text(sharedPath);
  const shared = sharedXml ? parseSharedStrings(sharedXml) : [];

  const sheets: Sheet[] = [];
  let index = 0;
  for (const tok of tokens(workbookXml)) {
    if (tok.kind !== 'open' || tok.name !== 'sheet') continue;
    index++;
    const name = tok.attrs.name ?? `Sheet${index}`;
    const relId = tok.attrs['r:id'] ?? tok.attrs.id;
    // Fall back to the conventional name when the relationships part is missing.
    const path = (relId && rels.get(relId)?.target) || `${base}worksheets/sheet${index}.xml`;
    const xml = text(path);
    if (xml === undefined) continue; // chartsheets and dialog sheets have no cells
    sheets.push({ name, rows: parseSheet(xml, shared, name) });
  }
  if (sheets.length === 0) throw new Error('This Excel workbook has no worksheets.');
  return sheets;
}
