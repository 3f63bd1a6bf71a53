/**
 * Small-number suppression, in one place. A figure based on fewer people than the
 * survey's minimum group size is never shown: it reads "fewer than N". Where exactly one
 * cell of a group whose cells add up to a known total is hidden, the next smallest is
 * hidden too, so the hidden one cannot be worked out by subtraction.
 */

/** A count as shown: the number and its share, or null for both with `suppressed` set. */
export type Figure = { count: number | null; percent: number | null; suppressed: boolean };

/**
 * Suppress a group of counts out of `total`. `additive` says the counts add up to the
 * total (single choice, scale, one matrix row), which calls for complementary suppression.
 */
export function suppressGroup(counts: number[], total: number, min: number, additive = true): Figure[] {
  const hidden = counts.map((c) => c > 0 && c < min);
  if (total > 0 && total < min) hidden.fill(true);
  if (additive && hidden.filter(Boolean).length === 1) {
    let next = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && c > 0 && (next === -1 || c < counts[next])) next = i;
    });
    if (next !== -1) hidden[next] = true;
  }
  return counts.map((c, i) =>
    hidden[i]
      ? { count: null, percent: null, suppressed: true }
      : { count: c, percent: total > 0 ? Math.round((c / total) * 1000) / 10 : null, suppressed: false }
  );
}

/**
 * The groups of one way of dividing people up (by link, area, mode, month, an answer…)
 * that may not be chosen as a filter. A group of fewer than `min` people is withheld; if
 * the withheld groups together hold fewer than `min` people, the smallest group that
 * could be shown is withheld too, so that "everyone minus every group that can be shown"
 * never isolates a small group either.
 */
export function withheldGroups(groups: ReadonlyMap<string, number>, min: number): Set<string> {
  const withheld = new Set<string>();
  let pooled = 0;
  for (const [value, n] of groups)
    if (n > 0 && n < min) {
      withheld.add(value);
      pooled += n;
    }
  if (pooled > 0 && pooled < min) {
    let next: [string, number] | null = null;
    for (const [value, n] of groups) if (n >= min && (!next || n < next[1])) next = [value, n];
    if (next) withheld.add(next[0]);
  }
  return withheld;
}

/**
 * Suppress a two-way table of counts (rows × columns) with its row totals, column totals
 * and grand total. A cell or total from fewer than `min` people is hidden; then, along
 * every line whose cells add up to its total (rows when `rowsAdd`, columns when
 * `columnsAdd`), a line with exactly one hidden entry gets its smallest shown non-zero
 * cell hidden too, repeated until nothing changes, so no hidden figure can be worked out
 * by subtraction.
 */
export function suppressTable(
  cells: number[][],
  totals: { rows: number[]; columns: number[]; all: number },
  min: number,
  additive: { rowsAdd: boolean; columnsAdd: boolean }
): { cells: Figure[][]; rows: Figure[]; columns: Figure[]; all: Figure } {
  const small = (n: number) => n > 0 && n < min;
  const everything = totals.all > 0 && totals.all < min;
  const hidden = cells.map((row) => row.map((c) => everything || small(c)));
  const rowHidden = totals.rows.map((n) => everything || small(n));
  const colHidden = totals.columns.map((n) => everything || small(n));
  /** One line: its entries (a cell or a total) as [value, isHidden, hide]. */
  type Entry = { value: number; hidden: () => boolean; hide: () => void; cell: boolean };
  const lines: Entry[][] = [];
  const cell = (i: number, j: number): Entry => ({ value: cells[i][j], hidden: () => hidden[i][j], hide: () => (hidden[i][j] = true), cell: true });
  if (additive.rowsAdd)
    cells.forEach((row, i) =>
      lines.push([...row.map((_, j) => cell(i, j)), { value: totals.rows[i], hidden: () => rowHidden[i], hide: () => (rowHidden[i] = true), cell: false }])
    );
  if (additive.columnsAdd)
    totals.columns.forEach((_, j) =>
      lines.push([...cells.map((_, i) => cell(i, j)), { value: totals.columns[j], hidden: () => colHidden[j], hide: () => (colHidden[j] = true), cell: false }])
    );
  // Row totals add up to the grand total when each person is in one row (columnsAdd), and likewise columns.
  const all = { value: totals.all, hidden: () => everything, hide: () => undefined, cell: false };
  if (additive.columnsAdd)
    lines.push([...totals.rows.map((n, i) => ({ value: n, hidden: () => rowHidden[i], hide: () => (rowHidden[i] = true), cell: false })), all]);
  if (additive.rowsAdd)
    lines.push([...totals.columns.map((n, j) => ({ value: n, hidden: () => colHidden[j], hide: () => (colHidden[j] = true), cell: false })), all]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => e.value > 0 && e.hidden()).length !== 1) continue;
      // Prefer hiding a cell; a total only when no cell is left to hide.
      const candidates = line.filter((e) => e.value > 0 && !e.hidden()).sort((a, b) => Number(b.cell) - Number(a.cell) || a.value - b.value);
      if (candidates.length) {
        candidates[0].hide();
        changed = true;
      }
    }
  }
  const show = (n: number, isHidden: boolean, of: number): Figure =>
    isHidden ? { count: null, percent: null, suppressed: true } : { count: n, percent: of > 0 ? Math.round((n / of) * 1000) / 10 : null, suppressed: false };
  return {
    cells: cells.map((row, i) => row.map((c, j) => show(c, hidden[i][j], rowHidden[i] ? 0 : totals.rows[i]))),
    rows: totals.rows.map((n, i) => show(n, rowHidden[i], totals.all)),
    columns: totals.columns.map((n, j) => show(n, colHidden[j], totals.all)),
    all: show(totals.all, everything, totals.all)
  };
}
