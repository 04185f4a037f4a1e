/** Counts under this are never published in the transparency report. */
export const MIN_PUBLISHED_COUNT = 5;

/** A published count: the number, or null with `suppressed: true` when it could identify people. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
}

/**
 * Small-cell suppression of one breakdown (cells that add up to a published total):
 * 1. primary: every count from 1 to 4 is withheld (zero cells are not listed at all);
 * 2. secondary: if exactly one cell was withheld, the smallest other cell is withheld too, so the
 *    withheld one cannot be recovered by subtracting the others from the total.
 */
export function suppressCells(cells: Record<string, number>): Record<string, PublishedCount> {
  const entries = Object.entries(cells).filter(([, n]) => n > 0);
  const withheld = new Set(entries.filter(([, n]) => n < MIN_PUBLISHED_COUNT).map(([k]) => k));
  if (withheld.size === 1) {
    const next = entries.filter(([k]) => !withheld.has(k)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (next) withheld.add(next[0]);
  }
  return Object.fromEntries(entries.map(([k, n]) => [k, withheld.has(k) ? { count: null, suppressed: true } : { count: n, suppressed: false }]));
}

/** A single published count (a total): withheld when under the threshold but not zero. */
export function publishCount(n: number): PublishedCount {
  return n > 0 && n < MIN_PUBLISHED_COUNT ? { count: null, suppressed: true } : { count: n, suppressed: false };
}

/** A published share: withheld (null) when its denominator is under the threshold. */
export function publishShare(numerator: number, denominator: number): { value: number | null; suppressed: boolean } {
  if (denominator < MIN_PUBLISHED_COUNT) return { value: null, suppressed: denominator > 0 };
  return { value: Math.round((numerator / denominator) * 10_000) / 10_000, suppressed: false };
}
