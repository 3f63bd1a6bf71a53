import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { finish } from '../../schema/import/common';
import { fromSurveyJs, importSurvey, type ImportReport, type ImportResult } from '../../schema/import/index';
import { readWorkbook } from '../../schema/import/xlsx-read';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { employers } from '../../schema/templates/employers';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const json = (value: unknown) => strToU8(JSON.stringify(value));

function definitionOf(result: ImportResult): SurveyDefinition {
  if (!result.ok) expect.fail(`${result.message}\n${JSON.stringify(result.problems, null, 2)}`);
  return result.definition;
}

/** A workbook built from raw XML parts, for exercising the reader on shapes Excel and other tools write. */
function xlsx(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const SST = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';

describe('readWorkbook', () => {
  const book = xlsx({
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${MAIN} ${REL}><sheets><sheet name="First &amp; one" sheetId="1" r:id="rId1"/><sheet name="second" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships ${PKG}><Relationship Id="rId2" Type="${WS}" Target="/xl/worksheets/other.xml"/><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${SST}" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml':
      `<sst ${MAIN}><si><t>plain</t></si>` +
      '<si><r><t xml:space="preserve">rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>' +
      '<si><t>&lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; &#233;&#x263A; line_x000D_</t></si></sst>',
    'xl/worksheets/sheet1.xml':
      `<worksheet ${MAIN}><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2"><v>3.25</v></c><c r="E2" t="str"><f>1+1</f><v>2</v></c><c r="F2" s="1"/></row>' +
      '<row r="4"><c r="B4" t="s"><v>2</v></c></row>' +
      '</sheetData></worksheet>',
    // A prefixed namespace, cells without references and a self-closing empty cell.
    'xl/worksheets/other.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c/><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`
  });

  it('reads sheets in workbook order with shared, rich, inline, boolean, formula and numeric cells', () => {
    const sheets = readWorkbook(book);
    expect(sheets.map((s) => s.name)).toEqual(['First & one', 'second']);
    expect(sheets[0].rows).toEqual([
      ['plain', '', 'rich text'],
      ['inline', 'TRUE', 'FALSE', '3.25', '2'],
      [],
      ['', '<tag> & "q" \'a\' é☺ line\r']
    ]);
    expect(sheets[1].rows).toEqual([['a', '', '7']]);
  });

  it('fills gaps between cells from their references', () => {
    const sheets = readWorkbook(
      xlsx({
        'xl/workbook.xml': `<workbook ${MAIN} ${REL}><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships ${PKG}><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1" t="inlineStr"><is><t>c</t></is></c></row></sheetData></worksheet>`
      })
    );
    expect(sheets[0].rows).toEqual([['a', '', 'c']]);
  });

  it('reads the committed XLSForm fixture, joining rich-text runs', () => {
    const sheets = readWorkbook(fixture('xlsform-community.xlsx'));
    expect(sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    expect(sheets[0].rows[5].slice(0, 3)).toEqual(['integer', 'age', 'How old are you?']);
    expect(sheets[2].rows[1]).toEqual(['Community wellbeing survey', 'community_wellbeing', '2024061001', 'English (en)']);
  });

  it('refuses files that are not workbooks, with a clear message', () => {
    expect(() => readWorkbook(strToU8('just some text'))).toThrow(/not a zip archive/);
    expect(() => readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/could not be read/);
    expect(() => readWorkbook(xlsx({ 'word/document.xml': '<w:document/>' }))).toThrow(/no workbook/);
  });

  it('refuses sheets with more than 5,000 rows', () => {
    const big = xlsx({
      'xl/workbook.xml': `<workbook ${MAIN} ${REL}><sheets><sheet name="big" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships ${PKG}><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${MAIN}><sheetData><row r="5001"><c r="A5001"><v>1</v></c></row></sheetData></worksheet>`
    });
    expect(() => readWorkbook(big)).toThrow(/more than 5000 rows/);
  });
});

describe('native JSON', () => {
  it('round-trips a template unchanged, with an empty report', () => {
    const result = importSurvey({ name: 'employers.json', bytes: json(employers) });
    expect(definitionOf(result)).toEqual(employers);
    expect(result.report).toEqual({ format: 'native', notCarried: [], renamed: [] });
  });

  it('tolerates a $schema key and a byte-order mark', () => {
    const bytes = strToU8('\uFEFF' + JSON.stringify({ $schema: 'https://example.org/survey.schema.json', ...employers }));
    expect(definitionOf(importSurvey({ name: 'employers.json', bytes }))).toEqual(employers);
  });

  it('returns the validator’s problems, with paths, for a broken definition', () => {
    const broken = structuredClone(employers) as Record<string, unknown> & { pages: { questions: Record<string, unknown>[] }[] };
    broken.pages[0].questions[0].id = 'Answering For';
    delete broken.pages[0].questions[1].title;
    const result = importSurvey({ name: 'broken.json', bytes: json(broken) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('This survey definition has 2 problems.');
    expect(result.problems.map((p) => p.path).sort()).toEqual(['pages.0.questions.0.id', 'pages.0.questions.1.title']);
    expect(result.report.format).toBe('native');
  });
});

describe('the final validation pass', () => {
  it('drops a condition the validator still rejects, reports it and validates again', () => {
    const report: ImportReport = { format: 'surveyjs', notCarried: [], renamed: [] };
    const draft = {
      format: 1,
      title: 'T',
      pages: [
        {
          id: 'p',
          questions: [
            { id: 'a', type: 'yes_no', title: 'A?' },
            { id: 'b', type: 'text', title: 'B?', show_if: { question: 'a', in: ['maybe'] } },
            { id: 'c', type: 'text', title: 'C?', show_if: { question: 'b', in: ['x'] } }
          ]
        }
      ]
    };
    const result = finish(draft, report);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.pages[0].questions.every((q) => q.show_if === undefined)).toBe(true);
    expect(report.notCarried).toEqual([
      { where: 'page 1, question "b"', what: 'show-if condition dropped: "maybe" is not an option of "a"' },
      { where: 'page 1, question "c"', what: 'show-if condition dropped: refers to "b", a text question, which conditions cannot test' }
    ]);
  });

  it('fails with the problems when something other than a condition is wrong', () => {
    const report: ImportReport = { format: 'xlsform', notCarried: [], renamed: [] };
    const result = finish({ format: 1, title: 'T', pages: [{ id: 'p', questions: [{ id: 'a', type: 'single', title: 'A?', options: [{ id: 'x', label: 'X' }] }] }] }, report);
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'pages.0.questions.0.options', message: 'needs at least two options' }] });
  });

  it('treats a wrong format version as our format, so the validator explains it', () => {
    const result = importSurvey({ name: 'v2.json', bytes: json({ ...employers, format: 2 }) });
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'format', message: 'must be 1' }], report: { format: 'native' } });
  });
});

