/**
 * The export writers on their own: the neutralisation rule in every cell (headings and
 * sheet names too), CSV streaming, and the xlsx writer, read back both as raw XML and by
 * an independent xlsx reader (exceljs) the way a spreadsheet would open it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { heading, safeText, type Row } from '../../worker/exports/cells';
import { csvStream, toCsv } from '../../worker/exports/csv';
import { parseCsv } from '../../worker/organisations/csv';
import { columnName, sheetName, xlsxBytes, xlsxStream } from '../../worker/exports/xlsx';

const PAYLOADS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1', '\r=1'];

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8'); // keeps the byte-order mark
}

describe('safeText', () => {
  it('puts an apostrophe before anything a spreadsheet would read as a formula', () => {
    for (const p of PAYLOADS) expect(safeText(p)).toBe(`'${p}`);
    expect(safeText('fine = fine')).toBe('fine = fine');
    expect(safeText("'already")).toBe("'already");
  });

  it('drops characters XML cannot hold first, so none can hide a formula', () => {
    expect(safeText('\u0000=1+1')).toBe("'=1+1");
    expect(safeText('a\u0001b\u001Fc\uFFFEd\uFFFF')).toBe('abcd');
    expect(safeText('lone \uD800 surrogate')).toBe('lone  surrogate');
    expect(safeText('emoji 😀 kept, tab\tand\nlines kept')).toBe('emoji 😀 kept, tab\tand\nlines kept');
  });
});

describe('CSV downloads', () => {
  it('stream a byte-order mark, then every page of rows with CRLF line ends, headings neutralised like any cell', async () => {
    async function* pages(): AsyncGenerator<Row[]> {
      yield [heading('=id', 'name')];
      yield [[1, '=HYPERLINK("x")'], [-2, 'plain']];
      yield [[3, 'multi\nline']];
    }
    const out = await text(csvStream(pages()));
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out.slice(1)).toBe(`'=id,name\r\n1,"'=HYPERLINK(""x"")"\r\n-2,plain\r\n3,"multi\nline"\r\n`);
    expect(parseCsv(out)).toEqual([["'=id", 'name'], ['1', `'=HYPERLINK("x")`], ['-2', 'plain'], ['3', 'multi\nline']]);
  });

  it('write a file with only its mark when there are no rows', async () => {
    expect(await text(csvStream([]))).toBe('\uFEFF');
  });

  it('leave numbers as numbers and drop what is not a finite number', () => {
    expect(toCsv([[-5, 0, 1.5, NaN, Infinity, -0]])).toBe('-5,0,1.5,,,0');
  });
});

describe('xlsx writer', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('makes sheet names valid, unique and never formula-like', () => {
    expect(sheetName('=HYPERLINK("x")')).toBe('_=HYPERLINK("x")');
    expect(sheetName("+cmd|' /C calc'!A0")).toBe("_+cmd|'  C calc'!A0");
    expect(sheetName("'@SUM(1)'")).toBe('_@SUM(1)');
    expect(sheetName('-2+3')).toBe('_-2+3');
    expect(sheetName('a/b\\c?d*e[f]g:h')).toBe('a b c d e f g h');
    expect(sheetName('')).toBe('Sheet');
    expect(sheetName('History')).toBe('History_');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('Results', ['results'])).toBe('Results (2)');
    expect(sheetName('😀'.repeat(20))).toHaveLength(30);
  });

  it('writes text as inline strings and numbers as numbers, never formulas, neutralised and escaped', async () => {
    const bytes = await xlsxBytes([
      {
        name: '=HYPERLINK("evil")',
        rows: [heading(...PAYLOADS, 'n'), [...PAYLOADS, 42], ['a < b & "c" > d', -2.5, null, 0, '_x003D_1+1', 'x\u0000y\u0008z', '😀 صبا', 'two\nlines']],
        widths: [20, 10],
        freeze: 1
      },
      { name: 'About', rows: [['@SUM(1)']] }
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort()
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">\'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</t></is></c>');
    expect(sheet).toContain('<c r="G2"><v>42</v></c>');
    expect(sheet).toContain('<c r="B3"><v>-2.5</v></c>');
    expect(sheet).toContain('<c r="D3"><v>0</v></c>');
    expect(sheet).not.toContain('r="C3"'); // an empty cell is left out
    expect(sheet).toContain('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(sheet).toContain('_x005F_x003D_1+1'); // a literal escape stays literal, so it cannot spell "="
    expect(sheet).toContain('>xyz<');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="_=HYPERLINK(&quot;evil&quot;)" sheetId="1" r:id="rId1"/>');

    // Read back as a spreadsheet program would.
    const wb = await workbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['_=HYPERLINK("evil")', 'About']);
    const ws = wb.worksheets[0];
    const row1 = PAYLOADS.map((_, i) => ws.getCell(1, i + 1));
    expect(row1.map((c) => c.value)).toEqual(PAYLOADS.map((p) => `'${p}`));
    expect(row1.every((c) => c.type === ExcelJS.ValueType.String && !c.formula)).toBe(true);
    expect(ws.getCell(1, 1).font?.bold).toBe(true);
    expect(ws.getCell(2, 1).font?.bold).toBeFalsy();
    expect(ws.getCell(2, 7).value).toBe(42);
    expect(ws.getCell(2, 7).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell(3, 2).value).toBe(-2.5);
    expect(ws.getCell(3, 1).value).toBe('a < b & "c" > d');
    // exceljs leaves the escape as written; Excel and LibreOffice read `_x005F_` as "_" (see below).
    expect(ws.getCell(3, 5).value).toBe('_x005F_x003D_1+1');
    expect(ws.getCell(3, 7).value).toBe('😀 صبا');
    expect(ws.getCell(3, 8).value).toBe('two\nlines');
    expect(ws.getColumn(1).width).toBe(20);
    let formulas = 0;
    for (const w of wb.worksheets) w.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0)));
    expect(formulas).toBe(0);
    expect(wb.worksheets[1].getCell(1, 1).value).toBe("'@SUM(1)");
  });

  it('streams a large sheet a page at a time into a workbook that opens', async () => {
    async function* pages(): AsyncGenerator<Row[]> {
      yield [heading('i', 'text')];
      for (let p = 0; p < 20; p++) yield Array.from({ length: 500 }, (_, k) => [p * 500 + k, `row ${p * 500 + k} =not a formula`]);
    }
    const chunks: Uint8Array[] = [];
    const reader = xlsxStream([{ name: 'Big', rows: pages() }]).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(5); // written as it goes, not at the end
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
    const ws = (await workbook(bytes)).worksheets[0];
    expect(ws.rowCount).toBe(10_001);
    expect(ws.getCell(10_001, 1).value).toBe(9_999);
    expect(ws.getCell(10_001, 2).value).toBe('row 9999 =not a formula');
  });

  it('cuts text longer than a spreadsheet cell can hold', async () => {
    const bytes = await xlsxBytes([{ name: 'Long', rows: [['x'.repeat(40_000)]] }]);
    const value = (await workbook(bytes)).worksheets[0].getCell(1, 1).value as string;
    expect(value.length).toBeLessThanOrEqual(32_767);
    expect(value).toMatch(/\[cut: too long for one spreadsheet cell\]$/);
  });

  // LibreOffice is not installed by the project (it is large); where it is, it opens the
  // workbook and saves it as CSV, which shows what a person would see and re-save.
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)('opens in LibreOffice, and saving it again as CSV keeps every formula neutralised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    writeFileSync(
      join(dir, 'book.xlsx'),
      await xlsxBytes([{ name: '@SUM(1)', rows: [heading('=h', 'n'), [PAYLOADS[0], -3], ['_x003D_1+1', 2.5], ['line\nbreak', null]] }])
    );
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv', '--outdir', dir, join(dir, 'book.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    expect(parseCsv(readFileSync(join(dir, 'book.csv'), 'utf8'))).toEqual([
      ["'=h", 'n'],
      [`'${PAYLOADS[0]}`, '-3'],
      ['_x003D_1+1', '2.5'],
      ['line\nbreak', '']
    ]);
  }, 130_000);
});
