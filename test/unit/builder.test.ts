import { describe, expect, it } from 'vitest';
import {
  addLanguage,
  copyQuestion,
  addPage,
  addQuestion,
  applySettings,
  changeType,
  dependants,
  EditRefused,
  editPage,
  fromClauses,
  locate,
  missingTranslations,
  moveQuestion,
  movePage,
  QUESTION_TYPES,
  removeLanguage,
  removePage,
  removeQuestion,
  replaceQuestion,
  restoreQuestion,
  setText,
  setTranslations,
  settingsOf,
  skeleton,
  slugId,
  takenIds,
  textEntries,
  textIn,
  titleOf,
  toClauses,
  typeName,
  uniqueId,
  type Settings
} from '../../schema/builder';
import { parseDefinition, type Condition, type Question, type QuestionType, type SurveyDefinition } from '../../schema/survey-definition';
import { everyType } from '../fixtures/definitions';

const fixture = (): SurveyDefinition => structuredClone(everyType) as SurveyDefinition;
const TYPES: QuestionType[] = QUESTION_TYPES.map((t) => t.type);

/** The definition passes the schema (the builder never saves an invalid one). */
function expectValid(def: SurveyDefinition): void {
  const result = parseDefinition(def);
  if (!result.ok) expect.fail(JSON.stringify(result.problems, null, 2));
}

/** Run an edit and check it left its input alone. */
function pure<T>(def: SurveyDefinition, edit: (d: SurveyDefinition) => T): T {
  const before = structuredClone(def);
  const out = edit(def);
  expect(def).toEqual(before);
  return out;
}

/** Run an edit that must be refused, check it left its input alone, and return the refusal. */
function refused(def: SurveyDefinition, edit: (d: SurveyDefinition) => unknown): EditRefused {
  const before = structuredClone(def);
  let error: unknown;
  try {
    edit(def);
  } catch (e) {
    error = e;
  }
  expect(def).toEqual(before);
  expect(error).toBeInstanceOf(EditRefused);
  return error as EditRefused;
}

const ids = (def: SurveyDefinition) => def.pages.map((p) => [p.id, p.questions.map((q) => q.id)]);
const PAGE_ONE = ['pick', 'why_b', 'many', 'agree', 'score'];
const PAGE_TWO = ['grid', 'order', 'ok', 'story', 'count', 'when', 'consent', 'note'];

/** A survey of three pages; the middle one holds a single question. */
function threePages(): SurveyDefinition {
  return {
    format: 1,
    title: 'Three',
    pages: [
      { id: 'first', questions: [{ id: 'a', type: 'yes_no', title: 'A?' }, { id: 'b', type: 'text', title: 'B' }] },
      { id: 'middle', title: 'Middle', questions: [{ id: 'm', type: 'text', title: 'M' }] },
      { id: 'last', questions: [{ id: 'z', type: 'text', title: 'Z' }] }
    ]
  };
}

describe('slugId', () => {
  it.each([
    ['How old are you?', 'how_old_are_you'],
    ['Café déjà vu', 'cafe_deja_vu'],
    ['  --Hello__World!!  ', 'hello_world'],
    ['Question 2: your area', 'question_2_your_area'],
    ['ÀÉÎÕÜ', 'aeiou']
  ])('%j → %j', (words, id) => {
    expect(slugId(words)).toBe(id);
  });

  it('falls back when nothing usable is left', () => {
    expect(slugId('???')).toBe('q');
    expect(slugId('')).toBe('q');
    expect(slugId('مرحبا', 'option')).toBe('option');
    expect(slugId('   ', 'page')).toBe('page');
  });

  it('cuts to the maximum without leaving a trailing underscore', () => {
    expect(slugId('a'.repeat(50))).toBe('a'.repeat(40));
    expect(slugId(`${'a'.repeat(39)} bcd`)).toBe('a'.repeat(39));
    expect(slugId('hello world', 'q', 5)).toBe('hello');
    expect(slugId('hello world', 'q', 6)).toBe('hello');
  });

  it('always makes a valid id', () => {
    for (const words of ['Ça va?', 'x'.repeat(100), '1 2 3', '!!!', 'Ünïcödé ñame', 'a-b-c']) expect(slugId(words)).toMatch(/^[a-z0-9_]{1,40}$/);
  });
});

describe('uniqueId and takenIds', () => {
  it('keeps a free id and numbers a taken one', () => {
    expect(uniqueId('age', new Set())).toBe('age');
    expect(uniqueId('age', new Set(['age']))).toBe('age_2');
    expect(uniqueId('age', new Set(['age', 'age_2', 'age_3']))).toBe('age_4');
    expect(uniqueId('age', new Set(['age_2']))).toBe('age');
  });

  it('never gives the reserved option ids', () => {
    expect(uniqueId('other', new Set())).toBe('other_2');
    expect(uniqueId('prefer_not_to_say', new Set())).toBe('prefer_not_to_say_2');
  });

  it('lists question and page ids', () => {
    expect(takenIds(fixture())).toEqual(new Set([...PAGE_ONE, ...PAGE_TWO, 'one', 'two']));
  });
});

describe('typeName, titleOf and dependants', () => {
  it('names the types', () => {
    expect(QUESTION_TYPES.map((t) => t.type)).toEqual(['single', 'multi', 'scale', 'rating', 'matrix', 'ranking', 'yes_no', 'text', 'long_text', 'number', 'date', 'consent', 'info']);
    expect(typeName('yes_no')).toBe('Yes or no');
    expect(typeName('info')).toBe('Information');
    expect(typeName('bogus' as QuestionType)).toBe('bogus');
  });

  it('gives a question’s title for messages', () => {
    expect(titleOf({ id: 'q', type: 'text', title: 'Plain' })).toBe('Plain');
    expect(titleOf({ id: 'q', type: 'text', title: { en: 'English', cy: 'Cymraeg' } }, 'cy')).toBe('Cymraeg');
    expect(titleOf({ id: 'q', type: 'text', title: { en: 'English', cy: 'Cymraeg' } }, 'ur')).toBe('English');
    expect(titleOf({ id: 'q', type: 'text', title: { en: 'English' } })).toBe('English');
    expect(titleOf({ id: 'i', type: 'info', body: 'Body only' })).toBe('Body only');
    expect(titleOf({ id: 'i', type: 'info', title: 'Heading', body: 'Body' })).toBe('Heading');
  });

  it('finds the questions whose conditions look at a question', () => {
    const def = fixture();
    (def.pages[1].questions[3] as Question).show_if = { any: [{ not: { question: 'pick', in: ['a'] } }, { question: 'ok', in: ['yes'] }] };
    expect(dependants(def, 'pick').map((q) => q.id)).toEqual(['why_b', 'story']);
    expect(dependants(def, 'ok').map((q) => q.id)).toEqual(['story']);
    expect(dependants(def, 'score')).toEqual([]);
  });
});