describe('bad input never throws', () => {
  const failure = (name: string, bytes: Uint8Array) => {
    const result = importSurvey({ name, bytes });
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.message;
  };

  it('rejects garbage bytes', () => {
    expect(failure('data.bin', new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x9c]))).toMatch(/^This file is not a survey definition we can read: expected/);
    expect(failure('notes.txt', strToU8('hello, world'))).toMatch(/not valid JSON/);
  });

  it('rejects JSON that is not a survey', () => {
    expect(failure('list.json', json([1, 2, 3]))).toMatch(/^This file is not a survey definition we can read: expected/);
    expect(failure('thing.json', json({ hello: 'world' }))).toMatch(/^This file is not a survey definition we can read: expected/);
    expect(failure('null.json', strToU8('null'))).toMatch(/expected/);
  });

  it('rejects broken workbooks and oversized files', () => {
    expect(failure('form.xlsx', strToU8('not a zip'))).toMatch(/not a zip archive/);
    expect(failure('form.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatch(/could not be read/);
    expect(failure('form.xlsx', xlsx({ 'xl/workbook.xml': `<workbook ${MAIN}><sheets/></workbook>` }))).toMatch(/no worksheets/);
    expect(failure('huge.json', new Uint8Array(5 * 1024 * 1024 + 1))).toMatch(/too big/);
  });

  it('rejects SurveyJS JSON with nothing to carry', () => {
    const result = fromSurveyJs({ pages: [{ elements: [{ type: 'file', name: 'f' }] }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/no questions/);
    expect(fromSurveyJs('nope').ok).toBe(false);
  });
});

describe('SurveyJS', () => {
  const result = importSurvey({ name: 'surveyjs-wellbeing.json', bytes: fixture('surveyjs-wellbeing.json') });
  const def = definitionOf(result);

  it('carries the survey texts and languages', () => {
    expect(def.title).toEqual({ en: 'Neighbourhood wellbeing survey', fr: 'Enquête sur le bien-être du quartier' });
    expect(def.languages).toEqual(['en', 'fr']);
    expect(def.intro).toBe('This survey takes about 5 minutes.\nYour answers are anonymous & confidential.');
    expect(def.thank_you).toBe('Thank you!\nWe’ll share what we learn in the spring.');
    expect(def.pages.map((p) => [p.id, p.title, p.intro])).toEqual([
      ['about_you', { en: 'About you', fr: 'À propos de vous' }, undefined],
      ['wellbeing', 'Your wellbeing', 'Some of these questions are personal. You can skip any of them.'],
      ['priorities', 'What matters to you', undefined]
    ]);
  });

  it('converts the questions of page 1', () => {
    expect(def.pages[0].questions).toEqual([
      {
        id: 'living_situation',
        type: 'single',
        title: { en: 'Who do you live with?', fr: 'Avec qui vivez-vous ?' },
        required: true,
        options: [
          { id: 'alone', label: { en: 'I live alone', fr: 'Je vis seul(e)' } },
          { id: 'partner', label: { en: 'With a partner', fr: 'Avec un(e) partenaire' } },
          { id: 'family_members', label: { en: 'With family', fr: 'En famille' } }
        ],
        other: { en: 'Something else', fr: 'Autre chose' }
      },
      {
        id: 'support',
        type: 'multi',
        title: 'Which of these have you used in the last year?',
        help: 'Choose all that apply.',
        options: [
          { id: 'food_bank', label: 'Food bank' },
          { id: 'befriending', label: 'Befriending' },
          { id: '3', label: 'Lunch club' },
          { id: 'none', label: 'None of these', exclusive: true }
        ],
        other: 'Other',
        max: 3
      },
      { id: 'age', type: 'number', title: 'How old are you?', min: 16, max: 120 },
      {
        id: 'moved_in',
        type: 'date',
        title: 'When did you move to your current home?',
        show_if: {
          all: [
            { question: 'living_situation', in: ['family_members'] },
            { question: 'support', in: ['food_bank', '3'] }
          ]
        }
      },
      { id: 'email', type: 'text', title: 'Your email address, if you would like a summary of the results' },
      { id: 'carer', type: 'yes_no', title: 'Do you look after someone who is ill, disabled or older?' },
      {
        id: 'caring_story',
        type: 'long_text',
        title: 'Tell us about the care you give',
        max_length: 2000,
        show_if: { question: 'carer', in: ['yes'] }
      }
    ]);
  });

  it('converts the questions of page 2, keeping the panel title as an info item', () => {
    expect(def.pages[1].questions).toEqual([
      { id: 'wellbeing_intro', type: 'info', body: 'Think about the last two weeks when you answer.' },
      { id: 'happiness', type: 'rating', title: 'How happy did you feel yesterday?', min_label: 'Not at all happy', max_label: 'Completely happy' },
      {
        id: 'connected',
        type: 'scale',
        title: 'How connected do you feel to your neighbours?',
        points: [
          { id: '1', label: '1 – Not at all' },
          { id: '2', label: '2' },
          { id: '3', label: '3' },
          { id: '4', label: '4' },
          { id: '5', label: '5 – Very' }
        ]
      },
      { id: 'loneliness_panel', type: 'info', body: 'Loneliness' },
      {
        id: 'loneliness',
        type: 'matrix',
        title: 'How often do you feel…',
        rows: [
          { id: 'companionship', label: 'that you lack companionship' },
          { id: 'left_out', label: 'left out' },
          { id: 'isolated', label: 'isolated from others' }
        ],
        points: [
          { id: 'hardly', label: 'Hardly ever' },
          { id: 'some', label: 'Some of the time' },
          { id: 'often', label: 'Often' }
        ]
      },
      { id: 'lonely_detail', type: 'text', title: 'What would help you feel less lonely?' }
    ]);
  });

  it('converts the questions of page 3', () => {
    expect(def.pages[2].questions).toEqual([
      {
        id: 'priorities',
        type: 'ranking',
        title: 'Put these in order of importance to you',
        options: [
          { id: 'housing', label: 'Housing' },
          { id: 'transport', label: 'Transport' },
          { id: 'green_spaces', label: 'Green spaces' },
          { id: 'community_events', label: 'Community events' }
        ]
      },
      {
        id: 'volunteer_interest',
        type: 'single',
        title: { en: 'Would you like to volunteer?', fr: 'Aimeriez-vous faire du bénévolat ?' },
        options: [
          { id: 'yes', label: { en: 'Yes', fr: 'Oui' } },
          { id: 'maybe', label: { en: 'Maybe', fr: 'Peut-être' } },
          { id: 'no', label: { en: 'No', fr: 'Non' } }
        ]
      },
      {
        id: 'anything_else',
        type: 'long_text',
        title: 'Is there anything else you would like to tell us?',
        show_if: {
          all: [
            { any: [{ question: 'volunteer_interest', in: ['yes'] }, { question: 'volunteer_interest', in: ['maybe'] }] },
            { not: { question: 'carer', in: ['no'] } }
          ]
        }
      }
    ]);
  });

  it('reports exactly what was not carried and what was renamed', () => {
    expect(result.report).toEqual({
      format: 'surveyjs',
      notCarried: [
        { where: 'page 1, question "support"', what: '"select all" option not carried' },
        { where: 'page 1, question "email"', what: 'validators not carried' },
        { where: 'page 1, question "email"', what: 'input type "email" not carried: the answer is plain text and is not checked' },
        { where: 'page 1, question "carer"', what: 'custom yes/no labels not carried ("I do" / "I don\'t"); the question offers Yes and No' },
        {
          where: 'page 2, question "lonely_detail"',
          what: 'visibleIf not carried: {loneliness.companionship} = \'often\' (it refers to "loneliness.companionship", which is not an earlier question that was carried over)'
        },
        { where: 'page 2, question "score"', what: 'expression question not carried: calculated values are not supported' },
        {
          where: 'page 3, question "volunteer_interest"',
          what: 'visibleIf not carried: {priorities} notempty ("notempty" (whether a question was answered) cannot be translated)'
        },
        { where: 'page 3, question "photo"', what: 'file question not carried: file uploads are not supported' }
      ],
      renamed: [
        { from: 'about you', to: 'about_you' },
        { from: 'Family Members', to: 'family_members' },
        { from: 'Food bank', to: 'food_bank' },
        { from: 'Befriending', to: 'befriending' },
        { from: 'Housing', to: 'housing' },
        { from: 'Transport', to: 'transport' },
        { from: 'Green spaces', to: 'green_spaces' },
        { from: 'Community events', to: 'community_events' }
      ]
    });
  });

  it('reads top-level elements as one page, honours locale, and handles reserved and clashing values', () => {
    const r = fromSurveyJs({
      locale: 'fr',
      title: { default: 'Enquête', en: 'Survey' },
      elements: [
        {
          type: 'checkbox',
          name: 'Q 1',
          title: 'Choix',
          choices: ['a', 'none', { value: 'other', text: 'Autre' }],
          hasNone: true,
          showRefuseItem: true
        },
        { type: 'rating', name: 'q2', title: 'Note', rateValues: [{ value: 'low', text: 'Bas' }, 'mid', { value: 'high', text: 'Haut' }] },
        { type: 'text', name: 'q3', title: 'Pourquoi ?', visibleIf: "{Q 1} contains 'none' or {q2} == 'high'" }
      ]
    });
    const d = definitionOf(r);
    expect(d.languages).toEqual(['fr', 'en']);
    expect(d.title).toEqual({ fr: 'Enquête', en: 'Survey' });
    expect(d.pages).toEqual([
      {
        id: 'page_1',
        questions: [
          {
            id: 'q_1',
            type: 'multi',
            title: 'Choix',
            options: [
              { id: 'a', label: 'a' },
              { id: 'none', label: 'none' },
              { id: 'none_2', label: 'None of these', exclusive: true }
            ],
            other: 'Autre',
            prefer_not_to_say: true
          },
          {
            id: 'q2',
            type: 'scale',
            title: 'Note',
            points: [
              { id: 'low', label: 'Bas' },
              { id: 'mid', label: 'mid' },
              { id: 'high', label: 'Haut' }
            ]
          },
          {
            id: 'q3',
            type: 'text',
            title: 'Pourquoi ?',
            // "none" is the real choice; the built-in None item had to take "none_2".
            show_if: { any: [{ question: 'q_1', in: ['none'] }, { question: 'q2', in: ['high'] }] }
          }
        ]
      }
    ]);
    expect(r.report.renamed).toEqual([
      { from: 'Q 1', to: 'q_1' },
      { from: 'none', to: 'none_2' }
    ]);
    expect(r.report.notCarried).toEqual([
      { where: 'page 1, question "Q 1"', what: 'choice "other" became the question\'s built-in "other" answer, which asks the respondent to say what' }
    ]);
  });
});

describe('XLSForm', () => {
  const result = importSurvey({ name: 'xlsform-community.xlsx', bytes: fixture('xlsform-community.xlsx') });
  const def = definitionOf(result);
  const cy = (en: string, cyText: string) => ({ en, cy: cyText });

  it('converts the form', () => {
    expect(def).toEqual({
      format: 1,
      title: 'Community wellbeing survey',
      languages: ['en', 'cy'],
      pages: [
        {
          id: 'page_1',
          questions: [
            {
              id: 'consent_share',
              type: 'consent',
              title: cy('I agree that my anonymous answers may be shared.', "Rwy'n cytuno y gellir rhannu fy atebion dienw."),
              statement: cy('I agree that my anonymous answers may be shared.', "Rwy'n cytuno y gellir rhannu fy atebion dienw."),
              required: true
            }
          ]
        },
        {
          id: 'about_you',
          title: cy('About you', 'Amdanoch chi'),
          questions: [
            { id: 'age', type: 'number', title: cy('How old are you?', 'Faint yw eich oed?'), help: 'In whole years', required: true, integer: true },
            {
              id: 'area',
              type: 'single',
              title: cy('Which area do you live in?', "Ym mha ardal ydych chi'n byw?"),
              required: true,
              options: [
                { id: 'north', label: cy('North', 'Gogledd') },
                { id: 'south', label: cy('South', 'De') },
                { id: 'city_centre', label: cy('City centre', 'Canol y ddinas') }
              ]
            },
            {
              id: 'support_used',
              type: 'multi',
              title: cy('Which support have you used in the last year?', "Pa gymorth ydych chi wedi'i ddefnyddio yn y flwyddyn ddiwethaf?"),
              options: [
                { id: 'food_bank', label: cy('A food bank', 'Banc bwyd') },
                { id: 'befriending', label: cy('Befriending', 'Cyfeillio') }
              ],
              other: cy('Something else', 'Rhywbeth arall')
            },
            {
              id: 'food_bank_detail',
              type: 'text',
              title: cy('Which food bank did you use?', 'Pa fanc bwyd wnaethoch chi ei ddefnyddio?'),
              show_if: { question: 'support_used', in: ['food_bank'] }
            }
          ]
        },
        {
          id: 'wellbeing',
          title: cy('Your wellbeing', 'Eich lles'),
          questions: [
            {
              id: 'life_satisfaction',
              type: 'rating',
              title: cy('Overall, how satisfied are you with your life nowadays?', 'Yn gyffredinol, pa mor fodlon ydych chi â’ch bywyd y dyddiau hyn?')
            },
            {
              id: 'volunteer_hours',
              type: 'number',
              title: cy('How many hours did you volunteer last week?', 'Sawl awr wnaethoch chi wirfoddoli yr wythnos diwethaf?'),
              show_if: {
                all: [
                  { question: 'area', in: ['north'] },
                  { question: 'support_used', in: ['befriending'] }
                ]
              }
            },
            {
              id: 'priorities',
              type: 'ranking',
              title: cy('Put these priorities in order', 'Rhowch y blaenoriaethau hyn mewn trefn'),
              options: [
                { id: 'housing', label: cy('Housing', 'Tai') },
                { id: 'transport', label: cy('Transport', 'Trafnidiaeth') },
                { id: 'green_spaces', label: cy('Parks and green spaces', 'Parciau a mannau gwyrdd') }
              ]
            },
            { id: 'story', type: 'long_text', title: cy('Tell us more about living here', 'Dywedwch fwy wrthym am fyw yma') },
            { id: 'moved_date', type: 'date', title: cy('When did you move to the area?', "Pryd symudoch chi i'r ardal?") },
            {
              id: 'lonely',
              type: 'yes_no',
              title: cy('Do you often feel lonely?', "Ydych chi'n aml yn teimlo'n unig?"),
              // The nested group's relevant, then the question's own.
              show_if: {
                all: [
                  { not: { question: 'area', in: ['south'] } },
                  { any: [{ question: 'area', in: ['city_centre'] }, { not: { question: 'support_used', in: ['befriending'] } }] }
                ]
              }
            }
          ]
        },
        {
          id: 'household',
          title: cy('Household members', 'Aelodau’r cartref'),
          questions: [{ id: 'member_name', type: 'text', title: cy('First name of the household member', 'Enw cyntaf aelod o’r cartref') }]
        },
        {
          id: 'page_5',
          questions: [{ id: 'thanks_note', type: 'info', body: cy('Thank you & goodbye', 'Diolch a hwyl fawr') }]
        }
      ]
    });
  });

  it('reports exactly what was not carried and what was renamed', () => {
    expect(result.report).toEqual({
      format: 'xlsform',
      notCarried: [
        { where: 'row 6 (age)', what: 'constraint not carried: . >= 16 and . <= 120' },
        {
          where: 'row 7 of choices (other)',
          what: 'choice "other" became the question\'s built-in "other" answer, which asks the respondent to say what'
        },
        { where: 'row 16 (moved_date)', what: 'relevant not carried: ${age} > 18 (comparisons with ">" cannot be translated)' },
        { where: 'row 17 (loneliness)', what: 'nested group flattened into page "wellbeing": its label is not shown' },
        { where: 'row 20 (age_months)', what: 'calculate not carried: calculated fields are not supported' },
        { where: 'row 21 (location)', what: 'geopoint not carried: location questions are not supported' },
        { where: 'row 23 (household)', what: 'repeat not carried: its questions (member_name) are asked once, not repeated' },
        { where: 'rows 2, 3 (start, end)', what: 'metadata fields are not needed' }
      ],
      renamed: [
        { from: 'City Centre', to: 'city_centre' },
        { from: 'Food Bank', to: 'food_bank' }
      ]
    });
  });

  it('uses the file name as the title when the settings sheet has none, and plain labels as English', () => {
    const inline = (r: number, cells: string[]) =>
      `<row r="${r}">${cells.map((v, i) => (v ? `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>` : '')).join('')}</row>`;
    const sheet = (rows: string[][]) => `<worksheet ${MAIN}><sheetData>${rows.map((r, i) => inline(i + 1, r)).join('')}</sheetData></worksheet>`;
    const bytes = xlsx({
      'xl/workbook.xml': `<workbook ${MAIN} ${REL}><sheets><sheet name="Survey" sheetId="1" r:id="rId1"/><sheet name="choices" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships ${PKG}><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${WS}" Target="worksheets/sheet2.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheet([
        [' Type ', 'Name', 'Label', 'Required', 'Relevant', 'Parameters'],
        ['select_one colours or_other', 'colour', 'Favourite colour?', 'true'],
        ['range', 'score', 'Score', '', "${colour} = 'red'", 'start=1 end=5'],
        ['time', 'when', 'What time?'],
        ['select_one_from_file places.csv', 'place', 'Where?']
      ]),
      'xl/worksheets/sheet2.xml': sheet([
        ['list name', 'name', 'label'],
        ['colours', 'red', 'Red'],
        ['colours', 'blue', 'Blue']
      ])
    });
    const r = importSurvey({ name: 'My form.xlsx', bytes });
    expect(definitionOf(r)).toEqual({
      format: 1,
      title: 'My form',
      pages: [
        {
          id: 'page_1',
          questions: [
            { id: 'colour', type: 'single', title: 'Favourite colour?', required: true, options: [{ id: 'red', label: 'Red' }, { id: 'blue', label: 'Blue' }], other: 'Other' },
            { id: 'score', type: 'number', title: 'Score', min: 1, max: 5, integer: true, show_if: { question: 'colour', in: ['red'] } },
            { id: 'when', type: 'text', title: 'What time?' }
          ]
        }
      ]
    });
    expect(r.report.notCarried).toEqual([
      { where: 'row 2 (colour)', what: 'or_other carried as the question\'s built-in "other" answer' },
      { where: 'row 3 (score)', what: 'range carried as a number question from 1 to 5' },
      { where: 'row 4 (when)', what: 'time question carried as a text question' },
      { where: 'row 5 (place)', what: 'select_one_from_file not carried: choices from a file are not supported' }
    ]);
  });

  it('fails clearly for a workbook without a survey sheet', () => {
    const bytes = xlsx({
      'xl/workbook.xml': `<workbook ${MAIN} ${REL}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships ${PKG}><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${MAIN}><sheetData/></worksheet>`
    });
    const r = importSurvey({ name: 'book.xlsx', bytes });
    expect(r).toMatchObject({ ok: false, message: 'This workbook is not an XLSForm: it has no sheet called "survey".' });
  });
});
