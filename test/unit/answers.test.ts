import { describe, expect, it } from 'vitest';
import {
  answersFromForm,
  answersToFormValues,
  checkAnswer,
  cleanText,
  keepVisible,
  Submission,
  toRows,
  fromRows,
  validateAnswers,
  type AnswerValue,
  type Answers
} from '../../schema/answers';
import { allQuestions, type AnswerableQuestion, type Question } from '../../schema/survey-definition';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';

const questions: Question[] = allQuestions(everyType).map((x) => x.question);

function question(id: string): AnswerableQuestion {
  const q = questions.find((x) => x.id === id);
  if (!q || q.type === 'info') throw new Error(`no answerable question ${id}`);
  return q;
}

/** A variant of an everyType question, for settings the fixture does not use. */
function variant(id: string, changes: Record<string, unknown>): AnswerableQuestion {
  return { ...structuredClone(question(id)), ...changes } as AnswerableQuestion;
}

const accept = (q: AnswerableQuestion, value: AnswerValue) => {
  const r = checkAnswer(q, value);
  if ('error' in r) expect.fail(`${q.id}: unexpected error "${r.error}"`);
  return r.value;
};

const reject = (q: AnswerableQuestion, value: AnswerValue): string => {
  const r = checkAnswer(q, value);
  if (!('error' in r)) expect.fail(`${q.id}: expected an error for ${JSON.stringify(value)}, got ${JSON.stringify(r)}`);
  return r.error;
};

describe('checkAnswer: valid answers normalise', () => {
  it('accepts every answer in everyTypeAnswers unchanged', () => {
    for (const [id, value] of Object.entries(everyTypeAnswers)) expect(accept(question(id), value), id).toEqual(value);
  });

  it('single: keeps the option and drops "other" text unless "other" is chosen', () => {
    expect(accept(question('pick'), { option: 'a', other: 'stray text' })).toEqual({ option: 'a' });
    expect(accept(question('pick'), { option: 'other', other: '  My own  ' })).toEqual({ option: 'other', other: 'My own' });
    expect(accept(question('pick'), { option: 'prefer_not_to_say' })).toEqual({ option: 'prefer_not_to_say' });
  });

  it('multi: orders options by definition order, removes repeats, drops stray "other" text', () => {
    expect(accept(question('many'), { options: ['y', 'x'] })).toEqual({ options: ['x', 'y'] });
    expect(accept(question('many'), { options: ['y', 'y'] })).toEqual({ options: ['y'] });
    expect(accept(question('many'), { options: ['none'] })).toEqual({ options: ['none'] });
    expect(accept(question('many'), { options: ['x'], other: 'stray' })).toEqual({ options: ['x'] });
    expect(accept(question('many'), { options: [] })).toBeUndefined();
    const withOther = variant('many', { other: 'Other', max: 3 });
    expect(accept(withOther, { options: ['other', 'y'], other: ' Mine ' })).toEqual({ options: ['y', 'other'], other: 'Mine' });
  });

  it('scale, yes_no, rating: accept the allowed values', () => {
    expect(accept(question('agree'), 'sd')).toBe('sd');
    expect(accept(question('agree'), 'prefer_not_to_say')).toBe('prefer_not_to_say');
    expect(accept(question('ok'), 'no')).toBe('no');
    expect(accept(question('score'), 0)).toBe(0);
    expect(accept(question('score'), 10)).toBe(10);
  });

  it('matrix: orders rows by definition order; an empty grid is no answer', () => {
    expect(Object.keys(accept(question('grid'), { r2: 'hi', r1: 'lo' }) as object)).toEqual(['r1', 'r2']);
    expect(accept(question('grid'), { r2: 'hi' })).toEqual({ r2: 'hi' });
    expect(accept(question('grid'), {})).toBeUndefined();
  });

  it('ranking: keeps the order given; empty is no answer', () => {
    expect(accept(question('order'), ['r', 'p'])).toEqual(['r', 'p']);
    expect(accept(question('order'), [])).toBeUndefined();
  });

  it('text and long_text: trimmed, CRLF normalised, blank is no answer', () => {
    expect(accept(question('why_b'), '  Because  ')).toBe('Because');
    expect(accept(question('why_b'), 'tab\tinside')).toBe('tab\tinside');
    expect(accept(question('why_b'), '   ')).toBeUndefined();
    expect(accept(question('story'), '\r\nLine one\r\nLine two\rLine three\n')).toBe('Line one\nLine two\nLine three');
    expect(accept(question('story'), 'x'.repeat(200))).toBe('x'.repeat(200));
    expect(accept(question('why_b'), 'ünïcödé ✓ اردو 😀')).toBe('ünïcödé ✓ اردو 😀');
  });

  it('number, date, consent: accept values in range', () => {
    expect(accept(question('count'), 0)).toBe(0);
    expect(accept(question('count'), 100)).toBe(100);
    expect(accept(variant('count', { integer: false }), 2.5)).toBe(2.5);
    expect(accept(question('when'), '2000-01-01')).toBe('2000-01-01');
    expect(accept(question('when'), '2024-02-29')).toBe('2024-02-29');
    expect(accept(question('consent'), true)).toBe(true);
  });
});

