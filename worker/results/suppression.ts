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
