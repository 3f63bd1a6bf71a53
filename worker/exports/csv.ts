/**
 * Writing CSV (RFC 4180) for spreadsheets: fields quoted when needed, formulas neutralised
 * (see cells.ts), lines ended with CRLF. Downloads stream a page of rows at a time, with a
 * UTF-8 byte-order mark so that Excel reads names in any script correctly.
 */
import { cellsOf, safeNumber, safeText, type Cell, type Row } from './cells';

/** Write rows as CSV: fields quoted when needed, formulas neutralised, lines ended with CRLF (none after the last). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvLine).join('\r\n');
}

/** One record as a CSV line, without its line ending. */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * One cell as CSV. A text cell starting with = + - @ tab or CR could run as a formula when
 * the file is opened in a spreadsheet (CSV injection), so it gets a leading apostrophe.
 * Numbers are written as they are: a number cannot carry a formula, and prefixing -5 would
 * turn it into text.
 */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(safeNumber(value) ?? '');
  const safe = safeText(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows to write: all at once, or a page at a time from a query. */
export type RowSource = readonly Row[] | AsyncIterable<readonly Row[]>;

/** Every page of rows from a source, in order. */
export async function* pagesOf(source: RowSource): AsyncGenerator<readonly Row[]> {
  if (Symbol.asyncIterator in source) yield* source;
  else yield source;
}

/** A CSV file as a stream: a byte-order mark, then each page of rows as it is read, every line ended with CRLF. */
export function csvStream(source: RowSource): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = pagesOf(source);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (!started) controller.enqueue(encoder.encode('\uFEFF'));
          controller.close();
          return;
        }
        let text = started ? '' : '\uFEFF';
        started = true;
        for (const row of next.value) text += `${csvLine(cellsOf(row).cells)}\r\n`;
        controller.enqueue(encoder.encode(text));
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await pages.return(undefined);
    }
  });
}