describe('checkAnswer: invalid answers give friendly errors', () => {
  it('single: option not in the list, "other" without text, wrong shape', () => {
    expect(reject(question('pick'), { option: 'z' })).toBe('Choose one of the options');
    expect(reject(variant('pick', { other: undefined }), { option: 'other', other: 'x' })).toBe('Choose one of the options');
    expect(reject(variant('pick', { prefer_not_to_say: false }), { option: 'prefer_not_to_say' })).toBe('Choose one of the options');
    expect(reject(question('pick'), { option: 'other' })).toMatch(/Tell us what you meant by "other"/);
    expect(reject(question('pick'), { option: 'other', other: '   ' })).toMatch(/Tell us what you meant by "other"/);
    expect(reject(question('pick'), { option: 'other', other: 'two\nlines' })).toBe('Keep this answer to one line');
    expect(reject(question('pick'), 'a')).toMatch(/could not be read/);
  });

  it('multi: option not in the list', () => {
    expect(reject(question('many'), { options: ['x', 'zzz'] })).toBe('Choose from the options given');
    expect(reject(question('many'), { options: ['prefer_not_to_say'] })).toBe('Choose from the options given');
    expect(reject(question('many'), ['x'])).toMatch(/could not be read/);
  });

  it('multi: an exclusive option combined with others', () => {
    expect(reject(question('many'), { options: ['x', 'none'] })).toBe('If you choose that option, do not choose any others');
  });

  it('multi: "prefer not to say" combined with others', () => {
    const q = variant('many', { prefer_not_to_say: true });
    expect(accept(q, { options: ['prefer_not_to_say'] })).toEqual({ options: ['prefer_not_to_say'] });
    expect(reject(q, { options: ['y', 'prefer_not_to_say'] })).toBe('If you choose "Prefer not to say", do not choose any others');
  });

  it('multi: over max and under min', () => {
    expect(reject(variant('many', { max: 1 }), { options: ['x', 'y'] })).toBe('Choose no more than 1');
    expect(reject(variant('many', { min: 2 }), { options: ['x'] })).toBe('Choose at least 2');
    // An exclusive option answers the question on its own, whatever the minimum.
    expect(accept(variant('many', { min: 2 }), { options: ['none'] })).toEqual({ options: ['none'] });
  });

  it('multi: "other" chosen without text', () => {
    const q = variant('many', { other: 'Other' });
    expect(reject(q, { options: ['x', 'other'] })).toMatch(/Tell us what you meant by "other"/);
    expect(reject(q, { options: ['other'], other: '' })).toMatch(/Tell us what you meant by "other"/);
  });

  it('scale and yes_no: values not offered', () => {
    expect(reject(question('agree'), 'neutral')).toBe('Choose one of the points on the scale');
    expect(reject(question('agree'), 3)).toBe('Choose one of the points on the scale');
    expect(reject(question('ok'), 'maybe')).toBe('Choose yes or no');
    expect(reject(question('ok'), 'prefer_not_to_say')).toBe('Choose yes or no');
  });

  it('rating: 11, 3.5, -1 and a string', () => {
    for (const v of [11, 3.5, -1, '7', Number.NaN]) expect(reject(question('score'), v as AnswerValue)).toBe('Choose a number from 0 to 10');
  });

  it('matrix: unknown row, unknown point, partial answer to a required grid', () => {
    expect(reject(question('grid'), { r1: 'lo', r9: 'hi' })).toBe('Choose one point on the scale for each row');
    expect(reject(question('grid'), { r1: 'medium' })).toBe('Choose one point on the scale for each row');
    expect(reject(variant('grid', { required: true }), { r1: 'lo' })).toBe('Answer every row');
    expect(reject(question('grid'), ['lo', 'hi'])).toMatch(/could not be read/);
  });

  it('ranking: duplicate, unknown option, over max', () => {
    expect(reject(question('order'), ['p', 'p'])).toBe('Use each position only once');
    expect(reject(question('order'), ['p', 'zz'])).toBe('Rank only the options given');
    expect(reject(question('order'), ['p', 'q', 'r'])).toBe('Rank no more than 2');
  });

  it('number: out of range, not whole, not finite', () => {
    expect(reject(question('count'), 101)).toBe('Enter a number that is 100 or less');
    expect(reject(question('count'), -1)).toBe('Enter a number that is 0 or more');
    expect(reject(question('count'), 3.5)).toBe('Enter a whole number, like 12');
    expect(reject(question('count'), Number.POSITIVE_INFINITY)).toBe('Enter a number, like 12');
    expect(reject(question('count'), '12')).toBe('Enter a number, like 12');
    expect(reject(variant('count', { min: undefined, max: undefined }), 1e13)).toBe('Enter a smaller number');
  });

  it('date: impossible, malformed, before min, after max', () => {
    expect(reject(question('when'), '2023-02-29')).toBe('Enter a real date');
    expect(reject(question('when'), '2024-13-01')).toBe('Enter a real date');
    expect(reject(question('when'), '2024-2-1')).toBe('Enter a real date');
    expect(reject(question('when'), '1 March 2024')).toBe('Enter a real date');
    expect(reject(question('when'), '1999-12-31')).toBe('Enter a date on or after 1 January 2000');
    expect(reject(variant('when', { max: '2030-06-15' }), '2030-06-16')).toBe('Enter a date on or before 15 June 2030');
  });

  it('text: over max_length', () => {
    expect(reject(question('story'), 'x'.repeat(201))).toBe('Keep your answer to 200 characters or fewer (it has 201)');
    expect(reject(question('why_b'), 'y'.repeat(501))).toBe('Keep your answer to 500 characters or fewer (it has 501)');
    expect(reject(variant('story', { max_length: undefined }), 'z'.repeat(5001))).toBe(
      'Keep your answer to 5,000 characters or fewer (it has 5,001)'
    );
  });

  it('text: control characters and lone surrogates', () => {
    for (const bad of ['a\u0000b', 'esc\u001b[31m', 'del\u007f', 'c1\u0085x', 'lone \ud800 high', 'lone \udc00 low', '\ud800']) {
      expect(reject(question('why_b'), bad), JSON.stringify(bad)).toBe('Remove the unusual characters from your answer');
      expect(reject(question('story'), bad), JSON.stringify(bad)).toBe('Remove the unusual characters from your answer');
    }
  });

  it('text: a newline in single-line text', () => {
    expect(reject(question('why_b'), 'one\ntwo')).toBe('Keep this answer to one line');
    expect(reject(question('why_b'), 'one\r\ntwo')).toBe('Keep this answer to one line');
    expect(reject(question('why_b'), 'one\rtwo')).toBe('Keep this answer to one line');
    expect(reject(question('why_b'), 42)).toMatch(/could not be read/);
  });

  it('consent: anything but true', () => {
    expect(reject(question('consent'), 'agreed')).toMatch(/could not be read/);
  });
});

