import { describe, expect, it } from 'vitest';
import { nextPage, previousPage, visibleIds, type Answers } from '../../schema/answers';
import { dependencies, evaluate, type ChoiceMap } from '../../schema/logic';
import { parseDefinition, type Condition, type SurveyDefinition } from '../../schema/survey-definition';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';

const chosen: ChoiceMap = { colour: ['red'], pets: ['cat', 'dog'], score: ['7'], consent: ['agreed'] };

describe('evaluate', () => {
  it('treats no condition as always shown', () => {
    expect(evaluate(undefined, {})).toBe(true);
  });

  it('matches a leaf when any chosen option is listed', () => {
    expect(evaluate({ question: 'colour', in: ['red'] }, chosen)).toBe(true);
    expect(evaluate({ question: 'colour', in: ['blue', 'red'] }, chosen)).toBe(true);
    expect(evaluate({ question: 'colour', in: ['blue'] }, chosen)).toBe(false);
    expect(evaluate({ question: 'pets', in: ['dog'] }, chosen)).toBe(true);
    expect(evaluate({ question: 'pets', in: ['fish'] }, chosen)).toBe(false);
    expect(evaluate({ question: 'score', in: ['7', '8'] }, chosen)).toBe(true);
    expect(evaluate({ question: 'score', in: ['6'] }, chosen)).toBe(false);
  });

  it('requires every part of "all"', () => {
    expect(evaluate({ all: [{ question: 'colour', in: ['red'] }, { question: 'pets', in: ['cat'] }] }, chosen)).toBe(true);
    expect(evaluate({ all: [{ question: 'colour', in: ['red'] }, { question: 'pets', in: ['fish'] }] }, chosen)).toBe(false);
  });

  it('requires one part of "any"', () => {
    expect(evaluate({ any: [{ question: 'colour', in: ['blue'] }, { question: 'pets', in: ['cat'] }] }, chosen)).toBe(true);
    expect(evaluate({ any: [{ question: 'colour', in: ['blue'] }, { question: 'pets', in: ['fish'] }] }, chosen)).toBe(false);
  });

  it('inverts with "not"', () => {
    expect(evaluate({ not: { question: 'colour', in: ['red'] } }, chosen)).toBe(false);
    expect(evaluate({ not: { question: 'colour', in: ['blue'] } }, chosen)).toBe(true);
    expect(evaluate({ not: { not: { question: 'colour', in: ['red'] } } }, chosen)).toBe(true);
  });

  it('evaluates nested conditions', () => {
    const c: Condition = {
      all: [
        { any: [{ question: 'colour', in: ['blue'] }, { question: 'score', in: ['7'] }] },
        { not: { question: 'pets', in: ['fish'] } }
      ]
    };
    expect(evaluate(c, chosen)).toBe(true);
    expect(evaluate(c, { ...chosen, pets: ['fish'] })).toBe(false);
    expect(evaluate(c, { ...chosen, score: ['3'] })).toBe(false);
    expect(evaluate(c, { ...chosen, score: ['3'], colour: ['blue'] })).toBe(true);
  });

  it('lets an unanswered question match nothing, so "not" of it is true', () => {
    expect(evaluate({ question: 'missing', in: ['a'] }, chosen)).toBe(false);
    expect(evaluate({ question: 'missing', in: ['a'] }, { missing: undefined })).toBe(false);
    expect(evaluate({ question: 'missing', in: ['a'] }, { missing: [] })).toBe(false);
    expect(evaluate({ not: { question: 'missing', in: ['a'] } }, chosen)).toBe(true);
    expect(evaluate({ any: [{ question: 'missing', in: ['a'] }] }, {})).toBe(false);
    expect(evaluate({ all: [{ not: { question: 'missing', in: ['a'] } }] }, {})).toBe(true);
  });
});

