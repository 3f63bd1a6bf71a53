import { describe, expect, it } from 'vitest';
import {
  answersFromCodes,
  codeList,
  codesFor,
  conditionInCodes,
  firstField,
  questionNumbers,
  readDate,
  readPaperForm,
  type PaperError
} from '../../schema/paper';
import { allQuestions, OTHER, PREFER_NOT, type AnswerableQuestion, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { templates } from '../../schema/templates';
import { everyType } from '../fixtures/definitions';

const questions: Question[] = allQuestions(everyType).map((x) => x.question);
function question(id: string): AnswerableQuestion {
  const q = questions.find((x) => x.id === id);
  if (!q || q.type === 'info') throw new Error(`no answerable question ${id}`);
  return q;
}

const fields = (values: Record<string, string>) => new URLSearchParams(values);
const read = (values: Record<string, string>, def: SurveyDefinition = everyType) => readPaperForm(def, fields(values));
const fieldsOf = (errors: PaperError[]) => errors.map((e) => e.field);

describe('codesFor', () => {
  it('numbers single and multi options as shown online: ordinary, other, exclusive, prefer not to say', () => {
    expect(codesFor(question('pick'))).toEqual([
      { code: '1', id: 'a', label: 'A' },
      { code: '2', id: 'b', label: 'B' },
      { code: '3', id: 'c', label: 'C' },
      { code: '4', id: OTHER, label: 'Other' },
      { code: '5', id: PREFER_NOT, label: 'Prefer not to say', exclusive: true }
    ]);
    expect(codesFor(question('many')).map((c) => `${c.code}:${c.id}`)).toEqual(['1:x', '2:y', '3:none']);
    const withOther = { ...question('many'), other: 'Something else', options: [{ id: 'none', label: 'None', exclusive: true }, { id: 'x', label: 'X' }] } as Question;
    expect(codesFor(withOther).map((c) => c.id)).toEqual(['x', OTHER, 'none']);
  });

  it('gives scales, matrices and yes/no their points in order, with prefer not to say last', () => {
    expect(codesFor(question('agree')).map((c) => `${c.code} ${c.label}`)).toEqual(['1 Strongly disagree', '2 Disagree', '3 Agree', '4 Strongly agree', '5 Prefer not to say']);
    expect(codesFor(question('grid')).map((c) => `${c.code}:${c.id}`)).toEqual(['1:lo', '2:hi']);
    expect(codesFor(question('ok')).map((c) => `${c.code}:${c.id}`)).toEqual(['1:yes', '2:no']);
    expect(codesFor({ ...question('ok'), prefer_not_to_say: true } as Question).map((c) => c.id)).toEqual(['yes', 'no', PREFER_NOT]);
  });

  it('codes a rating by its own number, with the end labels', () => {
    const codes = codesFor(question('score'));
    expect(codes.map((c) => c.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(codes[0].label).toBe('Bad');
    expect(codes[10].label).toBe('Good');
    expect(codeList(question('score'))).toBe('0 to 10 (0 Bad, 10 Good)');
  });

  it('prints no codes for written answers, ranking, consent and info', () => {
    for (const id of ['why_b', 'order', 'story', 'count', 'when', 'consent', 'note']) expect(codesFor(questions.find((q) => q.id === id)!)).toEqual([]);
  });

  it('picks the language asked for', () => {
    const q = { id: 'l', type: 'single', title: 'L', options: [{ id: 'a', label: { en: 'Yes', cy: 'Ie' } }, { id: 'b', label: { en: 'No', cy: 'Na' } }] } as Question;
    expect(codesFor(q, 'cy').map((c) => c.label)).toEqual(['Ie', 'Na']);
    expect(codeList(q, 'cy')).toBe('1 Ie; 2 Na');
  });

  it('gives every option of every template a unique code', () => {
    for (const { definition } of templates)
      for (const { question: q } of allQuestions(definition)) {
        const codes = codesFor(q);
        expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
        expect(new Set(codes.map((c) => c.id)).size).toBe(codes.length);
      }
  });
});

describe('question numbers and fields', () => {
  it('numbers answerable questions across pages, skipping info text', () => {
    const n = questionNumbers(everyType);
    expect(n.get('pick')).toBe(1);
    expect(n.get('grid')).toBe(6);
    expect(n.get('consent')).toBe(12);
    expect(n.has('note')).toBe(false);
  });

  it('leads whole-question errors to the first input', () => {
    expect(firstField(question('grid'))).toBe('q.grid.r1');
    expect(firstField(question('order'))).toBe('q.order.p');
    expect(firstField(question('pick'))).toBe('q.pick');
  });

  it('says conditions in codes', () => {
    expect(conditionInCodes(everyType, { question: 'pick', in: ['b'] })).toBe('question 1 is 2 “B”');
    expect(conditionInCodes(everyType, { any: [{ question: 'pick', in: ['a', 'c'] }, { question: 'score', in: ['9', '10'] }] })).toBe(
      'question 1 is 1 “A” or 3 “C” or question 5 is 9 or 10'
    );
    expect(conditionInCodes(everyType, { not: { question: 'ok', in: ['yes'] } })).toBe('question 8 is not 1 “Yes”');
    expect(conditionInCodes(everyType, { all: [{ question: 'consent', in: ['agreed'] }, { question: 'agree', in: ['ag'] }] })).toBe('question 12 is ticked and question 4 is 3 “Agree”');
  });

  it('reads dates the way people write them', () => {
    expect(readDate('29/02/2024')).toBe('2024-02-29');
    expect(readDate('1.3.2024')).toBe('2024-03-01');
    expect(readDate('1-3-2024')).toBe('2024-03-01');
    expect(readDate('2024-3-1')).toBe('2024-03-01');
    expect(readDate('1/3/24')).toBeNull();
    expect(readDate('yesterday')).toBeNull();
  });
});

describe('answersFromCodes and readPaperForm', () => {
  it('turns a whole keyed form into answers', () => {
    const r = read({
      'q.pick': '2',
      'q.why_b': '  Because  ',
      'q.many': '1, 2',
      'q.agree': '3',
      'q.score': '7',
      'q.grid.r1': '1',
      'q.grid.r2': '2',
      'q.order.q': '1',
      'q.order.p': '2',
      'q.ok': '1',
      'q.story': 'A story\nover two lines',
      'q.count': '1,2',
      'q.when': '29/02/2024',
      'q.consent': 'agreed'
    });
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({
      pick: { option: 'b' },
      why_b: 'Because',
      many: { options: ['x', 'y'] },
      agree: 'ag',
      score: 7,
      grid: { r1: 'lo', r2: 'hi' },
      order: ['q', 'p'],
      ok: 'yes',
      story: 'A story\nover two lines',
      count: 12,
      when: '2024-02-29',
      consent: true
    });
  });

  it('treats blanks as not answered, even for required questions', () => {
    expect(read({})).toEqual({ answers: {}, errors: [] });
    expect(read({ 'q.pick': '   ', 'q.grid.r1': '', 'q.order.p': '' })).toEqual({ answers: {}, errors: [] });
  });

  it('reads multi codes separated by spaces, commas or semicolons, once each', () => {
    expect(read({ 'q.many': '2 1' }).answers.many).toEqual({ options: ['x', 'y'] });
    expect(read({ 'q.many': '1;2' }).answers.many).toEqual({ options: ['x', 'y'] });
    expect(read({ 'q.many': ' 1 1 ' }).answers.many).toEqual({ options: ['x'] });
  });

  it('refuses codes that are not printed on the form, naming the question and the codes', () => {
    const r = read({ 'q.pick': '9', 'q.many': '1 7', 'q.agree': '0', 'q.ok': 'y' });
    expect(r.answers).toEqual({});
    expect(r.errors).toEqual([
      { question: 'pick', field: 'q.pick', message: 'Question 1: “9” is not one of its codes (1 to 5)' },
      { question: 'many', field: 'q.many', message: 'Question 3: “7” is not one of its codes (1 to 3)' },
      { question: 'agree', field: 'q.agree', message: 'Question 4: “0” is not one of its codes (1 to 5)' },
      { question: 'ok', field: 'q.ok', message: 'Question 8: “y” is not one of its codes (1 to 2)' }
    ]);
  });

  it('takes one code for a single choice', () => {
    expect(read({ 'q.pick': '1 2' }).errors[0].message).toMatch(/^Question 1: type one code only/);
    expect(read({ 'q.agree': '1,2' }).errors[0].message).toMatch(/^Question 4: type one code only/);
  });

  it('keeps rules of the question: exclusive options and limits', () => {
    expect(read({ 'q.many': '1 3' }).errors).toEqual([{ question: 'many', field: 'q.many', message: 'Question 3: If you choose that option, do not choose any others' }]);
    const limited = { ...everyType, pages: [{ id: 'p', questions: [{ id: 'm', type: 'multi', title: 'M', max: 1, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }] }] } as SurveyDefinition;
    expect(read({ 'q.m': '1 2' }, limited).errors[0].message).toBe('Question 1: Choose no more than 1');
  });

  it('reads ratings from 0 to 10 only', () => {
    expect(read({ 'q.score': '0' }).answers.score).toBe(0);
    expect(read({ 'q.score': '10' }).answers.score).toBe(10);
    expect(fieldsOf(read({ 'q.score': '11' }).errors)).toEqual(['q.score']);
    expect(read({ 'q.score': '7.5' }).errors[0].message).toBe('Question 5: type a number from 0 to 10, not “7.5”');
  });

  it('needs the words for "other" and the code for words typed', () => {
    expect(read({ 'q.pick': '4', 'q.pick.other': 'My own words' }).answers.pick).toEqual({ option: OTHER, other: 'My own words' });
    const noWords = read({ 'q.pick': '4' });
    expect(noWords.errors).toEqual([expect.objectContaining({ field: 'q.pick.other', message: expect.stringContaining('needs the words the respondent wrote') })]);
    const noCode = read({ 'q.pick': '1', 'q.pick.other': 'My own words' });
    expect(noCode.errors).toEqual([expect.objectContaining({ field: 'q.pick.other', message: expect.stringContaining('Type 4 as well, or clear the words') })]);
    const multi = { ...everyType, pages: [{ id: 'p', questions: [{ id: 'm', type: 'multi', title: 'M', other: 'Else', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }] }] } as SurveyDefinition;
    expect(read({ 'q.m': '1 3', 'q.m.other': 'Cake' }, multi).answers.m).toEqual({ options: ['a', OTHER], other: 'Cake' });
    expect(read({ 'q.m.other': 'Cake' }, multi).errors[0].field).toBe('q.m.other');
  });

  it('reads matrix rows, each to its own input', () => {
    expect(read({ 'q.grid.r2': '1' }).answers.grid).toEqual({ r2: 'lo' });
    const r = read({ 'q.grid.r1': '2', 'q.grid.r2': '3' });
    expect(r.errors).toEqual([{ question: 'grid', field: 'q.grid.r2', message: 'Question 6, row 2 (“Row 2”): “3” is not one of its codes (1 to 2)' }]);
  });

  it('reads ranks as an order, refusing repeats, gaps and numbers past the limit', () => {
    expect(read({ 'q.order.r': '1' }).answers.order).toEqual(['r']);
    expect(read({ 'q.order.r': '2', 'q.order.p': '1' }).answers.order).toEqual(['p', 'r']);
    expect(read({ 'q.order.p': '1', 'q.order.q': '1' }).errors).toEqual([expect.objectContaining({ field: 'q.order.q', message: expect.stringContaining('used twice') })]);
    expect(read({ 'q.order.p': '2' }).errors).toEqual([expect.objectContaining({ field: 'q.order.p', message: expect.stringContaining('start at 1 and have no gaps') })]);
    expect(read({ 'q.order.p': '3' }).errors).toEqual([expect.objectContaining({ field: 'q.order.p', message: 'Question 7: use the numbers 1 to 2 for the order, not “3”' })]);
  });

  it('reads numbers and dates, and checks them against the question', () => {
    expect(read({ 'q.count': ' 40 ' }).answers.count).toBe(40);
    expect(read({ 'q.count': 'forty' }).errors[0].message).toBe('Question 10: type a number, like 12, not “forty”');
    expect(read({ 'q.count': '101' }).errors[0].message).toBe('Question 10: Enter a number that is 100 or less');
    expect(read({ 'q.when': '30/02/2024' }).errors[0]).toEqual({ question: 'when', field: 'q.when', message: 'Question 11: Enter a real date' });
    expect(read({ 'q.when': 'March' }).errors[0].message).toContain('day/month/year');
    expect(read({ 'q.when': '31/12/1999' }).errors[0].message).toContain('on or after');
  });

  it('ticks consent only with its checkbox value', () => {
    expect(read({ 'q.consent': 'agreed' }).answers.consent).toBe(true);
    expect(read({ 'q.consent': 'yes please' }).answers).toEqual({});
  });

  it('refuses an answer to a question the respondent should have skipped, in codes', () => {
    const r = answersFromCodes(everyType, fields({ 'q.pick': '1', 'q.why_b': 'Because' }));
    expect(r.answers).toEqual({ pick: { option: 'a' } });
    expect(r.errors).toEqual([
      { question: 'why_b', field: 'q.why_b', message: 'Question 2 is only answered when question 1 is 2 “B”. Leave it blank, or check what was typed there.' }
    ]);
    // With question 1 blank, question 2 is skipped too.
    expect(read({ 'q.why_b': 'Because' }).errors.map((e) => e.question)).toEqual(['why_b']);
    // A condition on a question that could not be read waits for that question to be fixed.
    expect(read({ 'q.pick': '9', 'q.why_b': 'Because' }).errors.map((e) => e.question)).toEqual(['pick']);
  });

  it('follows chains of conditions through the prisons form', () => {
    const prisons = templates.find((x) => x.slug === 'prisons')!.definition;
    const n = questionNumbers(prisons);
    expect(n.get('connection_to_prison')).toBe(1);
    // In prison now (1), bereaved (yes = 1), told by chaplaincy (1).
    expect(read({ 'q.connection_to_prison': '1', 'q.bereaved_in_prison': '1', 'q.how_told': '1' }, prisons).errors).toEqual([]);
    // Staff (3) are not asked whether they were bereaved in prison, nor the follow-ups.
    const staff = read({ 'q.connection_to_prison': '3', 'q.bereaved_in_prison': '1', 'q.how_told': '1' }, prisons);
    expect(staff.errors.map((e) => e.question)).toEqual(['bereaved_in_prison', 'how_told']);
    expect(staff.errors[0].message).toBe('Question 2 is only answered when question 1 is 1 “I am in prison now” or 2 “I have been in prison in the past”. Leave it blank, or check what was typed there.');
  });

  it('accepts every printed code of every unconditional closed question in the templates', () => {
    for (const { definition } of templates)
      for (const { question: q } of allQuestions(definition)) {
        if (q.show_if || !['single', 'scale', 'yes_no', 'rating'].includes(q.type)) continue;
        for (const c of codesFor(q)) {
          const r = answersFromCodes(definition, fields({ [`q.${q.id}`]: c.code, ...(c.id === OTHER ? { [`q.${q.id}.other`]: 'words' } : {}) }));
          expect(r.errors, `${q.id} ${c.code}`).toEqual([]);
          const v = r.answers[q.id];
          expect(typeof v === 'object' && v !== null && 'option' in v ? v.option : String(v)).toBe(c.id);
        }
      }
  });
});
