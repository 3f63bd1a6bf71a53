import { describe, expect, it } from 'vitest';
import { AMBITIONS, ITEMS, LEVEL_DESCRIPTORS, isItemCode, rollUp, type Level, type Scores } from '../../schema/ambitions';
import { DEMO_SCORES, demoScores } from '../../worker/seed/ambitions';

const codesOf = (n: number) => ITEMS.filter((i) => i.ambition === n).map((i) => i.code);
/** Give every item of ambition n the levels in order (null: unscored). */
function scoresFor(n: number, levels: (Level | null)[]): Scores {
  const codes = codesOf(n);
  return Object.fromEntries(levels.map((l, i) => [codes[i], l]));
}

describe('the template', () => {
  it('has six ambitions with the document’s item counts and unique codes', () => {
    expect(AMBITIONS.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([1, 2, 3, 4, 5, 6].map((n) => codesOf(n).length)).toEqual([19, 6, 16, 23, 7, 4]);
    expect(new Set(ITEMS.map((i) => i.code)).size).toBe(ITEMS.length);
    expect(isItemCode('1.1.4')).toBe(true);
    expect(isItemCode('1.6.1')).toBe(false); // a lead-in for 1.6.2-1.6.4, not an item
    expect(isItemCode('4.1.2h')).toBe(true);
    expect(isItemCode('9.9.9')).toBe(false);
  });
  it('describes levels 0-5', () => {
    expect(Object.keys(LEVEL_DESCRIPTORS)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(LEVEL_DESCRIPTORS[3]).toMatch(/one or two organisations/);
  });
});

describe('rollUp', () => {
  it('counts unscored items in the denominator and at no level', () => {
    // Ambition 6 has 4 items: levels 1, 3, unscored, 5.
    const a6 = rollUp(scoresFor(6, [1, 3, null, 5]))[5];
    expect(a6).toMatchObject({ items: 4, scored: 3, counts: [0, 1, 0, 1, 0, 1], percent: [0, 25, 0, 25, 0, 25], atLeast3: 2, atLeast3Percent: 50 });
  });
  it('treats items missing from the scores as unscored', () => {
    const all = rollUp({});
    expect(all.map((a) => a.scored)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(all[0].percent).toEqual([0, 0, 0, 0, 0, 0]);
    expect(all[0].atLeast3Percent).toBe(0);
  });
  it('rounds each share to one decimal, halves up, and adds the rounded shares for level 3 and above', () => {
    // Ambition 2 (6 items): 1 at 3, 1 at 4, 1 at 5, 3 unscored → 16.7 each; 3 or above: 16.7 * 3 = 50.1 (not 50.0).
    const a2 = rollUp(scoresFor(2, [3, 4, 5, null, null, null]))[1];
    expect(a2.percent).toEqual([0, 0, 0, 16.7, 16.7, 16.7]);
    expect(a2.atLeast3).toBe(3);
    expect(a2.atLeast3Percent).toBe(50.1);
    // Ambition 3 (16 items): 1 of 16 = 6.25 → 6.3 (half up).
    const a3 = rollUp(scoresFor(3, [0]))[2];
    expect(a3.percent[0]).toBe(6.3);
  });
  it('ignores scores for codes that are not items', () => {
    expect(rollUp({ '1.6.1': 5, '9.9.9': 3 }).map((a) => a.scored)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('the demo assessment', () => {
  it('covers every item exactly once', () => {
    expect(DEMO_SCORES.map(([c]) => c).sort()).toEqual(ITEMS.map((i) => i.code).sort());
    expect(DEMO_SCORES.filter(([, l]) => l === null).map(([c]) => c)).toEqual(['1.1.1', '1.1.3', '4.4.1', '4.4.4']);
  });
  it('reproduces the document’s summary table', () => {
    const r = rollUp(demoScores());
    // The document's detailed summary table (levels 0-5), to one decimal.
    expect(r.map((a) => a.percent)).toEqual([
      [10.5, 5.3, 15.8, 52.6, 5.3, 0.0],
      [0.0, 0.0, 66.7, 33.3, 0.0, 0.0],
      [0.0, 12.5, 12.5, 25.0, 37.5, 12.5],
      [0.0, 0.0, 26.1, 39.1, 21.7, 4.3],
      [0.0, 0.0, 57.1, 42.9, 0.0, 0.0],
      [25.0, 50.0, 0.0, 25.0, 0.0, 0.0]
    ]);
    // "% at level 3 & above" from the first table: 57.9, 33.3, 75, 65.1 (sum of rounded shares), 42.9, 25.
    expect(r.map((a) => a.atLeast3Percent)).toEqual([57.9, 33.3, 75, 65.1, 42.9, 25]);
    expect(r.map((a) => [a.scored, a.items])).toEqual([
      [17, 19],
      [6, 6],
      [16, 16],
      [21, 23],
      [7, 7],
      [4, 4]
    ]);
  });
});