describe('skeleton', () => {
  it.each(TYPES)('a new %s question is valid inside a survey', (type) => {
    const def = fixture();
    def.pages[0].questions.push(skeleton(type, 'fresh', 'A new question'));
    expectValid(def);
  });

  it.each(TYPES)('a new %s question is valid as the only question of a survey', (type) => {
    expectValid({ format: 1, title: 'T', pages: [{ id: 'p', questions: [skeleton(type, 'fresh', 'A new question')] }] });
  });

  it('gives lists placeholders and the agreement scale', () => {
    const agree = [
      { id: 'strongly_disagree', label: 'Strongly disagree' },
      { id: 'disagree', label: 'Disagree' },
      { id: 'neither', label: 'Neither agree nor disagree' },
      { id: 'agree', label: 'Agree' },
      { id: 'strongly_agree', label: 'Strongly agree' }
    ];
    const placeholders = [
      { id: 'option_1', label: 'Option 1' },
      { id: 'option_2', label: 'Option 2' }
    ];
    expect(skeleton('single', 's', 'S')).toEqual({ id: 's', type: 'single', title: 'S', options: placeholders });
    expect(skeleton('multi', 's', 'S')).toEqual({ id: 's', type: 'multi', title: 'S', options: placeholders });
    expect(skeleton('ranking', 's', 'S')).toEqual({ id: 's', type: 'ranking', title: 'S', options: placeholders });
    expect(skeleton('scale', 's', 'S')).toEqual({ id: 's', type: 'scale', title: 'S', points: agree });
    expect(skeleton('matrix', 's', 'S')).toEqual({ id: 's', type: 'matrix', title: 'S', rows: [{ id: 'statement_1', label: 'Statement 1' }], points: agree });
    expect(skeleton('consent', 's', 'S')).toEqual({ id: 's', type: 'consent', title: 'S', statement: 'I agree' });
    expect(skeleton('info', 's', 'S')).toEqual({ id: 's', type: 'info', body: 'S' });
    for (const type of ['rating', 'yes_no', 'text', 'long_text', 'number', 'date'] as const) expect(skeleton(type, 's', 'S')).toEqual({ id: 's', type, title: 'S' });
  });

  it('never shares its lists between questions', () => {
    const a = skeleton('matrix', 'a', 'A') as Extract<Question, { type: 'matrix' }>;
    const b = skeleton('matrix', 'b', 'B') as Extract<Question, { type: 'matrix' }>;
    expect(a.points).not.toBe(b.points);
    expect(a.points[0]).not.toBe(b.points[0]);
    expect(a.rows).not.toBe(b.rows);
  });
});

describe('changeType', () => {
  const q = (id: string) => locate(fixture(), id).question;

  it('returns the question itself when the type is the same', () => {
    const pick = q('pick');
    expect(changeType(pick, 'single')).toBe(pick);
  });

  it('keeps options, "other", "prefer not to say" and required from single to multi', () => {
    expect(changeType(q('pick'), 'multi')).toEqual({
      id: 'pick',
      type: 'multi',
      title: 'Pick one',
      required: true,
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' }
      ],
      other: 'Other',
      prefer_not_to_say: true
    });
  });

  it('keeps options (with "exclusive") from multi to single but not the limits', () => {
    expect(changeType(q('many'), 'single')).toEqual({
      id: 'many',
      type: 'single',
      title: 'Pick any',
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
        { id: 'none', label: 'None', exclusive: true }
      ]
    });
  });

  it('keeps plain options for ranking, dropping "other" and "prefer not to say"', () => {
    expect(changeType(q('pick'), 'ranking')).toEqual({
      id: 'pick',
      type: 'ranking',
      title: 'Pick one',
      required: true,
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' }
      ]
    });
    expect(changeType(q('many'), 'ranking')).toEqual({
      id: 'many',
      type: 'ranking',
      title: 'Pick any',
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
        { id: 'none', label: 'None' }
      ]
    });
  });

  it('turns options into points and back', () => {
    expect(changeType(q('order'), 'scale')).toEqual({
      id: 'order',
      type: 'scale',
      title: 'Order',
      points: [
        { id: 'p', label: 'P' },
        { id: 'q', label: 'Q' },
        { id: 'r', label: 'R' }
      ]
    });
    expect(changeType(q('agree'), 'single')).toEqual({
      id: 'agree',
      type: 'single',
      title: 'Agree?',
      options: [
        { id: 'sd', label: 'Strongly disagree' },
        { id: 'd', label: 'Disagree' },
        { id: 'ag', label: 'Agree' },
        { id: 'sa', label: 'Strongly agree' }
      ],
      prefer_not_to_say: true
    });
  });

  it('keeps points between scale and matrix; a matrix gets a placeholder statement', () => {
    expect(changeType(q('agree'), 'matrix')).toEqual({
      id: 'agree',
      type: 'matrix',
      title: 'Agree?',
      rows: [{ id: 'statement_1', label: 'Statement 1' }],
      points: [
        { id: 'sd', label: 'Strongly disagree' },
        { id: 'd', label: 'Disagree' },
        { id: 'ag', label: 'Agree' },
        { id: 'sa', label: 'Strongly agree' }
      ],
      prefer_not_to_say: true
    });
    expect(changeType(q('grid'), 'scale')).toEqual({
      id: 'grid',
      type: 'scale',
      title: 'Grid',
      points: [
        { id: 'lo', label: 'Low' },
        { id: 'hi', label: 'High' }
      ]
    });
  });

  it('cuts long lists to what the new type allows', () => {
    const options = Array.from({ length: 20 }, (_, i) => ({ id: `o${i}`, label: `O${i}` }));
    const long: Question = { id: 'long', type: 'single', title: 'Long', options };
    expect(changeType(long, 'ranking')).toEqual({ id: 'long', type: 'ranking', title: 'Long', options: options.slice(0, 15) });
    expect(changeType(long, 'scale')).toEqual({ id: 'long', type: 'scale', title: 'Long', points: options.slice(0, 11) });
    const matrix = changeType(long, 'matrix') as Extract<Question, { type: 'matrix' }>;
    expect(matrix.points).toEqual(options.slice(0, 11));
  });

  it('keeps title, help, required and condition for types without lists', () => {
    const text: Question = { id: 't', type: 'text', title: { en: 'T', cy: 'Cy' }, help: 'H', required: true, show_if: { question: 'pick', in: ['a'] }, max_length: 20 };
    expect(changeType(text, 'number')).toEqual({ id: 't', type: 'number', title: { en: 'T', cy: 'Cy' }, help: 'H', required: true, show_if: { question: 'pick', in: ['a'] } });
    expect(changeType(text, 'single')).toEqual({
      id: 't',
      type: 'single',
      title: { en: 'T', cy: 'Cy' },
      help: 'H',
      required: true,
      show_if: { question: 'pick', in: ['a'] },
      options: [
        { id: 'option_1', label: 'Option 1' },
        { id: 'option_2', label: 'Option 2' }
      ]
    });
  });

  it('keeps "prefer not to say" for yes/no', () => {
    const yn: Question = { id: 'yn', type: 'yes_no', title: 'Y?', prefer_not_to_say: true };
    expect(changeType(yn, 'scale')).toMatchObject({ prefer_not_to_say: true });
    expect(changeType(q('pick'), 'yes_no')).toEqual({ id: 'pick', type: 'yes_no', title: 'Pick one', required: true, prefer_not_to_say: true });
    expect(changeType(yn, 'text')).toEqual({ id: 'yn', type: 'text', title: 'Y?' });
  });

  it('turns a question into information with its title as the body', () => {
    expect(changeType(q('why_b'), 'info')).toEqual({ id: 'why_b', type: 'info', body: 'Why B?', show_if: { question: 'pick', in: ['b'] } });
    expect(changeType({ id: 'r', type: 'text', title: 'T', required: true }, 'info')).toEqual({ id: 'r', type: 'info', body: 'T' });
  });

  it('turns information into a question with its title, or else its body', () => {
    expect(changeType(q('note'), 'text')).toEqual({ id: 'note', type: 'text', title: 'Thanks' });
    expect(changeType({ id: 'i', type: 'info', title: 'Head', body: 'Body' }, 'yes_no')).toEqual({ id: 'i', type: 'yes_no', title: 'Head' });
    expect(changeType({ id: 'i', type: 'info', body: { en: 'Body', cy: 'Corff' } }, 'consent')).toEqual({ id: 'i', type: 'consent', title: { en: 'Body', cy: 'Corff' }, statement: 'I agree' });
  });

  it('gives a valid survey for every change of every question nothing depends on, and never changes its input', () => {
    const def = fixture();
    for (const { id } of def.pages.flatMap((p) => p.questions)) {
      if (id === 'pick') continue; // why_b's condition looks at its options
      for (const type of TYPES) {
        const next = structuredClone(def);
        const at = locate(next, id);
        const before = structuredClone(at.question);
        next.pages[at.page].questions[at.index] = changeType(at.question, type);
        expect(at.question).toEqual(before);
        expectValid(next);
        expect(next.pages[at.page].questions[at.index].type).toBe(type);
        expect(next.pages[at.page].questions[at.index].id).toBe(id);
      }
    }
  });

  it('keeps a changed single question usable by the condition looking at it when its options carry over', () => {
    const def = fixture();
    def.pages[0].questions[0] = changeType(def.pages[0].questions[0], 'multi');
    expectValid(def);
  });
});

