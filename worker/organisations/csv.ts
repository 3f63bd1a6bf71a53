/**
 * Reading CSV (RFC 4180), for registers that people keep in spreadsheets. Reading is
 * forgiving (it never throws: people upload whatever their spreadsheet saved). Writing,
 * with formulas neutralised, is worker/exports/csv.ts.
 */

/** One record of a CSV file, with the 1-based line of the file it starts on. */
export type CsvRecord = { line: number; fields: string[] };

/**
 * Parse CSV text into records, each with the line it starts on (a quoted field may span
 * lines, so records and lines differ). Quoted fields may hold commas, doubled quotes and
 * line breaks; CRLF, LF and lone CR all end a line; a UTF-8 BOM is dropped. Blank lines
 * in the middle come back as a record of one empty field (callers decide what they
 * mean); blank lines at the end are dropped. Odd input is read as well as it can be: an
 * unterminated quote runs to the end, text after a closing quote joins the field.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  const n = s.length;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
  };

  while (i < n) {
    const c = s[i];
    if (c === '"' && field === '') {
      // A quoted field (or more quoted text after a closing quote, for odd input like "a""b"c).
      i += 1;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q === -1) {
          field += s.slice(i);
          line += lineBreaks(s, i, n);
          i = n;
          break;
        }
        field += s.slice(i, q);
        line += lineBreaks(s, i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
    } else {
      // Unquoted text runs to the next comma or line end; a stray quote inside is kept as is.
      let j = i + 1;
      while (j < n && s[j] !== ',' && s[j] !== '\r' && s[j] !== '\n') j += 1;
      field += s.slice(i, j);
      i = j;
    }
  }
  // The last line has no line break after it (or the text was empty after a final break).
  if (fields.length > 0 || field !== '' || (n > 0 && s[n - 1] !== '\n' && s[n - 1] !== '\r')) endRecord();
  while (records.length > 0 && isBlank(records[records.length - 1].fields)) records.pop();
  return records;
}

/** Parse CSV text into rows of fields; see parseCsvRecords for the rules. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

/** How many line breaks (CRLF, LF or CR each count once) are in s[from, to). */
function lineBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k += 1) {
    const c = s[k];
    if (c === '\n') count += 1;
    else if (c === '\r' && s[k + 1] !== '\n') count += 1;
  }
  return count;
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}