describe('dependencies', () => {
  it('is empty for no condition', () => {
    expect(dependencies(undefined)).toEqual(new Set());
  });

  it('collects every question a nested condition names, once each', () => {
    const c: Condition = {
      any: [
        { question: 'a', in: ['1'] },
        { all: [{ question: 'b', in: ['x'] }, { not: { question: 'c', in: ['y'] } }] },
        { question: 'a', in: ['2'] }
      ]
    };
    expect(dependencies(c)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('adds to a given set', () => {
    const into = new Set(['z']);
    const out = dependencies({ question: 'a', in: ['1'] }, into);
    expect(out).toBe(into);
    expect(out).toEqual(new Set(['z', 'a']));
  });
});

function define(input: unknown): SurveyDefinition {
  const r = parseDefinition(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

const yesNo = (id: string, show_if?: Condition) => ({ id, type: 'yes_no', title: id, ...(show_if ? { show_if } : {}) });

describe('visibleIds', () => {
  it('hides why_b unless pick is b (everyType)', () => {
    const all = everyType.pages.flatMap((p) => p.questions.map((q) => q.id));
    expect(visibleIds(everyType, everyTypeAnswers)).toEqual(new Set(all));
    const withA = visibleIds(everyType, { ...everyTypeAnswers, pick: { option: 'a' } });
    expect(withA.has('why_b')).toBe(false);
    expect(withA.size).toBe(all.length - 1);
    expect(visibleIds(everyType, {}).has('why_b')).toBe(false);
  });

  it('cascades: an answer to a hidden question does not count', () => {
    const def = define({
      format: 1,
      title: 'Cascade',
      pages: [
        {
          id: 'p',
          questions: [
            yesNo('q1'),
            yesNo('q2', { question: 'q1', in: ['yes'] }),
            yesNo('q3', { question: 'q2', in: ['yes'] }),
            yesNo('q4', { not: { question: 'q2', in: ['yes'] } })
          ]
        }
      ]
    });
    // q2 was answered "yes" while q1 was "yes"; q1 is now "no", so q2 is hidden, and so is q3.
    const answers: Answers = { q1: 'no', q2: 'yes', q3: 'yes' };
    expect(visibleIds(def, answers)).toEqual(new Set(['q1', 'q4']));
    expect(visibleIds(def, { ...answers, q1: 'yes' })).toEqual(new Set(['q1', 'q2', 'q3']));
  });
});

describe('nextPage and previousPage', () => {
  const def = define({
    format: 1,
    title: 'Three pages',
    pages: [
      { id: 'first', questions: [yesNo('gate')] },
      {
        id: 'middle',
        questions: [yesNo('m1', { question: 'gate', in: ['yes'] }), { ...yesNo('m2', { question: 'gate', in: ['yes'] }), required: true }]
      },
      { id: 'last', questions: [yesNo('end')] }
    ]
  });

  it('skips a page whose questions are all hidden', () => {
    expect(nextPage(def, { gate: 'no' }, 0)).toBe(2);
    expect(nextPage(def, {}, 0)).toBe(2);
    expect(previousPage(def, { gate: 'no' }, 2)).toBe(0);
  });

  it('stops on the page when a question on it is shown', () => {
    expect(nextPage(def, { gate: 'yes' }, 0)).toBe(1);
    expect(nextPage(def, { gate: 'yes' }, 1)).toBe(2);
    expect(previousPage(def, { gate: 'yes' }, 2)).toBe(1);
    expect(previousPage(def, { gate: 'yes' }, 1)).toBe(0);
  });

  it('returns -1 past either end', () => {
    expect(nextPage(def, { gate: 'yes' }, 2)).toBe(-1);
    expect(previousPage(def, { gate: 'yes' }, 0)).toBe(-1);
  });

  it('returns -1 when every later page is hidden', () => {
    const twoPages = define({
      format: 1,
      title: 'Two pages',
      pages: [
        { id: 'first', questions: [yesNo('gate')] },
        { id: 'second', questions: [yesNo('s', { question: 'gate', in: ['yes'] })] }
      ]
    });
    expect(nextPage(twoPages, { gate: 'no' }, 0)).toBe(-1);
    expect(nextPage(twoPages, { gate: 'yes' }, 0)).toBe(1);
  });

  it('moves through everyType one page at a time', () => {
    expect(nextPage(everyType, everyTypeAnswers, 0)).toBe(1);
    expect(nextPage(everyType, everyTypeAnswers, 1)).toBe(-1);
    expect(previousPage(everyType, everyTypeAnswers, 1)).toBe(0);
  });
});