describe('addQuestion', () => {
  it('adds a skeleton at the end of a page with an id from its title', () => {
    const def = fixture();
    const { definition, id } = pure(def, (d) => addQuestion(d, { page: 0, type: 'single', title: '  What is your age group?  ' }));
    expect(id).toBe('what_is_your_age_group');
    expect(definition.pages[0].questions.at(-1)).toEqual(skeleton('single', id, 'What is your age group?'));
    expect(ids(definition)).toEqual([
      ['one', [...PAGE_ONE, id]],
      ['two', PAGE_TWO]
    ]);
    expectValid(definition);
  });

  it('adds after a given question', () => {
    const { definition, id } = pure(fixture(), (d) => addQuestion(d, { page: 1, type: 'yes_no', title: 'Another', after: 'order' }));
    expect(definition.pages[1].questions.map((q) => q.id)).toEqual(['grid', 'order', id, 'ok', 'story', 'count', 'when', 'consent', 'note']);
    expectValid(definition);
  });

  it('adds at the end when the question to add after is not on the page', () => {
    const { definition } = addQuestion(fixture(), { page: 1, type: 'text', title: 'Another', after: 'pick' });
    expect(definition.pages[1].questions.map((q) => q.id)).toEqual([...PAGE_TWO, 'another']);
  });

  it('makes the id unique across questions and pages', () => {
    expect(addQuestion(fixture(), { page: 0, type: 'text', title: 'Pick' }).id).toBe('pick_2');
    expect(addQuestion(fixture(), { page: 0, type: 'text', title: 'One' }).id).toBe('one_2');
    expect(addQuestion(fixture(), { page: 0, type: 'text', title: 'Other' }).id).toBe('other_2');
    expect(addQuestion(fixture(), { page: 0, type: 'text', title: '???' }).id).toBe('q');
    const twice = addQuestion(addQuestion(fixture(), { page: 0, type: 'text', title: 'Age' }).definition, { page: 1, type: 'text', title: 'Age' });
    expect(twice.id).toBe('age_2');
    expectValid(twice.definition);
  });

  it.each(TYPES)('adds a valid %s question', (type) => {
    const { definition, id } = pure(fixture(), (d) => addQuestion(d, { page: 1, type, title: 'New one' }));
    expect(id).toBe('new_one');
    expect(locate(definition, id).question.type).toBe(type);
    expectValid(definition);
  });

  it('refuses a blank title, naming the field', () => {
    const e = refused(fixture(), (d) => addQuestion(d, { page: 0, type: 'text', title: '   ' }));
    expect(e.message).toBe('Enter the question');
    expect(e.path).toBe('title');
    expect(refused(fixture(), (d) => addQuestion(d, { page: 0, type: 'info', title: '' })).message).toBe('Enter the text to show');
  });

  it('refuses a page that does not exist', () => {
    expect(refused(fixture(), (d) => addQuestion(d, { page: 2, type: 'text', title: 'X' })).path).toBe('page');
    expect(refused(fixture(), (d) => addQuestion(d, { page: -1, type: 'text', title: 'X' })).path).toBe('page');
  });

  it('refuses a 41st question on a page', () => {
    const def = fixture();
    def.pages[1].questions = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, type: 'text', title: `T${i}` }) as Question);
    expectValid(def);
    expect(refused(def, (d) => addQuestion(d, { page: 1, type: 'text', title: 'X' })).message).toMatch(/at most 40 questions/);
    expectValid(addQuestion(def, { page: 0, type: 'text', title: 'X' }).definition);
  });
});

describe('replaceQuestion', () => {
  it('replaces a question in place, keeping its id', () => {
    const def = fixture();
    const next = pure(def, (d) => replaceQuestion(d, 'score', { id: 'renamed', type: 'rating', title: 'New score' }));
    expect(next.pages[0].questions[4]).toEqual({ id: 'score', type: 'rating', title: 'New score' });
    expect(ids(next)).toEqual(ids(def));
    expectValid(next);
  });

  it('refuses a question that is not there', () => {
    expect(refused(fixture(), (d) => replaceQuestion(d, 'gone', { id: 'gone', type: 'text', title: 'T' })).message).toMatch(/no such question/);
  });
});

