import { describe, expect, it } from 'vitest';
import { EditRefused, locate, QUESTION_TYPES, renameInConditions, replaceQuestion, skeleton } from '../../schema/builder';
import { applyOp, conditionTargets, formOf, listsOf, questionFrom, readForm, type ItemRow, type ListName, type QuestionForm } from '../../schema/builder-form';
import { parseDefinition, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { everyType } from '../fixtures/definitions';

const TYPES = new Set<string>(QUESTION_TYPES.map((t) => t.type));
const fixture = (): SurveyDefinition => structuredClone(everyType) as SurveyDefinition;
const question = (id: string): Question => structuredClone(locate(fixture(), id).question);
const allIds = (): string[] => fixture().pages.flatMap((p) => p.questions.map((q) => q.id));

/** The form of a question with nothing filled in. */
const empty: QuestionForm = {
  type: 'text',
  title: '',
  help: '',
  required: false,
  options: [],
  points: [],
  rows: [],
  otherOn: false,
  other: 'Other',
  preferNot: false,
  min: '',
  max: '',
  maxLength: '',
  integer: false,
  unit: '',
  minLabel: '',
  maxLabel: '',
  statement: '',
  body: '',
  join: 'all',
  clauses: [],
  complex: ''
};

const row = (id: string, label: string, exclusive = false): ItemRow => ({ id, label, exclusive });

/** The fields a browser would post for a form state. */
function encode(f: QuestionForm): FormData {
  const fd = new FormData();
  for (const key of ['type', 'title', 'help', 'other', 'min', 'max', 'maxLength', 'unit', 'minLabel', 'maxLabel', 'statement', 'body', 'join', 'complex'] as const) fd.set(key, f[key]);
  for (const key of ['required', 'otherOn', 'preferNot', 'integer'] as const) if (f[key]) fd.set(key, 'on');
  for (const list of ['options', 'points', 'rows'] as const)
    f[list].forEach((r, i) => {
      fd.set(`${list}.${i}.id`, r.id);
      fd.set(`${list}.${i}.label`, r.label);
      if (r.exclusive) fd.set(`${list}.${i}.exclusive`, 'on');
    });
  f.clauses.forEach((c, i) => {
    fd.set(`clause.${i}.question`, c.question);
    if (c.negate) fd.set(`clause.${i}.negate`, 'not');
    for (const v of c.in) fd.append(`clause.${i}.in`, v);
  });
  return fd;
}

/** Build a question from a form, checking neither the form nor the original is changed. */
function build(f: QuestionForm, original: Question, lang = 'en', opts: Parameters<typeof questionFrom>[3] = {}): Question {
  const [formBefore, originalBefore] = [structuredClone(f), structuredClone(original)];
  const q = questionFrom(f, original, lang, opts);
  expect(f).toEqual(formBefore);
  expect(original).toEqual(originalBefore);
  return q;
}

/** Build a question and expect EditRefused. */
function refusal(f: QuestionForm, original: Question, opts: Parameters<typeof questionFrom>[3] = {}): EditRefused {
  let error: unknown;
  try {
    questionFrom(f, original, 'en', opts);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EditRefused);
  return error as EditRefused;
}

/** The question saved into the fixture passes the schema. */
function expectSaves(id: string, q: Question, def = fixture()): SurveyDefinition {
  const next = replaceQuestion(def, id, q);
  const result = parseDefinition(next);
  if (!result.ok) expect.fail(JSON.stringify(result.problems, null, 2));
  return next;
}

/** A question with translations everywhere. */
const welsh: Question = {
  id: 'pick',
  type: 'single',
  title: { en: 'Pick', cy: 'Dewis' },
  help: { en: 'Help', cy: 'Cymorth' },
  options: [
    { id: 'a', label: { en: 'A', cy: 'Ah' } },
    { id: 'b', label: 'B' }
  ],
  other: { en: 'Other', cy: 'Arall' }
};

/** The same, with every text translated. */
const welshFull: Question = {
  id: 'pick',
  type: 'single',
  title: { en: 'Pick', cy: 'Dewis' },
  help: { en: 'Help', cy: 'Cymorth' },
  options: [
    { id: 'a', label: { en: 'A', cy: 'Ah' } },
    { id: 'b', label: { en: 'B', cy: 'Bi' } }
  ],
  other: { en: 'Other', cy: 'Arall' }
};

describe('listsOf', () => {
  it('names the lists of each type', () => {
    expect(Object.fromEntries([...TYPES].map((t) => [t, listsOf(t as Question['type'])]))).toEqual({
      single: ['options'],
      multi: ['options'],
      scale: ['points'],
      rating: [],
      matrix: ['rows', 'points'],
      ranking: ['options'],
      yes_no: [],
      text: [],
      long_text: [],
      number: [],
      date: [],
      consent: [],
      info: []
    });
  });
});

describe('formOf', () => {
  it('shows a single question with other and prefer not to say', () => {
    expect(formOf(question('pick'), 'en')).toEqual({
      ...empty,
      type: 'single',
      title: 'Pick one',
      required: true,
      options: [row('a', 'A'), row('b', 'B'), row('c', 'C')],
      otherOn: true,
      preferNot: true
    });
  });

  it('shows a condition as clauses', () => {
    expect(formOf(question('why_b'), 'en')).toEqual({ ...empty, title: 'Why B?', clauses: [{ question: 'pick', in: ['b'], negate: false }] });
  });

  it('shows limits and flags as text', () => {
    expect(formOf(question('many'), 'en')).toEqual({ ...empty, type: 'multi', title: 'Pick any', options: [row('x', 'X'), row('y', 'Y'), row('none', 'None', true)], max: '2' });
    expect(formOf(question('count'), 'en')).toEqual({ ...empty, type: 'number', title: 'How many', min: '0', max: '100', integer: true });
    expect(formOf(question('when'), 'en')).toEqual({ ...empty, type: 'date', title: 'When', min: '2000-01-01' });
    expect(formOf(question('story'), 'en')).toEqual({ ...empty, type: 'long_text', title: 'Tell us', maxLength: '200' });
  });

  it('shows rows, points, labels, statement and body', () => {
    expect(formOf(question('grid'), 'en')).toEqual({ ...empty, type: 'matrix', title: 'Grid', rows: [row('r1', 'Row 1'), row('r2', 'Row 2')], points: [row('lo', 'Low'), row('hi', 'High')] });
    expect(formOf(question('score'), 'en')).toEqual({ ...empty, type: 'rating', title: 'Score', minLabel: 'Bad', maxLabel: 'Good' });
    expect(formOf(question('consent'), 'en')).toEqual({ ...empty, type: 'consent', title: 'Consent', statement: 'I agree' });
    expect(formOf(question('note'), 'en')).toEqual({ ...empty, type: 'info', body: 'Thanks' });
    expect(formOf({ id: 'n', type: 'number', title: 'N', unit: 'km', help: 'Roughly' }, 'en')).toEqual({ ...empty, type: 'number', title: 'N', unit: 'km', help: 'Roughly' });
  });

  it('shows the text of the language asked for', () => {
    expect(formOf(welsh, 'cy')).toEqual({ ...empty, type: 'single', title: 'Dewis', help: 'Cymorth', options: [row('a', 'Ah'), row('b', 'B')], otherOn: true, other: 'Arall' });
    expect(formOf(welsh, 'en')).toEqual({ ...empty, type: 'single', title: 'Pick', help: 'Help', options: [row('a', 'A'), row('b', 'B')], otherOn: true, other: 'Other' });
  });

  it('keeps a nested condition as a whole', () => {
    const show_if = { any: [{ question: 'pick', in: ['a'] }, { all: [{ question: 'ok', in: ['yes'] }] }] };
    const f = formOf({ id: 't', type: 'text', title: 'T', show_if }, 'en');
    expect(f.clauses).toEqual([]);
    expect(f.join).toBe('all');
    expect(JSON.parse(f.complex)).toEqual(show_if);
  });

  it('shows an any-join with negated clauses', () => {
    const f = formOf({ id: 't', type: 'text', title: 'T', show_if: { any: [{ question: 'pick', in: ['a', 'b'] }, { not: { question: 'ok', in: ['no'] } }] } }, 'en');
    expect([f.join, f.clauses, f.complex]).toEqual([
      'any',
      [
        { question: 'pick', in: ['a', 'b'], negate: false },
        { question: 'ok', in: ['no'], negate: true }
      ],
      ''
    ]);
  });
});

describe('readForm', () => {
  it.each(allIds())('reads back the posted form of %s', (id) => {
    const f = formOf(question(id), 'en');
    expect(readForm(encode(f), TYPES)).toEqual(f);
  });

  it('reads back a translated form and a nested condition', () => {
    const f = formOf(welsh, 'cy');
    expect(readForm(encode(f), TYPES)).toEqual(f);
    const nested = formOf({ id: 't', type: 'text', title: 'T', show_if: { not: { all: [{ question: 'ok', in: ['yes'] }] } } }, 'en');
    expect(readForm(encode(nested), TYPES)).toEqual(nested);
  });

  it('reads an empty post as an empty text question', () => {
    expect(readForm(new FormData(), TYPES)).toEqual({ ...empty, other: '' });
  });

  it('never trusts the type', () => {
    const fd = new FormData();
    fd.set('type', 'script');
    expect(readForm(fd, TYPES).type).toBe('text');
    fd.set('type', 'matrix');
    expect(readForm(fd, TYPES).type).toBe('matrix');
    expect(readForm(fd, new Set(['single'])).type).toBe('text');
  });

  it('reads rows up to the first gap, with blank labels and unsaved ids', () => {
    const fd = new FormData();
    fd.set('options.0.id', 'a');
    fd.set('options.0.label', 'A');
    fd.set('options.1.label', '');
    fd.set('options.2.id', 'c');
    fd.set('options.2.exclusive', 'on');
    fd.set('options.4.label', 'after a gap');
    fd.set('points.1.label', 'no first point');
    expect(readForm(fd, TYPES).options).toEqual([row('a', 'A'), row('', ''), row('c', '', true)]);
    expect(readForm(fd, TYPES).points).toEqual([]);
  });

  it('reads at most 60 rows', () => {
    const fd = new FormData();
    for (let i = 0; i < 70; i++) fd.set(`rows.${i}.label`, `R${i}`);
    expect(readForm(fd, TYPES).rows).toHaveLength(60);
  });

  it('cuts long values', () => {
    const fd = new FormData();
    fd.set('title', 'x'.repeat(5000));
    fd.set('options.0.id', 'i'.repeat(100));
    fd.set('options.0.label', 'l'.repeat(5000));
    fd.set('clause.0.question', 'q'.repeat(100));
    const f = readForm(fd, TYPES);
    expect(f.title).toBe('x'.repeat(4000));
    expect(f.options).toEqual([row('i'.repeat(64), 'l'.repeat(4000))]);
    expect(f.clauses).toEqual([{ question: 'q'.repeat(64), in: [], negate: false }]);
  });

  it('trims number fields but not texts', () => {
    const fd = new FormData();
    fd.set('min', ' 3 ');
    fd.set('max', '\t10\n');
    fd.set('maxLength', ' 50 ');
    fd.set('title', ' Title ');
    const f = readForm(fd, TYPES);
    expect([f.min, f.max, f.maxLength, f.title]).toEqual(['3', '10', '50', ' Title ']);
  });

  it('reads the condition clauses and join', () => {
    const fd = new FormData();
    fd.set('join', 'any');
    fd.set('clause.0.question', 'pick');
    fd.append('clause.0.in', 'a');
    fd.append('clause.0.in', 'b');
    fd.set('clause.1.question', 'ok');
    fd.set('clause.1.negate', 'not');
    fd.append('clause.1.in', 'no');
    fd.set('clause.2.negate', 'not');
    fd.set('clause.3.question', 'after a gap');
    const f = readForm(fd, TYPES);
    expect(f.join).toBe('any');
    expect(f.clauses).toEqual([
      { question: 'pick', in: ['a', 'b'], negate: false },
      { question: 'ok', in: ['no'], negate: true }
    ]);
    fd.set('join', 'sometimes');
    expect(readForm(fd, TYPES).join).toBe('all');
  });

  it('drops a nested condition when asked to remove it', () => {
    const fd = new FormData();
    fd.set('complex', '{"not":{"all":[]}}');
    expect(readForm(fd, TYPES).complex).toBe('{"not":{"all":[]}}');
    fd.set('removeComplex', '');
    expect(readForm(fd, TYPES).complex).toBe('');
  });
});

describe('applyOp', () => {
  const pick = question('pick');
  const start = formOf(pick, 'en');

  /** Apply an op, checking the form passed in is left alone. */
  function op(f: QuestionForm, name: string, original: Question = pick) {
    const before = structuredClone(f);
    const out = applyOp(f, name, original);
    expect(f).toEqual(before);
    return out;
  }

  it('adds a blank row to a list', () => {
    expect(op(start, 'add:options')).toEqual({ form: { ...start, options: [...start.options, row('', '')] }, focus: 'f-options-3-label' });
    expect(op(start, 'add:rows')).toEqual({ form: { ...start, rows: [row('', '')] }, focus: 'f-rows-0-label' });
  });

  it('removes a row, putting the focus on the row now in its place', () => {
    expect(op(start, 'remove:options:1')).toEqual({ form: { ...start, options: [row('a', 'A'), row('c', 'C')] }, focus: 'f-options-1-label' });
    expect(op(start, 'remove:options:2')).toEqual({ form: { ...start, options: [row('a', 'A'), row('b', 'B')] }, focus: 'f-options-1-label' });
    const one = { ...start, points: [row('p', 'P')] };
    expect(op(one, 'remove:points:0')).toEqual({ form: { ...one, points: [] }, focus: 'add-points' });
  });

  it('moves rows up and down', () => {
    expect(op(start, 'up:options:1')).toEqual({ form: { ...start, options: [row('b', 'B'), row('a', 'A'), row('c', 'C')] }, focus: 'f-options-0-up' });
    expect(op(start, 'down:options:1')).toEqual({ form: { ...start, options: [row('a', 'A'), row('c', 'C'), row('b', 'B')] }, focus: 'f-options-2-down' });
  });

  it('leaves the list alone for a move past either end or a row that is not there', () => {
    expect(op(start, 'up:options:0')).toEqual({ form: start, focus: 'f-options-0-label' });
    expect(op(start, 'down:options:2')).toEqual({ form: start, focus: 'f-options-2-label' });
    expect(op(start, 'remove:options:3')).toEqual({ form: start, focus: 'f-options-0-label' });
    expect(op(start, 'remove:options:x')).toEqual({ form: start, focus: 'f-options-0-label' });
    expect(op(start, 'remove:options:-1')).toEqual({ form: start, focus: 'f-options-0-label' });
    expect(op(start, 'sideways:options:1')).toEqual({ form: start, focus: 'f-options-1-label' });
  });

  it('adds and removes condition clauses', () => {
    const added = op(start, 'add-clause');
    expect(added).toEqual({ form: { ...start, clauses: [{ question: '', in: [], negate: false }] }, focus: 'f-clause-0-question' });
    const two = op(added.form, 'add-clause');
    expect(two.focus).toBe('f-clause-1-question');
    const withClauses = { ...start, clauses: [{ question: 'a', in: ['x'], negate: false }, { question: 'b', in: ['y'], negate: true }] };
    expect(op(withClauses, 'remove-clause:0')).toEqual({ form: { ...start, clauses: [{ question: 'b', in: ['y'], negate: true }] }, focus: 'condition' });
    expect(op(withClauses, 'remove-clause:x')).toEqual({ form: withClauses, focus: 'f-title' });
  });

  it('changes nothing for other buttons', () => {
    expect(op(start, 'answers')).toEqual({ form: start, focus: 'condition' });
    expect(op(start, 'nonsense')).toEqual({ form: start, focus: 'f-title' });
    expect(op(start, '')).toEqual({ form: start, focus: 'f-title' });
  });

  it('carries options over to points when the type becomes a scale, and back', () => {
    const scale = op({ ...start, type: 'scale' }, 'type');
    expect(scale).toEqual({ form: { ...start, type: 'scale', points: start.options }, focus: 'f-type' });
    const agree = formOf(question('agree'), 'en');
    const single = op({ ...agree, type: 'single' }, 'type', question('agree'));
    expect(single.form.options).toEqual(agree.points);
    expect(single.form.points).toEqual(agree.points);
  });

  it('gives a matrix a placeholder statement and keeps the options as its points', () => {
    const matrix = op({ ...start, type: 'matrix' }, 'type').form;
    expect(matrix.rows).toEqual([row('', 'Statement 1')]);
    expect(matrix.points).toEqual(start.options);
  });

  it('cuts options to 11 points', () => {
    const many = { ...start, options: Array.from({ length: 15 }, (_, i) => row(`o${i}`, `O${i}`)) };
    expect(op({ ...many, type: 'scale' }, 'type').form.points).toEqual(many.options.slice(0, 11));
  });

  it('gives the new type its placeholders when there is nothing to carry over', () => {
    const text = formOf(question('why_b'), 'en');
    expect(op({ ...text, type: 'multi' }, 'type', question('why_b')).form.options).toEqual([row('', 'Option 1'), row('', 'Option 2')]);
    expect(op({ ...text, type: 'scale' }, 'type', question('why_b')).form.points.map((r) => r.label)).toEqual([
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree'
    ]);
    expect(op({ ...text, type: 'scale' }, 'type', question('why_b')).form.points.every((r) => r.id === '' && !r.exclusive)).toBe(true);
    expect(op({ ...text, type: 'yes_no' }, 'type', question('why_b'))).toEqual({ form: { ...text, type: 'yes_no' }, focus: 'f-type' });
  });

  it('keeps lists that are already long enough', () => {
    const both = { ...start, type: 'scale' as const, points: [row('p1', 'P1'), row('p2', 'P2')] };
    expect(op(both, 'type').form).toEqual(both);
  });

  it('does not tie the carried list to the one it came from', () => {
    const agree = formOf(question('agree'), 'en');
    const single = op({ ...agree, type: 'single' }, 'type', question('agree')).form;
    const added = op(single, 'add:options').form;
    expect(added.options).toHaveLength(5);
    expect(added.points).toHaveLength(4);
    const scale = op({ ...start, type: 'scale' }, 'type').form;
    expect(op(scale, 'up:points:1').form.options).toEqual(start.options);
  });

  it('survives the posted round trip after every op', () => {
    for (const name of ['add:options', 'remove:options:0', 'down:options:0', 'add-clause']) {
      const { form } = op(start, name);
      expect(readForm(encode(form), TYPES)).toEqual(form);
    }
  });
});

describe('questionFrom', () => {
  it.each(allIds())('gives back %s unchanged from its own form', (id) => {
    const q = question(id);
    expect(build(formOf(q, 'en'), q)).toEqual(q);
    // Also when respondents have seen every id, and when they have seen none (the wording is unchanged).
    const seen = (key: ListName) => new Set((((q as Record<string, unknown>)[key] as { id: string }[] | undefined) ?? []).map((o) => o.id));
    expect(build(formOf(q, 'en'), q, 'en', { settled: { options: seen('options'), points: seen('points'), rows: seen('rows') } })).toEqual(q);
    const renamed = new Map<string, string>();
    expect(build(formOf(q, 'en'), q, 'en', { settled: { options: new Set(), points: new Set(), rows: new Set() }, renamed })).toEqual(q);
    expect(renamed.size).toBe(0);
  });

  it('gives back a translated question unchanged, in either language', () => {
    expect(build(formOf(welsh, 'en'), welsh)).toEqual(welsh);
    expect(build(formOf(welshFull, 'cy'), welshFull, 'cy', { defaultLang: 'en' })).toEqual(welshFull);
  });

  it('keeps existing ids when labels change', () => {
    const f = { ...formOf(question('pick'), 'en'), options: [row('a', 'Apple'), row('b', 'Banana'), row('c', 'C')] };
    expect(build(f, question('pick'))).toEqual({ ...question('pick'), options: [{ id: 'a', label: 'Apple' }, { id: 'b', label: 'Banana' }, { id: 'c', label: 'C' }] });
  });

  it('keeps ids respondents have seen, and lets the others follow their wording', () => {
    const q = skeleton('single', 'colour', 'Colour');
    const f = { ...formOf(q, 'en'), options: [row('option_1', 'Red'), row('option_2', 'Option 2'), row('', 'Blue')] };
    const renamed = new Map<string, string>();
    expect(build(f, q, 'en', { settled: { options: new Set(), points: new Set(), rows: new Set() }, renamed })).toEqual({
      id: 'colour',
      type: 'single',
      title: 'Colour',
      options: [
        { id: 'red', label: 'Red' },
        { id: 'option_2', label: 'Option 2' },
        { id: 'blue', label: 'Blue' }
      ]
    });
    expect([...renamed]).toEqual([['option_1', 'red']]);
    const seen = new Map<string, string>();
    expect(build(f, q, 'en', { settled: { options: new Set(['option_1']), points: new Set(), rows: new Set() }, renamed: seen })).toMatchObject({
      options: [
        { id: 'option_1', label: 'Red' },
        { id: 'option_2', label: 'Option 2' },
        { id: 'blue', label: 'Blue' }
      ]
    });
    expect(seen.size).toBe(0);
  });

  it('renames swapped unseen items consistently', () => {
    const q: Question = { id: 's', type: 'single', title: 'S', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] };
    const renamed = new Map<string, string>();
    const out = build({ ...formOf(q, 'en'), options: [row('yes', 'No'), row('no', 'Yes')] }, q, 'en', { settled: { options: new Set(), points: new Set(), rows: new Set() }, renamed });
    expect(out).toEqual({ ...q, options: [{ id: 'no', label: 'No' }, { id: 'yes', label: 'Yes' }] });
    expect(new Map(renamed)).toEqual(new Map([['yes', 'no'], ['no', 'yes']]));
  });

  it('gives new rows unique ids from their labels, never the reserved ones', () => {
    const f = {
      ...formOf(question('pick'), 'en'),
      options: [row('a', 'A'), row('b', 'B'), row('', 'A'), row('', 'Dog'), row('', 'Dog'), row('', 'Other'), row('', 'Prefer not to say'), row('', '!!!'), row('', '¿Qué?')]
    };
    const q = build(f, question('pick'));
    expect((q as Extract<Question, { type: 'single' }>).options.map((o) => o.id)).toEqual(['a', 'b', 'a_2', 'dog', 'dog_2', 'other_2', 'prefer_not_to_say_2', 'option', 'que']);
    expectSaves('pick', q);
    const grid = build({ ...formOf(question('grid'), 'en'), rows: [row('r1', 'Row 1'), row('', '***'), row('', 'R1')] }, question('grid'));
    expect((grid as Extract<Question, { type: 'matrix' }>).rows.map((r) => r.id)).toEqual(['r1', 'statement', 'r1_2']);
  });

  it('never gives a new row the id of a removed one respondents have seen', () => {
    const f = { ...formOf(question('pick'), 'en'), options: [row('b', 'B'), row('c', 'C'), row('', 'A')] };
    const noneSeen = { options: new Set<string>(), points: new Set<string>(), rows: new Set<string>() };
    expect((build(f, question('pick')) as Extract<Question, { type: 'single' }>).options.map((o) => o.id)).toEqual(['b', 'c', 'a_2']);
    expect((build(f, question('pick'), 'en', { settled: { ...noneSeen, options: new Set(['a']) } }) as Extract<Question, { type: 'single' }>).options.map((o) => o.id)).toEqual(['b', 'c', 'a_2']);
    // Nobody has answered "a", so its id is free again.
    expect((build(f, question('pick'), 'en', { settled: noneSeen }) as Extract<Question, { type: 'single' }>).options.map((o) => o.id)).toEqual(['b', 'c', 'a']);
  });

  it('drops blank rows', () => {
    const f = { ...formOf(question('pick'), 'en'), options: [row('a', '  '), row('b', 'B'), row('', ''), row('c', 'C'), row('', ' ')] };
    expect(build(f, question('pick'))).toEqual({ ...question('pick'), options: [{ id: 'b', label: 'B' }, { id: 'c', label: 'C' }] });
  });

  it('keeps the translations of kept texts and items', () => {
    const f = { ...formOf(welsh, 'en'), title: 'Pick again', options: [row('b', 'Bee'), row('a', 'Ay'), row('', 'New')] };
    expect(build(f, welsh)).toEqual({
      ...welsh,
      title: { en: 'Pick again', cy: 'Dewis' },
      options: [
        { id: 'b', label: 'Bee' },
        { id: 'a', label: { en: 'Ay', cy: 'Ah' } },
        { id: 'new', label: 'New' }
      ]
    });
  });

  it('edits one translation, keeping the default text', () => {
    const f = { ...formOf(welshFull, 'cy'), title: 'Dewiswch', help: '' };
    expect(build(f, welshFull, 'cy', { defaultLang: 'en' })).toEqual({ ...welshFull, title: { en: 'Pick', cy: 'Dewiswch' }, help: 'Help' });
  });

  it('removes a text and its translations when emptied', () => {
    const f = { ...formOf(welsh, 'en'), help: '', otherOn: false };
    const out = build(f, welsh) as Record<string, unknown>;
    expect(out).not.toHaveProperty('help');
    expect(out).not.toHaveProperty('other');
  });

  it('sets "other" with its default wording', () => {
    const q = question('many');
    expect(build({ ...formOf(q, 'en'), otherOn: true, other: '' }, q)).toEqual({ ...q, other: 'Other' });
    expect(build({ ...formOf(q, 'en'), otherOn: true, other: 'Something else' }, q)).toEqual({ ...q, other: 'Something else' });
  });

  it('keeps "exclusive" only on multi options', () => {
    const many = question('many');
    const f = formOf(many, 'en');
    expect(build({ ...f, options: [row('x', 'X', true), row('y', 'Y'), row('none', 'None')] }, many)).toEqual({
      ...many,
      options: [{ id: 'x', label: 'X', exclusive: true }, { id: 'y', label: 'Y' }, { id: 'none', label: 'None' }]
    });
    const single = build({ ...f, type: 'single', max: '' }, many);
    expect(single).toEqual({ id: 'many', type: 'single', title: 'Pick any', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }, { id: 'none', label: 'None' }] });
  });

  it('sets the flags only for types that have them', () => {
    const text = question('why_b');
    expect(build({ ...formOf(text, 'en'), preferNot: true, otherOn: true, integer: true, required: true }, text)).toEqual({ ...text, required: true });
    const yn = question('ok');
    expect(build({ ...formOf(yn, 'en'), preferNot: true }, yn)).toEqual({ ...yn, prefer_not_to_say: true });
  });

  it('reads numbers, with commas', () => {
    const count = question('count');
    expect(build({ ...formOf(count, 'en'), min: '-5.5', max: '1,000', integer: false, unit: 'people' }, count)).toEqual({ id: 'count', type: 'number', title: 'How many', min: -5.5, max: 1000, unit: 'people' });
    const many = question('many');
    expect(build({ ...formOf(many, 'en'), min: '1', max: '' }, many)).toEqual({ ...many, min: 1, max: undefined });
    expect(build({ ...formOf(question('order'), 'en'), max: '3' }, question('order'))).toEqual({ ...question('order'), max: 3 });
    expect(build({ ...formOf(question('story'), 'en'), maxLength: '' }, question('story'))).toEqual({ id: 'story', type: 'long_text', title: 'Tell us' });
  });

  it.each([
    ['multi', 'many', 'min', '1.5', 'The fewest choices must be a whole number'],
    ['multi', 'many', 'max', 'two', 'The most choices must be a whole number'],
    ['ranking', 'order', 'max', '2.5', 'How many to rank must be a whole number'],
    ['long_text', 'story', 'maxLength', 'lots', 'The longest answer must be a whole number'],
    ['number', 'count', 'min', 'none', 'The smallest number must be a number'],
    ['number', 'count', 'max', 'Infinity', 'The largest number must be a number']
  ] as const)('refuses a %s question whose %s… is not a number', (_type, id, field, value, message) => {
    const e = refusal({ ...formOf(question(id), 'en'), [field]: value }, question(id));
    expect(e.message).toBe(message);
    expect(e.path).toBe(field === 'maxLength' ? 'max_length' : field);
  });

  it('does not ask for whole-number bounds on a whole-number question', () => {
    expect(build({ ...formOf(question('count'), 'en'), min: '0.5' }, question('count'))).toMatchObject({ min: 0.5, integer: true });
  });

  it('checks the format of date bounds', () => {
    const when = question('when');
    expect(build({ ...formOf(when, 'en'), min: '', max: '2030-12-31' }, when)).toEqual({ id: 'when', type: 'date', title: 'When', max: '2030-12-31' });
    const early = refusal({ ...formOf(when, 'en'), min: '1/1/2000' }, when);
    expect([early.message, early.path]).toEqual(['Enter the earliest date as YYYY-MM-DD', 'min']);
    const late = refusal({ ...formOf(when, 'en'), max: '2030-1-1' }, when);
    expect([late.message, late.path]).toEqual(['Enter the latest date as YYYY-MM-DD', 'max']);
  });

  it('requires the title, the consent statement and the information text', () => {
    const title = refusal({ ...formOf(question('ok'), 'en'), title: '  ' }, question('ok'));
    expect([title.message, title.path]).toEqual(['Enter the question', 'title']);
    const statement = refusal({ ...formOf(question('consent'), 'en'), statement: '' }, question('consent'));
    expect([statement.message, statement.path]).toEqual(['Enter the statement people agree to', 'statement']);
    const body = refusal({ ...formOf(question('note'), 'en'), body: '', title: '' }, question('note'));
    expect([body.message, body.path]).toEqual(['Enter the text to show', 'body']);
  });

  it('uses the title as the body of information with no body', () => {
    expect(build({ ...formOf(question('note'), 'en'), title: 'Heading', body: '' }, question('note'))).toEqual({ id: 'note', type: 'info', title: 'Heading', body: 'Heading' });
    expect(build({ ...formOf(question('note'), 'en'), title: 'Heading', body: 'Text' }, question('note'))).toEqual({ id: 'note', type: 'info', title: 'Heading', body: 'Text' });
  });

  it('builds the condition from the clauses', () => {
    const q = question('story');
    const f = {
      ...formOf(q, 'en'),
      join: 'any' as const,
      clauses: [
        { question: 'pick', in: ['a', 'other'], negate: false },
        { question: '', in: ['x'], negate: false },
        { question: 'ok', in: ['no'], negate: true }
      ]
    };
    const out = build(f, q);
    expect(out).toEqual({ ...q, show_if: { any: [{ question: 'pick', in: ['a', 'other'] }, { not: { question: 'ok', in: ['no'] } }] } });
    expectSaves('story', out);
    expect(build({ ...f, clauses: [f.clauses[2]] }, q)).toEqual({ ...q, show_if: { not: { question: 'ok', in: ['no'] } } });
    expect(build({ ...formOf(question('why_b'), 'en'), clauses: [] }, question('why_b'))).toEqual({ id: 'why_b', type: 'text', title: 'Why B?' });
  });

  it('refuses a clause without answers, naming its place in the form', () => {
    const q = question('story');
    const first = refusal({ ...formOf(q, 'en'), clauses: [{ question: 'pick', in: [], negate: false }] }, q);
    expect([first.message, first.path]).toEqual(['Choose at least one answer for this condition', 'clause.0.in']);
    const second = refusal({ ...formOf(q, 'en'), clauses: [{ question: '', in: [], negate: false }, { question: 'ok', in: [], negate: false }] }, q);
    expect(second.path).toBe('clause.1.in');
  });

  it('keeps a nested condition unless it is removed', () => {
    const show_if = { any: [{ question: 'pick', in: ['a'] }, { all: [{ question: 'ok', in: ['yes'] }, { not: { question: 'score', in: ['0'] } }] }] };
    const q: Question = { id: 'story', type: 'long_text', title: 'Tell us', show_if };
    const f = formOf(q, 'en');
    expect(build({ ...f, title: 'Tell us more' }, q)).toEqual({ ...q, title: 'Tell us more' });
    const posted = new FormData();
    for (const [k, v] of encode(f)) posted.append(k, v);
    posted.set('removeComplex', '');
    expect(build(readForm(posted, TYPES), q)).toEqual({ id: 'story', type: 'long_text', title: 'Tell us' });
  });

  it('changes the type through the form, keeping the ids of carried options', () => {
    const pick = question('pick');
    const f = applyOp({ ...formOf(pick, 'en'), type: 'multi' }, 'type', pick).form;
    const multi = build(f, pick);
    expect(multi).toEqual({ ...pick, type: 'multi' });
    expectSaves('pick', multi);
  });

  it('makes points of options when a list question becomes a scale', () => {
    const order = question('order');
    const f = applyOp({ ...formOf(order, 'en'), type: 'scale' }, 'type', order).form;
    expect(build(f, order)).toEqual({ id: 'order', type: 'scale', title: 'Order', points: [{ id: 'p', label: 'P' }, { id: 'q', label: 'Q' }, { id: 'r', label: 'R' }] });
  });

  it.each([...TYPES])('makes a valid %s question from any question of the fixture through the form', (type) => {
    for (const id of allIds()) {
      if (id === 'pick' || id === 'note') continue; // a condition looks at pick's options; information has no title to carry over
      const original = question(id);
      const f = applyOp({ ...formOf(original, 'en'), type: type as Question['type'] }, 'type', original).form;
      if (type === 'consent') f.statement = 'I agree';
      // min and max mean different things for numbers, dates and choices (the type op leaves them as they were).
      if (original.type !== type) f.min = f.max = '';
      const q = build(readForm(encode(f), TYPES), original);
      expect(q.type).toBe(type);
      expect(q.id).toBe(id);
      expectSaves(id, q);
    }
  });
});

