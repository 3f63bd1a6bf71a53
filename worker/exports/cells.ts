/**
 * Cells of the files we write for spreadsheets (CSV and xlsx), and the one rule that keeps
 * them from running anything: a text cell that a spreadsheet could read as a formula
 * (starting with = + - @ tab or CR) gets a leading apostrophe, in every cell, headings
 * included, in both formats. Numbers stay numbers: a number cannot carry a formula.
 */

/** One cell: text, a number, or empty. */
export type Cell = string | number | null;

/** A row of cells, or a row of headings (bold in xlsx, plain in CSV). */
export type Row = readonly Cell[] | { readonly heading: readonly Cell[] };

/** A row of headings. */
export function heading(...cells: Cell[]): Row {
  return { heading: cells };
}

/** The cells of a row, and whether it is a row of headings. */
export function cellsOf(row: Row): { cells: readonly Cell[]; heading: boolean } {
  return 'heading' in row ? { cells: row.heading, heading: true } : { cells: row, heading: false };
}

/** Where a spreadsheet would start reading a formula (CSV injection; OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Characters that XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE and U+FFFF;
 * lone surrogates). Dropped from CSV too, so a control character can never hide a formula
 * from the check below and come back when a spreadsheet drops it.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as it may go into a cell: characters XML cannot hold dropped, a formula neutralised. */
export function safeText(value: string): string {
  const clean = value.replace(NOT_XML, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** A number as it may go into a cell: finite numbers only (NaN and infinities are left empty). */
export function safeNumber(value: number): number | null {
  return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
}