describe('removeQuestion and restoreQuestion', () => {
  it('removes a question and says where it was', () => {
    const def = fixture();
    const { definition, removed } = pure(def, (d) => removeQuestion(d, 'score'));
    expect(removed).toEqual({ question: everyType.pages[0].questions[4], page: 'one', index: 4 });
    expect(ids(definition)).toEqual([
      ['one', ['pick', 'why_b', 'many', 'agree']],
      ['two', PAGE_TWO]
    ]);
    expectValid(definition);
  });

  it('refuses to remove a question a condition depends on, naming the dependant', () => {
    const e = refused(fixture(), (d) => removeQuestion(d, 'pick'));
    expect(e.message).toBe('“Pick one” cannot be removed: the condition of “Why B?” depends on it. Change that condition first.');
  });

  it('names every dependant, also nested and on later pages', () => {
    const def = fixture();
    (def.pages[1].questions[2] as Question).show_if = { not: { any: [{ question: 'pick', in: ['a'] }] } };
    expect(refused(def, (d) => removeQuestion(d, 'pick')).message).toMatch(/the condition of “Why B\?”, “OK\?” depends on it/);
  });

  it('removes a question once its dependant is gone', () => {
    const first = removeQuestion(fixture(), 'why_b').definition;
    const { definition } = removeQuestion(first, 'pick');
    expect(definition.pages[0].questions.map((q) => q.id)).toEqual(['many', 'agree', 'score']);
    expectValid(definition);
  });

  it('removes a page with its last question', () => {
    const def = threePages();
    const { definition, removed } = pure(def, (d) => removeQuestion(d, 'm'));
    expect(removed).toEqual({ question: { id: 'm', type: 'text', title: 'M' }, page: 'middle', index: 0 });
    expect(ids(definition)).toEqual([
      ['first', ['a', 'b']],
      ['last', ['z']]
    ]);
    expectValid(definition);
  });

  it('refuses to remove the last question of the survey', () => {
    const def: SurveyDefinition = { format: 1, title: 'T', pages: [{ id: 'p', questions: [{ id: 'only', type: 'text', title: 'Only' }] }] };
    expect(refused(def, (d) => removeQuestion(d, 'only')).message).toBe('A survey needs at least one question: add another before removing this one.');
  });

  it('refuses a question that is not there', () => {
    expect(refused(fixture(), (d) => removeQuestion(d, 'gone')).message).toMatch(/no such question/);
  });

  it('undoes a removal exactly', () => {
    const def = fixture();
    for (const id of ['why_b', 'many', 'score', 'grid', 'note', 'count']) {
      const { definition, removed } = removeQuestion(def, id);
      const restored = pure(definition, (d) => restoreQuestion(d, removed));
      expect(restored).toEqual(def);
      expectValid(restored);
    }
  });

  it('restores at the end of its page when the page got shorter', () => {
    const { definition, removed } = removeQuestion(fixture(), 'score');
    const shorter = removeQuestion(definition, 'agree').definition;
    const restored = restoreQuestion(shorter, removed);
    expect(restored.pages[0].questions.map((q) => q.id)).toEqual(['pick', 'why_b', 'many', 'score']);
    expectValid(restored);
  });

  it('restores on a new page at the end when its page is gone', () => {
    const { definition, removed } = removeQuestion(threePages(), 'm');
    const restored = pure(definition, (d) => restoreQuestion(d, removed));
    expect(restored.pages).toEqual([...definition.pages, { id: 'middle', questions: [{ id: 'm', type: 'text', title: 'M' }] }]);
    expectValid(restored);
  });

  it('gives the new page a free id', () => {
    const { definition, removed } = removeQuestion(threePages(), 'm');
    const taken = addQuestion(definition, { page: 0, type: 'text', title: 'Middle' });
    expect(taken.id).toBe('middle');
    const restored = restoreQuestion(taken.definition, removed);
    expect(restored.pages.at(-1)).toEqual({ id: 'middle_2', questions: [{ id: 'm', type: 'text', title: 'M' }] });
    expectValid(restored);
  });

  it('restores onto a page that has its page’s id again', () => {
    const { definition, removed } = removeQuestion(threePages(), 'm');
    const again = addPage(definition, { title: 'Middle', after: 0 }).definition;
    const restored = restoreQuestion(again, removed);
    expect(ids(restored)).toEqual([
      ['first', ['a', 'b']],
      ['middle', ['m', 'middle_intro']],
      ['last', ['z']]
    ]);
    expectValid(restored);
  });

  it('refuses to restore a question whose id is in use', () => {
    const { definition, removed } = removeQuestion(fixture(), 'score');
    const again = addQuestion(definition, { page: 0, type: 'rating', title: 'Score' }).definition;
    expect(refused(again, (d) => restoreQuestion(d, removed)).message).toBe('That question is already in the survey.');
  });
});

describe('moveQuestion', () => {
  it('moves up and down within a page', () => {
    const def = fixture();
    const up = pure(def, (d) => moveQuestion(d, 'score', 'up'));
    expect(up.pages[0].questions.map((q) => q.id)).toEqual(['pick', 'why_b', 'many', 'score', 'agree']);
    expectValid(up);
    const down = pure(def, (d) => moveQuestion(d, 'many', 'down'));
    expect(down.pages[0].questions.map((q) => q.id)).toEqual(['pick', 'why_b', 'agree', 'many', 'score']);
    expectValid(down);
    expect(moveQuestion(up, 'score', 'down')).toEqual(def);
  });

  it('moves past the bottom of a page to the top of the next, and back', () => {
    const def = fixture();
    const down = pure(def, (d) => moveQuestion(d, 'score', 'down'));
    expect(ids(down)).toEqual([
      ['one', ['pick', 'why_b', 'many', 'agree']],
      ['two', ['score', ...PAGE_TWO]]
    ]);
    expectValid(down);
    expect(moveQuestion(down, 'score', 'up')).toEqual(def);
  });

  it('moves past the top of a page to the end of the one before', () => {
    const up = pure(fixture(), (d) => moveQuestion(d, 'grid', 'up'));
    expect(ids(up)).toEqual([
      ['one', [...PAGE_ONE, 'grid']],
      ['two', PAGE_TWO.slice(1)]
    ]);
    expectValid(up);
  });

  it('refuses to move past the first or last question', () => {
    expect(refused(fixture(), (d) => moveQuestion(d, 'pick', 'up')).message).toBe('“Pick one” is already the first question.');
    expect(refused(fixture(), (d) => moveQuestion(d, 'note', 'down')).message).toBe('“Thanks” is already the last question.');
  });

  it('refuses to put a question before the one its condition looks at', () => {
    const e = refused(fixture(), (d) => moveQuestion(d, 'why_b', 'up'));
    expect(e.message).toBe('That would put “Why B?” before “Pick one”, which its condition looks at. A condition can only look at earlier questions.');
    expect(refused(fixture(), (d) => moveQuestion(d, 'why_b', { page: 0, index: 0 })).message).toMatch(/put “Why B\?” before “Pick one”/);
  });

  it('refuses to put a question after one whose condition looks at it', () => {
    expect(refused(fixture(), (d) => moveQuestion(d, 'pick', 'down')).message).toMatch(/put “Why B\?” before “Pick one”/);
    expect(refused(fixture(), (d) => moveQuestion(d, 'pick', { page: 1, index: 0 })).message).toMatch(/put “Why B\?” before “Pick one”/);
  });

  it('refuses a move that breaks a nested condition across pages', () => {
    const def = fixture();
    (def.pages[1].questions[2] as Question).show_if = { all: [{ not: { question: 'score', in: ['0'] } }] };
    expectValid(def);
    expect(refused(def, (d) => moveQuestion(d, 'ok', { page: 0, index: 2 })).message).toMatch(/put “OK\?” before “Score”/);
    expect(refused(def, (d) => moveQuestion(d, 'score', { page: 1, index: 5 })).message).toMatch(/put “OK\?” before “Score”/);
    const fine = moveQuestion(def, 'score', { page: 1, index: 2 });
    expect(fine.pages[1].questions.map((q) => q.id)).toEqual(['grid', 'order', 'score', 'ok', 'story', 'count', 'when', 'consent', 'note']);
    expectValid(fine);
  });

  it('moves to a page and place', () => {
    const def = fixture();
    const moved = pure(def, (d) => moveQuestion(d, 'many', { page: 1, index: 3 }));
    expect(ids(moved)).toEqual([
      ['one', ['pick', 'why_b', 'agree', 'score']],
      ['two', ['grid', 'order', 'ok', 'many', 'story', 'count', 'when', 'consent', 'note']]
    ]);
    expectValid(moved);
    const within = pure(def, (d) => moveQuestion(d, 'grid', { page: 1, index: 2 }));
    expect(within.pages[1].questions.map((q) => q.id)).toEqual(['order', 'ok', 'grid', 'story', 'count', 'when', 'consent', 'note']);
    expect(moveQuestion(def, 'note', { page: 1, index: 0 }).pages[1].questions.map((q) => q.id)).toEqual(['note', ...PAGE_TWO.slice(0, -1)]);
  });

  it('clamps a place past either end of the page', () => {
    const end = moveQuestion(fixture(), 'many', { page: 1, index: 99 });
    expect(end.pages[1].questions.map((q) => q.id)).toEqual([...PAGE_TWO, 'many']);
    const start = moveQuestion(fixture(), 'count', { page: 1, index: -3 });
    expect(start.pages[1].questions.map((q) => q.id)).toEqual(['count', 'grid', 'order', 'ok', 'story', 'when', 'consent', 'note']);
    expectValid(end);
    expectValid(start);
  });

  it('moving to where it is changes nothing', () => {
    const def = fixture();
    expect(moveQuestion(def, 'agree', { page: 0, index: 3 })).toEqual(def);
  });

  it('refuses a page that does not exist', () => {
    expect(refused(fixture(), (d) => moveQuestion(d, 'many', { page: 2, index: 0 })).message).toBe('There is no such page in this survey.');
    expect(refused(fixture(), (d) => moveQuestion(d, 'gone', 'up')).message).toMatch(/no such question/);
  });

  it('refuses to move the only question of a page to another page, but moves it within', () => {
    const def = threePages();
    const message = '“M” is the only question on its page: remove the page or add another question first.';
    expect(refused(def, (d) => moveQuestion(d, 'm', 'up')).message).toBe(message);
    expect(refused(def, (d) => moveQuestion(d, 'm', 'down')).message).toBe(message);
    expect(refused(def, (d) => moveQuestion(d, 'm', { page: 0, index: 0 })).message).toBe(message);
    expect(moveQuestion(def, 'm', { page: 1, index: 0 })).toEqual(def);
  });
});