describe('renameInConditions', () => {
  it('rewrites the option ids conditions name for one question', () => {
    const def = fixture();
    const story = locate(def, 'story');
    def.pages[story.page].questions[story.index].show_if = { all: [{ not: { question: 'pick', in: ['b', 'c'] } }, { question: 'ok', in: ['yes'] }] };
    const before = structuredClone(def);
    const next = renameInConditions(def, 'pick', new Map([['b', 'bee']]));
    expect(def).toEqual(before);
    expect(locate(next, 'why_b').question.show_if).toEqual({ question: 'pick', in: ['bee'] });
    expect(locate(next, 'story').question.show_if).toEqual({ all: [{ not: { question: 'pick', in: ['bee', 'c'] } }, { question: 'ok', in: ['yes'] }] });
    expect(renameInConditions(def, 'ok', new Map([['b', 'bee']]))).toEqual(def);
    expect(renameInConditions(def, 'pick', new Map())).toBe(def);
  });

  it('saves an option renamed in the form together with the conditions that name it', () => {
    const pick = question('pick');
    const renamed = new Map<string, string>();
    const q = build({ ...formOf(pick, 'en'), options: [row('a', 'A'), row('b', 'Bus'), row('c', 'C')] }, pick, 'en', { settled: { options: new Set(['a']), points: new Set(), rows: new Set() }, renamed });
    expect([...renamed]).toEqual([['b', 'bus']]);
    const replaced = replaceQuestion(fixture(), 'pick', q);
    expect(parseDefinition(replaced).ok).toBe(false);
    const next = renameInConditions(replaced, 'pick', renamed);
    expect(parseDefinition(next).ok).toBe(true);
    expect(locate(next, 'why_b').question.show_if).toEqual({ question: 'pick', in: ['bus'] });
  });
});