describe('cleanText', () => {
  it('returns the clean text or an error', () => {
    expect(cleanText('  hi  ', { max: 10, multiline: false })).toEqual({ text: 'hi' });
    expect(cleanText('a\r\nb', { max: 10, multiline: true })).toEqual({ text: 'a\nb' });
    expect(cleanText('abcdef', { max: 5, multiline: false })).toEqual({ error: expect.stringMatching(/5 characters or fewer/) });
    expect(cleanText('\u0007', { max: 5, multiline: false })).toHaveProperty('error');
  });
});

describe('validateAnswers', () => {
  const all = (given: Answers, requireRequired = false) => validateAnswers(everyType, questions, given, { requireRequired });

  it('accepts the complete answer set', () => {
    expect(all(everyTypeAnswers, true)).toEqual({ answers: everyTypeAnswers, errors: [] });
  });

  it('normalises answers', () => {
    const r = all({ pick: { option: 'b', other: 'x' }, why_b: '  Trim me ', many: { options: ['y', 'x'] } });
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({ pick: { option: 'b' }, why_b: 'Trim me', many: { options: ['x', 'y'] } });
  });

  it('reports each bad answer against its question', () => {
    const r = all({ ...everyTypeAnswers, score: 11, when: '2023-02-29', order: ['p', 'p'] });
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { question: 'score', message: 'Choose a number from 0 to 10' },
        { question: 'when', message: 'Enter a real date' },
        { question: 'order', message: 'Use each position only once' }
      ])
    );
    expect(r.errors).toHaveLength(3);
    expect(r.answers).not.toHaveProperty('score');
    expect(r.answers).toHaveProperty('ok', 'yes');
  });

  it('reports an unknown question id', () => {
    const r = all({ pick: { option: 'a' }, nope: 'x' });
    expect(r.errors).toEqual([{ question: 'nope', message: expect.stringMatching(/"nope" is not a question here/) }]);
    expect(r.answers).toEqual({ pick: { option: 'a' } });
  });

  it('reports a question from another page as unknown when validating one page', () => {
    const page1 = everyType.pages[0].questions as Question[];
    const r = validateAnswers(everyType, page1, { pick: { option: 'a' }, ok: 'yes' }, { requireRequired: false });
    expect(r.errors.map((e) => e.question)).toEqual(['ok']);
  });

  it('drops answers to hidden questions (pick = a drops why_b)', () => {
    const r = all({ pick: { option: 'a' }, why_b: 'Because' });
    expect(r).toEqual({ answers: { pick: { option: 'a' } }, errors: [] });
    // ...including a bad one: the respondent cannot see it to fix it.
    expect(all({ pick: { option: 'a' }, why_b: 'bad\u0000' }).errors).toEqual([]);
    // With pick = b the same answer is kept.
    expect(all({ pick: { option: 'b' }, why_b: 'Because' }).answers).toHaveProperty('why_b', 'Because');
  });

  it('uses earlier answers to decide visibility', () => {
    const page1 = everyType.pages[0].questions as Question[];
    const r = validateAnswers(everyType, page1, { why_b: 'Because' }, { requireRequired: false, earlier: { pick: { option: 'b' } } });
    expect(r.answers).toEqual({ why_b: 'Because' });
  });

  it('reports the required pick only with requireRequired', () => {
    const { pick: _pick, why_b: _why, ...rest } = everyTypeAnswers;
    expect(all(rest, false).errors).toEqual([]);
    expect(all(rest, true).errors).toEqual([{ question: 'pick', message: 'Choose an answer' }]);
    // A wrong answer to a required question is reported once, not also as missing.
    expect(all({ ...rest, pick: { option: 'zz' } }, true).errors).toEqual([{ question: 'pick', message: 'Choose one of the options' }]);
  });
});