describe('movePage', () => {
  it('swaps a page with its neighbour', () => {
    const def = fixture();
    const down = pure(def, (d) => movePage(d, 0, 'down'));
    expect(ids(down)).toEqual([
      ['two', PAGE_TWO],
      ['one', PAGE_ONE]
    ]);
    expectValid(down);
    expect(movePage(down, 1, 'up')).toEqual(def);
  });

  it('refuses to put a page before one its conditions look at', () => {
    const def = fixture();
    (def.pages[1].questions[2] as Question).show_if = { question: 'pick', in: ['a'] };
    expectValid(def);
    expect(refused(def, (d) => movePage(d, 0, 'down')).message).toBe('That would put “OK?” before “Pick one”, which its condition looks at. A condition can only look at earlier questions.');
    expect(refused(def, (d) => movePage(d, 1, 'up')).message).toMatch(/put “OK\?” before “Pick one”/);
  });

  it('refuses past the first or last page, and pages that do not exist', () => {
    expect(refused(fixture(), (d) => movePage(d, 0, 'up')).message).toBe('This is already the first page.');
    expect(refused(fixture(), (d) => movePage(d, 1, 'down')).message).toBe('This is already the last page.');
    expect(refused(fixture(), (d) => movePage(d, 5, 'up')).message).toBe('There is no such page in this survey.');
  });
});

describe('addPage, editPage and removePage', () => {
  const INTRO = 'Replace this with an introduction to the page, or add questions and remove it.';

  it('adds a page at the end with an information item', () => {
    const def = fixture();
    const { definition, id } = pure(def, (d) => addPage(d, { title: ' About you ' }));
    expect(id).toBe('about_you');
    expect(definition.pages).toEqual([...def.pages, { id: 'about_you', title: 'About you', questions: [{ id: 'about_you_intro', type: 'info', body: INTRO }] }]);
    expectValid(definition);
  });

  it('adds a page after another', () => {
    const { definition } = pure(fixture(), (d) => addPage(d, { title: 'Middle', after: 0 }));
    expect(definition.pages.map((p) => p.id)).toEqual(['one', 'middle', 'two']);
    expectValid(definition);
    expect(addPage(fixture(), { title: 'Start', after: -1 }).definition.pages.map((p) => p.id)).toEqual(['start', 'one', 'two']);
  });

  it('makes the page and item ids unique', () => {
    const { definition, id } = addPage(fixture(), { title: 'One' });
    expect(id).toBe('one_2');
    expect(definition.pages[2].questions[0].id).toBe('one_2_intro');
    const again = addPage(definition, { title: 'One' });
    expect(again.id).toBe('one_3');
    expect(again.definition.pages[3].questions[0].id).toBe('one_3_intro');
    expectValid(again.definition);
    expect(addPage(fixture(), { title: '!!!' }).id).toBe('page');
    const pick = addPage(fixture(), { title: 'Pick' });
    expect(pick.id).toBe('pick_2');
    expectValid(pick.definition);
  });

  it('refuses a blank title or a 51st page', () => {
    const e = refused(fixture(), (d) => addPage(d, { title: '  ' }));
    expect([e.message, e.path]).toEqual(['Enter a title for the page', 'title']);
    const def = fixture();
    for (let i = 0; i < 48; i++) def.pages.push({ id: `p${i}`, questions: [{ id: `i${i}`, type: 'info', body: 'x' }] });
    expectValid(def);
    expect(refused(def, (d) => addPage(d, { title: 'More' })).message).toBe('A survey can have at most 50 pages.');
  });

  it('edits a page title and introduction', () => {
    const def = fixture();
    const next = pure(def, (d) => editPage(d, 1, { title: ' Second ', intro: 'Some words\r\nover two lines' }));
    expect(next.pages[1]).toEqual({ ...def.pages[1], title: 'Second', intro: 'Some words\nover two lines' });
    expectValid(next);
    const cleared = pure(next, (d) => editPage(d, 1, { title: '', intro: ' ' }));
    expect(cleared).toEqual(def);
  });

  it('keeps translations when a page is edited', () => {
    const def = fixture();
    def.languages = ['en', 'cy'];
    def.pages[0].title = { en: 'Old', cy: 'Hen' };
    def.pages[0].intro = 'Intro';
    const next = pure(def, (d) => editPage(d, 0, { title: 'New', intro: 'Changed' }));
    expect(next.pages[0].title).toEqual({ en: 'New', cy: 'Hen' });
    expect(next.pages[0].intro).toBe('Changed');
    expectValid(next);
  });

  it('refuses to edit a page that does not exist', () => {
    expect(refused(fixture(), (d) => editPage(d, 2, { title: 'x', intro: '' })).message).toBe('There is no such page in this survey.');
  });

  it('removes a page and its questions', () => {
    const def = fixture();
    const next = pure(def, (d) => removePage(d, 1));
    expect(next).toEqual({ ...def, pages: [def.pages[0]] });
    expectValid(next);
    const first = removePage(threePages(), 0);
    expect(ids(first)).toEqual([
      ['middle', ['m']],
      ['last', ['z']]
    ]);
  });

  it('refuses to remove a page a later condition looks at', () => {
    const def = fixture();
    (def.pages[1].questions[3] as Question).show_if = { any: [{ question: 'ok', in: ['yes'] }] };
    (def.pages[1].questions[4] as Question).show_if = { question: 'agree', in: ['sa'] };
    expectValid(def);
    expect(refused(def, (d) => removePage(d, 0)).message).toBe(
      'This page cannot be removed: the condition of “How many” looks at a question on it. Change that condition first.'
    );
    // Conditions looking at questions on the same page do not stop it.
    const next = removePage(def, 1);
    expect(ids(next)).toEqual([['one', PAGE_ONE]]);
    expectValid(next);
  });

  it('refuses to remove the only page, or one that does not exist', () => {
    const single = removePage(fixture(), 1);
    expect(refused(single, (d) => removePage(d, 0)).message).toBe('A survey needs at least one page.');
    expect(refused(fixture(), (d) => removePage(d, 2)).message).toBe('There is no such page in this survey.');
  });
});