describe('conditionTargets', () => {
  const questions = fixture().pages.flatMap((p) => p.questions);
  const rating = Array.from({ length: 11 }, (_, i) => ({ id: String(i), label: String(i) }));
  const pick = {
    id: 'pick',
    title: 'Pick one',
    values: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
      { id: 'other', label: 'Other' },
      { id: 'prefer_not_to_say', label: 'Prefer not to say' }
    ]
  };
  const many = {
    id: 'many',
    title: 'Pick any',
    values: [
      { id: 'x', label: 'X' },
      { id: 'y', label: 'Y' },
      { id: 'none', label: 'None' }
    ]
  };
  const agree = {
    id: 'agree',
    title: 'Agree?',
    values: [
      { id: 'sd', label: 'Strongly disagree' },
      { id: 'd', label: 'Disagree' },
      { id: 'ag', label: 'Agree' },
      { id: 'sa', label: 'Strongly agree' },
      { id: 'prefer_not_to_say', label: 'Prefer not to say' }
    ]
  };

  it('offers only earlier questions with choice answers', () => {
    expect(conditionTargets(questions, 'ok', 'en')).toEqual([pick, many, agree, { id: 'score', title: 'Score', values: rating }]);
    expect(conditionTargets(questions, 'why_b', 'en')).toEqual([pick]);
    expect(conditionTargets(questions, 'pick', 'en')).toEqual([]);
  });

  it('offers every choice question when the question is not found', () => {
    expect(conditionTargets(questions, 'nowhere', 'en')).toEqual([
      pick,
      many,
      agree,
      { id: 'score', title: 'Score', values: rating },
      { id: 'ok', title: 'OK?', values: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
      { id: 'consent', title: 'Consent', values: [{ id: 'agreed', label: 'Agreed' }] }
    ]);
  });

  it('labels choices in the language asked for', () => {
    const yn: Question = { id: 'yn', type: 'yes_no', title: { en: 'Yes?', cy: 'Ie?' }, prefer_not_to_say: true };
    expect(conditionTargets([welsh, yn], 'after', 'cy')).toEqual([
      {
        id: 'pick',
        title: 'Dewis',
        values: [
          { id: 'a', label: 'Ah' },
          { id: 'b', label: 'B' },
          { id: 'other', label: 'Arall' }
        ]
      },
      { id: 'yn', title: 'Ie?', values: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }, { id: 'prefer_not_to_say', label: 'Prefer not to say' }] }
    ]);
  });
});