describe('keepVisible', () => {
  it('drops answers to hidden and unknown questions', () => {
    expect(keepVisible(everyType, { pick: { option: 'a' }, why_b: 'x', ghost: 'y', ok: 'no' })).toEqual({ pick: { option: 'a' }, ok: 'no' });
  });
});

function form(entries: [string, string][]): URLSearchParams {
  const f = new URLSearchParams();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

function formFrom(values: Record<string, string[]>): URLSearchParams {
  return form(Object.entries(values).flatMap(([k, vs]) => vs.map((v) => [k, v] as [string, string])));
}

describe('answersFromForm', () => {
  it('round-trips everyTypeAnswers through the form fields', () => {
    const values = answersToFormValues(questions, everyTypeAnswers);
    expect(values).toMatchObject({
      'q.pick': ['b'],
      'q.many': ['x', 'y'],
      'q.score': ['7'],
      'q.grid.r1': ['lo'],
      'q.grid.r2': ['hi'],
      'q.order.q': ['1'],
      'q.order.p': ['2'],
      'q.consent': ['agreed']
    });
    const read = answersFromForm(questions, formFrom(values));
    expect(read.errors).toEqual([]);
    expect(read.unknown).toEqual([]);
    const validated = validateAnswers(everyType, questions, read.answers, { requireRequired: true });
    expect(validated.errors).toEqual([]);
    expect(validated.answers).toEqual(everyTypeAnswers);
  });

  it('round-trips "other" text and "prefer not to say"', () => {
    const answers: Answers = { pick: { option: 'other', other: 'Mine' }, agree: 'prefer_not_to_say', score: 0 };
    const read = answersFromForm(questions, formFrom(answersToFormValues(questions, answers)));
    expect(read.errors).toEqual([]);
    expect(validateAnswers(everyType, questions, read.answers, { requireRequired: false }).answers).toEqual(answers);
  });

  it('reads the field names by type', () => {
    const r = answersFromForm(
      questions,
      form([
        ['q.pick', 'other'],
        ['q.pick.other', 'Something'],
        ['q.many', 'y'],
        ['q.many', ''],
        ['q.many', 'x'],
        ['q.grid.r2', 'lo'],
        ['q.order.r', '1'],
        ['q.consent', 'agreed'],
        ['q.story', '   '],
        ['q.count', ' 12 ']
      ])
    );
    expect(r.errors).toEqual([]);
    expect(r.answers).toEqual({
      pick: { option: 'other', other: 'Something' },
      many: { options: ['y', 'x'] },
      grid: { r2: 'lo' },
      order: ['r'],
      consent: true,
      count: 12
    });
  });

  it('ignores a consent field that is not "agreed"', () => {
    expect(answersFromForm(questions, form([['q.consent', 'on']])).answers).toEqual({});
  });

  it('reports unknown ids', () => {
    const r = answersFromForm(questions, form([['q.nope', 'x'], ['q.nope.other', 'y'], ['q.pick', 'a'], ['csrf', 'token']]));
    expect(r.unknown).toEqual(['nope']);
    expect(r.answers).toEqual({ pick: { option: 'a' } });
  });

  it('reports a number that is not a number', () => {
    const r = answersFromForm(questions, form([['q.count', 'abc']]));
    expect(r.errors).toEqual([{ question: 'count', message: 'Enter a number, like 12' }]);
    expect(r.answers).not.toHaveProperty('count');
    expect(answersFromForm(questions, form([['q.score', 'ten']])).errors).toEqual([{ question: 'score', message: 'Choose a number from 0 to 10' }]);
  });

  it('round-trips very small and very precise decimals', () => {
    const decimal = variant('count', { integer: false, min: undefined, max: undefined });
    for (const n of [0.5, -0.25, 1234.5678, 0.000001, 1e-7, 2.5e-8]) {
      expect(accept(decimal, n)).toBe(n);
      const read = answersFromForm([decimal], formFrom(answersToFormValues([decimal], { count: n })));
      expect(read.errors, String(n)).toEqual([]);
      expect(read.answers).toEqual({ count: n });
    }
  });

  it('reads "1,200" as 1200, and negative and decimal numbers', () => {
    expect(answersFromForm(questions, form([['q.count', '1,200']])).answers).toEqual({ count: 1200 });
    expect(answersFromForm(questions, form([['q.count', '-3.25']])).answers).toEqual({ count: -3.25 });
  });

  it('reports ranking with duplicate ranks, a gap, or a number out of range', () => {
    const dup = answersFromForm(questions, form([['q.order.p', '1'], ['q.order.q', '1']]));
    expect(dup.errors).toEqual([{ question: 'order', message: 'Use each number only once' }]);
    expect(dup.answers).not.toHaveProperty('order');
    const gap = answersFromForm(questions, form([['q.order.p', '1'], ['q.order.q', '3']]));
    expect(gap.errors).toEqual([{ question: 'order', message: expect.stringMatching(/without gaps/) }]);
    const noOne = answersFromForm(questions, form([['q.order.p', '2']]));
    expect(noOne.errors).toEqual([{ question: 'order', message: expect.stringMatching(/without gaps/) }]);
    for (const bad of ['0', '4', '1.5', 'first']) {
      const r = answersFromForm(questions, form([['q.order.p', bad]]));
      expect(r.errors, bad).toEqual([{ question: 'order', message: 'Use the numbers 1 to 3' }]);
    }
  });
});

describe('toRows', () => {
  const rowsFor = (rows: ReturnType<typeof toRows>, id: string) => rows.filter((r) => r.question_id === id);

  it('makes one row per chosen option, matrix row and ranked option', () => {
    const rows = toRows(everyType, everyTypeAnswers);
    const base = { row_id: null, option_id: null, number: null, text: null };
    expect(rowsFor(rows, 'pick')).toEqual([{ ...base, question_id: 'pick', option_id: 'b' }]);
    expect(rowsFor(rows, 'why_b')).toEqual([{ ...base, question_id: 'why_b', text: 'Because' }]);
    expect(rowsFor(rows, 'many')).toEqual([
      { ...base, question_id: 'many', option_id: 'x' },
      { ...base, question_id: 'many', option_id: 'y' }
    ]);
    expect(rowsFor(rows, 'agree')).toEqual([{ ...base, question_id: 'agree', option_id: 'ag', number: 3 }]);
    expect(rowsFor(rows, 'score')).toEqual([{ ...base, question_id: 'score', option_id: '7', number: 7 }]);
    expect(rowsFor(rows, 'grid')).toEqual([
      { ...base, question_id: 'grid', row_id: 'r1', option_id: 'lo', number: 1 },
      { ...base, question_id: 'grid', row_id: 'r2', option_id: 'hi', number: 2 }
    ]);
    expect(rowsFor(rows, 'order')).toEqual([
      { ...base, question_id: 'order', option_id: 'q', number: 1 },
      { ...base, question_id: 'order', option_id: 'p', number: 2 }
    ]);
    expect(rowsFor(rows, 'ok')).toEqual([{ ...base, question_id: 'ok', option_id: 'yes' }]);
    expect(rowsFor(rows, 'story')).toEqual([{ ...base, question_id: 'story', text: 'A story\nover two lines' }]);
    expect(rowsFor(rows, 'count')).toEqual([{ ...base, question_id: 'count', number: 12 }]);
    expect(rowsFor(rows, 'when')).toEqual([{ ...base, question_id: 'when', text: '2024-02-29' }]);
    expect(rowsFor(rows, 'consent')).toEqual([{ ...base, question_id: 'consent', option_id: 'agreed' }]);
    expect(rows).toHaveLength(15);
    expect(rowsFor(rows, 'note')).toEqual([]);
  });

  it('stores "other" text and "prefer not to say"', () => {
    const rows = toRows(everyType, {
      pick: { option: 'other', other: 'Mine' },
      agree: 'prefer_not_to_say',
      score: 0
    });
    expect(rows).toEqual([
      { question_id: 'pick', row_id: null, option_id: 'other', number: null, text: 'Mine' },
      { question_id: 'agree', row_id: null, option_id: 'prefer_not_to_say', number: null, text: null },
      { question_id: 'score', row_id: null, option_id: '0', number: 0, text: null }
    ]);
  });

  it('puts "other" text only on the "other" row of a multi', () => {
    const def = structuredClone(everyType) as unknown as typeof everyType;
    (def.pages[0].questions[2] as Record<string, unknown>).other = 'Other';
    const rows = toRows(def, { many: { options: ['x', 'other'], other: 'Mine' } });
    expect(rows.map((r) => [r.option_id, r.text])).toEqual([
      ['x', null],
      ['other', 'Mine']
    ]);
  });

  it('makes no rows for no answers', () => {
    expect(toRows(everyType, {})).toEqual([]);
  });
});

describe('Submission', () => {
  const valid = { id: '0b8a4d1e-6c4f-4d2a-9b1e-1f2a3b4c5d6e', language: 'en', answers: { pick: { option: 'a' } } };

  it('accepts a well-formed submission', () => {
    expect(Submission.safeParse(valid).success).toBe(true);
    expect(Submission.safeParse({ ...valid, id: crypto.randomUUID(), answers: everyTypeAnswers }).success).toBe(true);
  });

  it('rejects a non-UUID id', () => {
    for (const id of ['not-a-uuid', '', '0b8a4d1e6c4f4d2a9b1e1f2a3b4c5d6e', 42]) {
      const r = Submission.safeParse({ ...valid, id });
      expect(r.success, String(id)).toBe(false);
      if (!r.success) expect(r.error.issues.some((i) => i.path[0] === 'id')).toBe(true);
    }
  });

  it('rejects extra keys', () => {
    const r = Submission.safeParse({ ...valid, extra: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].code).toBe('unrecognized_keys');
  });

  it('rejects bad answer keys and bad language codes', () => {
    expect(Submission.safeParse({ ...valid, answers: { 'Bad Id': 'x' } }).success).toBe(false);
    expect(Submission.safeParse({ ...valid, language: 'English' }).success).toBe(false);
  });
});

describe('fromRows', () => {
  it('gives back exactly the answers that were stored, for every question type', () => {
    expect(fromRows(everyType, toRows(everyType, everyTypeAnswers))).toEqual(everyTypeAnswers);
  });
});
