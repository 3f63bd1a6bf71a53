import { describe, expect, it } from 'vitest';
import { toCsv } from '../../worker/exports/csv';
import { parseCsv, parseCsvRecords } from '../../worker/organisations/csv';

describe('parseCsv', () => {
  it('reads plain rows', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3']
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"Smith, Jones & Co","She said ""hi""","two\nlines"\r\nx,"",y')).toEqual([
      ['Smith, Jones & Co', 'She said "hi"', 'two\nlines'],
      ['x', '', 'y']
    ]);
  });

  it('keeps CRLF and CR inside quotes as they are', () => {
    expect(parseCsv('"a\r\nb","c\rd"')).toEqual([['a\r\nb', 'c\rd']]);
  });

  it('ends lines on CRLF, LF and a lone CR alike', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('drops a UTF-8 BOM', () => {
    expect(parseCsv('\uFEFFname,kind\r\nA,b\r\n')).toEqual([
      ['name', 'kind'],
      ['A', 'b']
    ]);
  });

  it('ignores trailing empty lines but keeps blank lines in the middle and empty trailing fields', () => {
    expect(parseCsv('a,\n\nb\n\n\r\n\r')).toEqual([['a', ''], [''], ['b']]);
  });

  it('reads empty input as no rows', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('\r\n\n')).toEqual([]);
  });

  it('reads a last line without a line break', () => {
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv(',')).toEqual([['', '']]);
  });

  it('never throws on odd input', () => {
    // An unterminated quote runs to the end of the text.
    expect(parseCsv('a,"unfinished, still\ngoing')).toEqual([['a', 'unfinished, still\ngoing']]);
    // Text after a closing quote joins the field; a quote inside unquoted text is kept.
    expect(parseCsv('"ab"cd,e\nO"Brien,x')).toEqual([
      ['abcd', 'e'],
      ['O"Brien', 'x']
    ]);
    expect(parseCsv('"')).toEqual([]);
    expect(parseCsv('"""')).toEqual([['"']]);
  });

  it('gives each record the line it starts on, counting line breaks inside quotes', () => {
    expect(parseCsvRecords('h\n"a\r\nb"\r\n\nc\rd').map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });
});

describe('toCsv', () => {
  it('quotes only when needed and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['name', 'note'],
        ['Smith, Jones', 'said "hi"'],
        ['two\nlines', null],
        ['plain', 3]
      ])
    ).toBe('name,note\r\n"Smith, Jones","said ""hi"""\r\n"two\nlines",\r\nplain,3');
  });

  it('neutralises formulas in every cell, headers included', () => {
    expect(toCsv([['=SUM(A1)', 'ok'], ['+1', '-2', '@cmd', '\tx', '\rboom']])).toBe(
      `'=SUM(A1),ok\r\n'+1,'-2,'@cmd,'\tx,"'\rboom"`
    );
  });

  it('quotes a neutralised cell that also needs quoting', () => {
    expect(toCsv([['=HYPERLINK("http://x.example","click")']])).toBe(`"'=HYPERLINK(""http://x.example"",""click"")"`);
  });

  it('leaves numbers alone: they cannot carry a formula', () => {
    expect(toCsv([[-5, 0, 1.5]])).toBe('-5,0,1.5');
  });

  it('round-trips through parseCsv (with the apostrophe kept on neutralised cells)', () => {
    const rows = [
      ['name', 'kind'],
      ['A "quoted", name', 'care_home'],
      ['=1+1', 'multi\r\nline']
    ];
    expect(parseCsv(toCsv(rows))).toEqual([rows[0], rows[1], ["'=1+1", 'multi\r\nline']]);
  });
});