describe('setText', () => {
  it('stores a plain string when only the default language has text', () => {
    const h: Record<string, unknown> = {};
    setText(h, 'title', '  Hello ', 'en');
    expect(h).toEqual({ title: 'Hello' });
  });

  it('keeps other languages when the default changes', () => {
    const h = { title: { en: 'A', cy: 'B' } };
    setText(h, 'title', 'C', 'en');
    expect(h).toEqual({ title: { en: 'C', cy: 'B' } });
  });

  it('adds and removes a translation', () => {
    const h: Record<string, unknown> = { title: 'A' };
    setText(h, 'title', 'B', 'cy', 'en');
    expect(h).toEqual({ title: { en: 'A', cy: 'B' } });
    setText(h, 'title', '  ', 'cy', 'en');
    expect(h).toEqual({ title: 'A' });
  });

  it('removes the field when the default text is emptied', () => {
    const h: Record<string, unknown> = { help: 'x', other: 'y' };
    setText(h, 'help', '', 'en');
    expect(h).toEqual({ other: 'y' });
    const translated: Record<string, unknown> = { help: { en: 'x', cy: 'y' } };
    setText(translated, 'help', '', 'en');
    expect(translated).toEqual({});
  });

  it('normalises line ends and leaves an absent field absent', () => {
    const h: Record<string, unknown> = {};
    setText(h, 'intro', '\r\n a\r\nb\rc \n', 'en');
    expect(h).toEqual({ intro: 'a\nb\nc' });
    const empty: Record<string, unknown> = {};
    setText(empty, 'intro', '', 'en');
    expect(empty).toEqual({});
  });
});

/** A survey with every kind of translatable text, in English and Welsh. */
function translated(): SurveyDefinition {
  return {
    format: 1,
    title: { en: 'Survey', cy: 'Arolwg' },
    languages: ['en', 'cy'],
    intro: 'Intro',
    content_note: 'Note',
    thank_you: { en: 'Thanks', cy: 'Diolch' },
    signposting: { intro: 'Help', contacts: [{ name: { en: 'Line', cy: 'Llinell' }, description: 'Desc', phone: '0800 123' }] },
    pages: [
      {
        id: 'p',
        title: 'Page',
        intro: 'Page intro',
        questions: [
          { id: 'pick', type: 'single', title: { en: 'Pick', cy: 'Dewis' }, help: 'Help', options: [{ id: 'a', label: { en: 'A', cy: 'Ah' } }, { id: 'b', label: 'B' }], other: 'Other' },
          { id: 'grid', type: 'matrix', title: 'Grid', rows: [{ id: 'r', label: 'Row' }], points: [{ id: 'lo', label: 'Lo' }, { id: 'hi', label: 'Hi' }] },
          { id: 'score', type: 'rating', title: 'Score', min_label: 'Bad', max_label: 'Good' },
          { id: 'n', type: 'number', title: 'N', unit: 'km' },
          { id: 'c', type: 'consent', title: 'C', statement: 'I agree' },
          { id: 'i', type: 'info', title: 'Info', body: 'Body' }
        ]
      }
    ]
  };
}

describe('textEntries, textIn and missingTranslations', () => {
  it('lists every translatable string in the order a respondent meets them', () => {
    const def = translated();
    expectValid(def);
    const entries = pure(def, (d) => textEntries(d));
    expect(entries.map((e) => [e.key, e.where, e.question ?? null])).toEqual([
      ['title', 'Survey title', null],
      ['intro', 'Introduction', null],
      ['content_note', 'Content note', null],
      ['pages.0.title', 'Page 1 · title', null],
      ['pages.0.intro', 'Page 1 · introduction', null],
      ['pages.0.questions.0.title', 'Page 1 · “Pick” · question', 'pick'],
      ['pages.0.questions.0.help', 'Page 1 · “Pick” · help text', 'pick'],
      ['pages.0.questions.0.other', 'Page 1 · “Pick” · “other” choice', 'pick'],
      ['pages.0.questions.0.options.0.label', 'Page 1 · “Pick” · option 1', 'pick'],
      ['pages.0.questions.0.options.1.label', 'Page 1 · “Pick” · option 2', 'pick'],
      ['pages.0.questions.1.title', 'Page 1 · “Grid” · question', 'grid'],
      ['pages.0.questions.1.rows.0.label', 'Page 1 · “Grid” · statement 1', 'grid'],
      ['pages.0.questions.1.points.0.label', 'Page 1 · “Grid” · point 1', 'grid'],
      ['pages.0.questions.1.points.1.label', 'Page 1 · “Grid” · point 2', 'grid'],
      ['pages.0.questions.2.title', 'Page 1 · “Score” · question', 'score'],
      ['pages.0.questions.2.min_label', 'Page 1 · “Score” · label for 0', 'score'],
      ['pages.0.questions.2.max_label', 'Page 1 · “Score” · label for 10', 'score'],
      ['pages.0.questions.3.title', 'Page 1 · “N” · question', 'n'],
      ['pages.0.questions.3.unit', 'Page 1 · “N” · unit', 'n'],
      ['pages.0.questions.4.title', 'Page 1 · “C” · question', 'c'],
      ['pages.0.questions.4.statement', 'Page 1 · “C” · statement', 'c'],
      ['pages.0.questions.5.title', 'Page 1 · “Info” · question', 'i'],
      ['pages.0.questions.5.body', 'Page 1 · “Info” · text', 'i'],
      ['thank_you', 'Thank-you text', null],
      ['signposting.intro', 'Support · introduction', null],
      ['signposting.contacts.0.name', 'Support · contact 1 · name', null],
      ['signposting.contacts.0.description', 'Support · contact 1 · description', null]
    ]);
    expect(entries[0]).toEqual({ key: 'title', path: ['title'], where: 'Survey title', question: undefined, text: { en: 'Survey', cy: 'Arolwg' } });
    expect(entries[8]).toEqual({
      key: 'pages.0.questions.0.options.0.label',
      path: ['pages', 0, 'questions', 0, 'options', 0, 'label'],
      where: 'Page 1 · “Pick” · option 1',
      question: 'pick',
      text: { en: 'A', cy: 'Ah' }
    });
  });

  it('finds every text of the everyType fixture', () => {
    expect(textEntries(fixture())).toHaveLength(35);
  });

  it('reads a text in a language', () => {
    expect(textIn('Plain', 'en', 'en')).toBe('Plain');
    expect(textIn('Plain', 'cy', 'en')).toBe('');
    expect(textIn({ en: 'E', cy: 'C' }, 'cy', 'en')).toBe('C');
    expect(textIn({ en: 'E' }, 'ur', 'en')).toBe('');
  });

  it('counts missing translations per other language', () => {
    const def = translated();
    def.languages = ['en', 'cy', 'ur'];
    expect(pure(def, (d) => missingTranslations(d))).toEqual([
      { lang: 'cy', missing: 22, total: 27 },
      { lang: 'ur', missing: 27, total: 27 }
    ]);
    expect(missingTranslations(fixture())).toEqual([]);
  });
});

