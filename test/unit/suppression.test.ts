import { describe, expect, it } from 'vitest';
import { suppressGroup, suppressTable, withheldGroups, type Figure } from '../../worker/results/suppression';

const hidden: Figure = { count: null, percent: null, suppressed: true };
const shown = (count: number, percent: number | null): Figure => ({ count, percent, suppressed: false });

describe('suppressGroup', () => {
  it('hides counts 1..min-1 but not 0 or min and above (non-additive)', () => {
    const counts = [0, 1, 2, 3, 4, 5, 6];
    const figures = suppressGroup(counts, 100, 5, false);
    expect(figures.map((f) => f.suppressed)).toEqual([false, true, true, true, true, false, false]);
    expect(figures[0]).toEqual(shown(0, 0));
    expect(figures[1]).toEqual(hidden);
    expect(figures[5]).toEqual(shown(5, 5));
  });

  it('respects the minimum it is given', () => {
    expect(suppressGroup([9, 10, 50], 100, 10, false).map((f) => f.suppressed)).toEqual([true, false, false]);
    expect(suppressGroup([4, 5, 50], 100, 5, false).map((f) => f.suppressed)).toEqual([true, false, false]);
  });

  it('shows every non-zero count when none is small', () => {
    expect(suppressGroup([10, 0, 20], 30, 5)).toEqual([shown(10, 33.3), shown(0, 0), shown(20, 66.7)]);
  });

  it('rounds percentages to one decimal place', () => {
    expect(suppressGroup([10, 20, 30], 60, 5).map((f) => f.percent)).toEqual([16.7, 33.3, 50]);
    expect(suppressGroup([7], 9, 5, false)[0].percent).toBe(77.8);
    expect(suppressGroup([200, 1000], 1000, 5, false)[0].percent).toBe(20);
    expect(suppressGroup([5], 8, 5, false)[0].percent).toBe(62.5);
  });

  it('hides the next smallest non-zero cell when exactly one is hidden in an additive group', () => {
    const figures = suppressGroup([0, 3, 12, 10, 20], 45, 5);
    expect(figures).toEqual([shown(0, 0), hidden, shown(12, 26.7), hidden, shown(20, 44.4)]);
  });

  it('does not add complementary suppression for a non-additive group', () => {
    const figures = suppressGroup([0, 3, 12, 10, 20], 45, 5, false);
    expect(figures).toEqual([shown(0, 0), hidden, shown(12, 26.7), shown(10, 22.2), shown(20, 44.4)]);
  });

  it('does not add complementary suppression when two or more cells are already hidden', () => {
    const figures = suppressGroup([3, 4, 10, 20], 37, 5);
    expect(figures.map((f) => f.suppressed)).toEqual([true, true, false, false]);
  });

  it('hides everything when the total is below the minimum', () => {
    expect(suppressGroup([2, 1, 0], 3, 5)).toEqual([hidden, hidden, hidden]);
    expect(suppressGroup([4, 0], 4, 5, false)).toEqual([hidden, hidden]);
    // At the minimum exactly, nothing is hidden just for the total.
    expect(suppressGroup([5, 0], 5, 5)).toEqual([shown(5, 100), shown(0, 0)]);
  });

  it('shows zeros with no percentage when there is no one at all', () => {
    expect(suppressGroup([0, 0], 0, 5)).toEqual([shown(0, null), shown(0, null)]);
  });

  it('returns one figure per count', () => {
    expect(suppressGroup([], 10, 5)).toEqual([]);
    expect(suppressGroup([1, 2, 3, 4, 5, 6, 7, 8], 100, 5)).toHaveLength(8);
  });
});

import { medianIndex } from '../../worker/results/service';

describe('medianIndex', () => {
  it('finds the lower median of ordered counts', () => {
    expect(medianIndex([0, 0, 0])).toBe(-1);
    expect(medianIndex([1, 0, 0])).toBe(0);
    expect(medianIndex([1, 1])).toBe(0);
    expect(medianIndex([1, 1, 1])).toBe(1);
    expect(medianIndex([5, 0, 0, 6])).toBe(3);
    expect(medianIndex([0, 2, 2, 0])).toBe(1);
  });
});

describe('withheldGroups', () => {
  it('withholds groups below the minimum, and the smallest shown group when the withheld ones are too few together', () => {
    expect(withheldGroups(new Map([['a', 30], ['b', 6], ['c', 2]]), 5)).toEqual(new Set(['c', 'b']));
    expect(withheldGroups(new Map([['a', 30], ['b', 6], ['c', 2], ['d', 3]]), 5)).toEqual(new Set(['c', 'd']));
    expect(withheldGroups(new Map([['a', 30], ['b', 0]]), 5)).toEqual(new Set());
    expect(withheldGroups(new Map([['a', 19], ['b', 1]]), 5)).toEqual(new Set(['a', 'b']));
  });
});

describe('suppressTable', () => {
  it('hides small cells and, along every line that adds up, one more so none can be subtracted out', () => {
    // Rows and columns both add up (one answer each to both questions).
    const cells = [
      [20, 3, 10],
      [15, 12, 9],
      [8, 7, 30]
    ];
    const rows = cells.map((r) => r.reduce((a, b) => a + b, 0));
    const columns = cells[0].map((_, j) => cells.reduce((a, r) => a + r[j], 0));
    const t = suppressTable(cells, { rows, columns, all: rows.reduce((a, b) => a + b, 0) }, 5, { rowsAdd: true, columnsAdd: true });
    const hidden = t.cells.map((r) => r.map((f) => f.suppressed));
    expect(hidden[0][1]).toBe(true);
    // No row or column with exactly one hidden cell (and its total shown).
    for (let i = 0; i < 3; i++) {
      const inRow = hidden[i].filter(Boolean).length + (t.rows[i].suppressed ? 1 : 0);
      expect(inRow === 0 || inRow >= 2).toBe(true);
      const inColumn = hidden.map((r) => r[i]).filter(Boolean).length + (t.columns[i].suppressed ? 1 : 0);
      expect(inColumn === 0 || inColumn >= 2).toBe(true);
    }
    // Shown cells carry their share of the row.
    expect(t.cells[2][2]).toEqual({ count: 30, percent: 66.7, suppressed: false });
  });

  it('hides everything when the whole table is below the minimum', () => {
    const t = suppressTable([[2, 1]], { rows: [3], columns: [2, 1], all: 3 }, 5, { rowsAdd: true, columnsAdd: true });
    expect(t.all.suppressed).toBe(true);
    expect(t.cells[0].every((f) => f.suppressed)).toBe(true);
  });
});
