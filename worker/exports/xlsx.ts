/**
 * A small xlsx (Office Open XML SpreadsheetML) writer that runs in a Worker.
 *
 * Why hand-written: the full spreadsheet libraries need Node's APIs or add hundreds of
 * kilobytes to the Worker for features we do not use (reading, formulas, charts, styles).
 * An export needs text and number cells, bold headings, column widths and a frozen
 * header: a few XML templates. The zip around them is fflate, which the Worker already
 * bundles (fast-png uses it for the QR code PNGs), is maintained, uses only standard
 * JavaScript and streams: each sheet is deflated a page of rows at a time, so a survey
 * with tens of thousands of responses is never held in memory as one string. This file
 * and the zip code it adds come to about 4 KB gzipped.
 *
 * Safety, cell by cell: text is written as inline strings and numbers as plain values,
 * never as formula elements; text gets the same neutralisation as CSV (a leading
 * apostrophe before = + - @ tab CR, see cells.ts), so saving the workbook again as CSV
 * stays safe; characters XML 1.0 cannot hold are dropped, the rest is escaped, and a
 * literal `_xHHHH_` is escaped too, since spreadsheets decode that as a character (it
 * could otherwise spell "=" after neutralisation).
 */
import { Zip, ZipDeflate } from 'fflate';
import { pagesOf, type RowSource } from './csv';
import { cellsOf, safeNumber, safeText, type Cell, type Row } from './cells';

/** One sheet of a workbook. */
export type Sheet = {
  name: string;
  rows: RowSource;
  /** Column widths in characters, from the first column. */
  widths?: readonly number[];
  /** How many rows at the top stay in view when scrolling (the headings). */
  freeze?: number;
};

/** The media type of an xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limits: longer text is cut (with a note), more rows or columns cannot be opened. */
const MAX_TEXT = 32767;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * Escape text for XML content or a double-quoted attribute (after dropping what XML cannot
 * hold). A carriage return is written as a character reference, since a parser would turn
 * a literal one into a line feed.
 */
function xml(text: string): string {
  return text.replace(/[&<>"\r]/g, (c) => ENTITIES[c]);
}

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A text cell's content: safe, within Excel's length limit, with literal `_xHHHH_` escapes kept literal. */
function cellText(value: string): string {
  let text = safeText(value);
  if (text.length > MAX_TEXT) text = `${cut(text, MAX_TEXT - 50)} [cut: too long for one spreadsheet cell]`;
  return xml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** One cell as XML, or '' for an empty one. Style 1 is bold. */
function cellXml(value: Cell, ref: string, bold: boolean): string {
  const style = bold ? ' s="1"' : '';
  if (value === null) return '';
  if (typeof value === 'number') {
    const n = safeNumber(value);
    return n === null ? '' : `<c r="${ref}"${style}><v>${n}</v></c>`;
  }
  const text = cellText(value);
  if (text === '') return '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** One row as XML (1-based row number). */
function rowXml(row: Row, number: number): string {
  const { cells, heading } = cellsOf(row);
  if (cells.length > MAX_COLUMNS) throw new Error(`A sheet can have at most ${MAX_COLUMNS} columns.`);
  let out = `<row r="${number}">`;
  cells.forEach((cell, i) => (out += cellXml(cell, `${columnName(i)}${number}`, heading)));
  return `${out}</row>`;
}

/**
 * A valid, unique sheet name: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, not "History". A name that starts like a formula gets a
 * leading underscore (an apostrophe is not allowed first in a sheet name).
 */
export function sheetName(name: string, taken: readonly string[] = []): string {
  let clean = name
    .replace(/[\u0000-\u001F\u007F-\u009F:\\/?*[\]]/g, ' ')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (/^[=+\-@]/.test(clean)) clean = `_${clean}`;
  if (clean === '' || clean.toLowerCase() === 'history') clean = clean ? `${clean}_` : 'Sheet';
  clean = cut(clean, 31).trim();
  const lower = taken.map((t) => t.toLowerCase());
  let unique = clean;
  for (let n = 2; lower.includes(unique.toLowerCase()); n++) unique = `${cut(clean, 31 - ` (${n})`.length)} (${n})`;
  return unique;
}

/** At most `max` UTF-16 units of text, never splitting a character. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function sheetHead(sheet: Sheet, first: boolean): string {
  const freeze = sheet.freeze ?? 0;
  const pane = freeze > 0 ? `<pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/>` : '';
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(Math.max(w, 1), 255)}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return (
    `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`
  );
}

const SHEET_TAIL = '</sheetData></worksheet>';

function contentTypes(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `${sheets}</Types>`
  );
}

const ROOT_RELS =
  `${HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

function core(created: Date): string {
  const when = created.toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Compassionate City Surveys</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created></cp:coreProperties>`
  );
}

function workbook(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets}<Relationship Id="rId${count + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

/** Two cell formats: 0 plain, 1 bold (headings). */
const STYLES =
  `${HEAD}<styleSheet xmlns="${NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The bytes of an xlsx workbook, a piece at a time: the package parts first, then each
 * sheet deflated as its pages of rows arrive, then the zip's directory.
 */
export async function* xlsxChunks(sheets: readonly Sheet[], created = new Date()): AsyncGenerator<Uint8Array> {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet.');
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err;
    else out.push(chunk);
    if (final) finished = true;
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  };
  const file = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(encoder.encode(text), true);
  };

  const names: string[] = [];
  for (const s of sheets) names.push(sheetName(s.name, names));
  file('[Content_Types].xml', contentTypes(sheets.length));
  file('_rels/.rels', ROOT_RELS);
  file('docProps/core.xml', core(created));
  file('xl/workbook.xml', workbook(names));
  file('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  file('xl/styles.xml', STYLES);
  yield* drain();

  for (const [i, sheet] of sheets.entries()) {
    const f = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: 6 });
    zip.add(f);
    f.push(encoder.encode(sheetHead(sheet, i === 0)));
    let number = 0;
    for await (const page of pagesOf(sheet.rows)) {
      let text = '';
      for (const row of page) {
        if (++number > MAX_ROWS) throw new Error(`A sheet can have at most ${MAX_ROWS.toLocaleString('en-GB')} rows; download CSV instead.`);
        text += rowXml(row, number);
      }
      if (text) f.push(encoder.encode(text));
      yield* drain();
    }
    f.push(encoder.encode(SHEET_TAIL), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
  if (!finished) throw new Error('The workbook was not finished.');
}

/** An xlsx workbook as a stream of bytes (for a download). */
export function xlsxStream(sheets: readonly Sheet[], created = new Date()): ReadableStream<Uint8Array> {
  const chunks = xlsxChunks(sheets, created);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    }
  });
}

/** An xlsx workbook as one array of bytes (small workbooks and tests). */
export async function xlsxBytes(sheets: readonly Sheet[], created = new Date()): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of xlsxChunks(sheets, created)) parts.push(chunk);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}