describe('setTranslations, addLanguage and removeLanguage', () => {
  it('sets, changes and removes one language’s texts, leaving the rest', () => {
    const def = translated();
    const next = pure(def, (d) =>
      setTranslations(d, 'cy', {
        title: 'Arolwg newydd',
        'pages.0.title': ' Tudalen ',
        'pages.0.questions.0.options.0.label': '',
        'pages.0.questions.1.rows.0.label': 'Rhes',
        'signposting.contacts.0.name': 'Llinell',
        'not.a.key': 'ignored'
      })
    );
    expect(next.title).toEqual({ en: 'Survey', cy: 'Arolwg newydd' });
    expect(next.pages[0].title).toEqual({ en: 'Page', cy: 'Tudalen' });
    const [pick, grid] = next.pages[0].questions as [Extract<Question, { type: 'single' }>, Extract<Question, { type: 'matrix' }>];
    expect(pick.options).toEqual([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' }
    ]);
    expect(pick.title).toEqual({ en: 'Pick', cy: 'Dewis' });
    expect(grid.rows).toEqual([{ id: 'r', label: { en: 'Row', cy: 'Rhes' } }]);
    expect(next.thank_you).toEqual({ en: 'Thanks', cy: 'Diolch' });
    expect(next.signposting!.contacts[0]).toEqual({ name: { en: 'Line', cy: 'Llinell' }, description: 'Desc', phone: '0800 123' });
    expect(next).not.toHaveProperty('not');
    expectValid(next);
  });

  it('refuses the default language and languages not offered', () => {
    expect(refused(translated(), (d) => setTranslations(d, 'en', { title: 'x' })).message).toBe('The default language is edited in the builder, not here.');
    expect(refused(translated(), (d) => setTranslations(d, 'ur', { title: 'x' })).message).toMatch(/not offered in “ur”/);
  });

  it('adds a language', () => {
    const def = fixture();
    const next = pure(def, (d) => addLanguage(d, 'cy'));
    expect(next).toEqual({ ...def, languages: ['en', 'cy'] });
    expectValid(next);
    const third = addLanguage(next, 'pa-Guru');
    expect(third.languages).toEqual(['en', 'cy', 'pa-Guru']);
    expectValid(third);
  });

  it('refuses a language already offered, or a 21st', () => {
    const e = refused(fixture(), (d) => addLanguage(d, 'en'));
    expect([e.message, e.path]).toEqual(['The survey is already offered in that language.', 'lang']);
    const def = fixture();
    def.languages = ['en', ...'abcdefghijklmnopqrs'.split('').map((c) => `x${c}`)];
    expect(def.languages).toHaveLength(20);
    expect(refused(def, (d) => addLanguage(d, 'cy')).message).toBe('A survey can be offered in at most 20 languages.');
  });

  it('removes a language and its translations', () => {
    const def = translated();
    const next = pure(def, (d) => removeLanguage(d, 'cy'));
    const expected = translated();
    delete expected.languages;
    expected.title = 'Survey';
    expected.thank_you = 'Thanks';
    expected.signposting!.contacts[0].name = 'Line';
    const pick = expected.pages[0].questions[0] as Extract<Question, { type: 'single' }>;
    pick.title = 'Pick';
    pick.options[0].label = 'A';
    expect(next).toEqual(expected);
    expectValid(next);
  });

  it('keeps the list of languages when the default is not English', () => {
    const def: SurveyDefinition = { format: 1, title: { cy: 'Arolwg', en: 'Survey' }, languages: ['cy', 'en'], pages: [{ id: 'p', questions: [{ id: 'q', type: 'text', title: 'Q' }] }] };
    expectValid(def);
    const next = removeLanguage(def, 'en');
    expect(next).toEqual({ format: 1, title: 'Arolwg', languages: ['cy'], pages: def.pages });
    expectValid(next);
  });

  it('keeps the others when one of three languages goes', () => {
    const def = translated();
    def.languages = ['en', 'cy', 'ur'];
    def.title = { en: 'Survey', cy: 'Arolwg', ur: 'سروے' };
    const next = removeLanguage(def, 'cy');
    expect(next.languages).toEqual(['en', 'ur']);
    expect(next.title).toEqual({ en: 'Survey', ur: 'سروے' });
    expect(next.thank_you).toBe('Thanks');
    expectValid(next);
  });

  it('refuses the default language; a language not offered changes nothing', () => {
    expect(refused(translated(), (d) => removeLanguage(d, 'en')).message).toBe('The default language cannot be removed.');
    expect(refused(fixture(), (d) => removeLanguage(d, 'en')).message).toBe('The default language cannot be removed.');
    const def = translated();
    expect(pure(def, (d) => removeLanguage(d, 'ur'))).toEqual(def);
  });
});

describe('settingsOf and applySettings', () => {
  const blank: Settings = {
    title: 'Every type',
    intro: '',
    content_note: '',
    thank_you: '',
    audience: 'residents',
    sensitivity: 'standard',
    quick_exit: 'default',
    signposting_intro: '',
    contacts: []
  };

  it('shows the defaults of a survey without settings', () => {
    expect(settingsOf(fixture())).toEqual(blank);
  });

  it('shows the default-language text of translated settings', () => {
    const def = translated();
    def.audience = 'organisations';
    def.sensitivity = 'sensitive';
    def.quick_exit = false;
    expect(settingsOf(def)).toEqual({
      title: 'Survey',
      intro: 'Intro',
      content_note: 'Note',
      thank_you: 'Thanks',
      audience: 'organisations',
      sensitivity: 'sensitive',
      quick_exit: 'off',
      signposting_intro: 'Help',
      contacts: [{ name: 'Line', description: 'Desc', phone: '0800 123', url: '' }]
    });
  });

  it('applies every setting', () => {
    const def = fixture();
    const next = pure(def, (d) =>
      applySettings(d, {
        title: ' New title ',
        intro: 'Hello',
        content_note: 'Careful',
        thank_you: 'Thank you',
        audience: 'organisations',
        sensitivity: 'sensitive',
        quick_exit: 'on',
        signposting_intro: 'If you need help',
        contacts: [
          { name: 'Samaritans', description: 'Any time', phone: ' 116 123 ', url: ' https://www.samaritans.org ' },
          { name: '', description: '', phone: '', url: '' },
          { name: 'Shelter', description: '', phone: '', url: '' }
        ]
      })
    );
    expect(next).toEqual({
      ...def,
      title: 'New title',
      intro: 'Hello',
      content_note: 'Careful',
      thank_you: 'Thank you',
      audience: 'organisations',
      sensitivity: 'sensitive',
      quick_exit: true,
      signposting: {
        intro: 'If you need help',
        contacts: [{ name: 'Samaritans', description: 'Any time', phone: '116 123', url: 'https://www.samaritans.org' }, { name: 'Shelter' }]
      }
    });
    expectValid(next);
    expect(applySettings(next, blank)).toEqual(def);
  });

  it('round-trips a survey’s own settings unchanged', () => {
    const def = translated();
    def.quick_exit = true;
    def.audience = 'organisations';
    expect(pure(def, (d) => applySettings(d, settingsOf(d)))).toEqual(def);
    expect(applySettings(fixture(), settingsOf(fixture()))).toEqual(fixture());
  });

  it('keeps translations of the texts it keeps, and drops the removed ones', () => {
    const def = translated();
    def.signposting!.contacts.push({ name: { en: 'Second', cy: 'Ail' }, url: 'https://example.org' });
    const s = settingsOf(def);
    s.title = 'Survey 2';
    s.thank_you = '';
    s.contacts[0] = { name: '', description: '', phone: '', url: '' };
    s.contacts[1].description = 'New';
    const next = pure(def, (d) => applySettings(d, s));
    expect(next.title).toEqual({ en: 'Survey 2', cy: 'Arolwg' });
    expect(next).not.toHaveProperty('thank_you');
    expect(next.signposting).toEqual({ intro: 'Help', contacts: [{ name: { en: 'Second', cy: 'Ail' }, url: 'https://example.org', description: 'New' }] });
    expectValid(next);
  });

  it('removes the support section when every contact is blank', () => {
    const def = translated();
    const s = settingsOf(def);
    s.contacts = [{ name: ' ', description: '', phone: '', url: '' }];
    const next = applySettings(def, s);
    expect(next).not.toHaveProperty('signposting');
    expectValid(next);
  });

  it('sets quick exit off, and back to the default', () => {
    const off = applySettings(fixture(), { ...blank, quick_exit: 'off' });
    expect(off.quick_exit).toBe(false);
    expect(applySettings(off, { ...blank, quick_exit: 'default' })).not.toHaveProperty('quick_exit');
  });

  it('refuses a blank title', () => {
    const e = refused(fixture(), (d) => applySettings(d, { ...blank, title: '  ' }));
    expect([e.message, e.path]).toEqual(['Enter a title for the survey', 'title']);
  });
});

describe('toClauses and fromClauses', () => {
  const yes: Condition = { question: 'ok', in: ['yes'] };
  const notB: Condition = { not: { question: 'pick', in: ['b', 'c'] } };

  it('has no clauses for no condition', () => {
    expect(toClauses(undefined)).toEqual({ join: 'all', clauses: [] });
    expect(fromClauses('all', [])).toBeUndefined();
    expect(fromClauses('any', [])).toBeUndefined();
  });

  it('reads one clause, negated or not', () => {
    expect(toClauses(yes)).toEqual({ join: 'all', clauses: [{ question: 'ok', in: ['yes'], negate: false }] });
    expect(toClauses(notB)).toEqual({ join: 'all', clauses: [{ question: 'pick', in: ['b', 'c'], negate: true }] });
  });

  it('reads a flat all or any', () => {
    expect(toClauses({ all: [yes, notB] })).toEqual({
      join: 'all',
      clauses: [
        { question: 'ok', in: ['yes'], negate: false },
        { question: 'pick', in: ['b', 'c'], negate: true }
      ]
    });
    expect(toClauses({ any: [notB, yes] })).toEqual({
      join: 'any',
      clauses: [
        { question: 'pick', in: ['b', 'c'], negate: true },
        { question: 'ok', in: ['yes'], negate: false }
      ]
    });
  });

  it('gives null for conditions nested deeper than clauses', () => {
    expect(toClauses({ all: [yes, { any: [yes, notB] }] })).toBeNull();
    expect(toClauses({ not: { all: [yes] } })).toBeNull();
    expect(toClauses({ not: { not: yes } })).toBeNull();
    expect(toClauses({ any: [{ not: { any: [yes] } }] })).toBeNull();
  });

  it('round-trips every flat condition', () => {
    for (const c of [yes, notB, { all: [yes, notB] }, { any: [yes, notB, yes] }] as Condition[]) {
      const flat = toClauses(c)!;
      expect(fromClauses(flat.join, flat.clauses)).toEqual(c);
    }
  });

  it('builds a condition from clauses', () => {
    const a = { question: 'pick', in: ['a'], negate: false };
    const n = { question: 'ok', in: ['no'], negate: true };
    expect(fromClauses('any', [a])).toEqual({ question: 'pick', in: ['a'] });
    expect(fromClauses('all', [n])).toEqual({ not: { question: 'ok', in: ['no'] } });
    expect(fromClauses('all', [a, n])).toEqual({ all: [{ question: 'pick', in: ['a'] }, { not: { question: 'ok', in: ['no'] } }] });
    expect(fromClauses('any', [a, n])).toEqual({ any: [{ question: 'pick', in: ['a'] }, { not: { question: 'ok', in: ['no'] } }] });
  });
});

describe('copyQuestion', () => {
  it('puts a copy just after the original, with a new id that avoids published ones, and "(copy)" after its wording', () => {
    const def = structuredClone(everyType) as SurveyDefinition;
    const before = structuredClone(def);
    const { definition, id } = copyQuestion(def, 'pick', new Set(['pick_copy']));
    expect(def).toEqual(before);
    expect(id).toBe('pick_copy_2');
    const ids = definition.pages[0].questions.map((q) => q.id);
    expect(ids.slice(0, 3)).toEqual(['pick', 'pick_copy_2', 'why_b']);
    const copied = definition.pages[0].questions[1];
    expect(copied).toEqual({ ...def.pages[0].questions[0], id: 'pick_copy_2', title: 'Pick one (copy)' });
    expect(parseDefinition(definition).ok).toBe(true);
  });
});
