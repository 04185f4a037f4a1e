/** Counts under this are never published in the transparency report. */
export const MIN_PUBLISHED_COUNT = 5;

/** Why a count is withheld: it is under the threshold, or it would give away one that is. */
export type SuppressionReason = 'fewer-than-5' | 'protects-another-cell';

/** A published count: the number, or null with `suppressed: true` (and why) when it could identify people. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
  reason?: SuppressionReason;
}

const WITHHELD_SMALL: PublishedCount = { count: null, suppressed: true, reason: 'fewer-than-5' };
const WITHHELD_SECONDARY: PublishedCount = { count: null, suppressed: true, reason: 'protects-another-cell' };

/**
 * Small-cell suppression of one breakdown (cells that add up to a published total):
 * 1. primary: every count from 1 to 4 is withheld (zero cells are not listed at all);
 * 2. secondary: if exactly one cell was withheld, the smallest other cell is withheld too, so the
 *    withheld one cannot be recovered by subtracting the others from the total.
 */
export function suppressCells(cells: Record<string, number>): Record<string, PublishedCount> {
  const entries = Object.entries(cells).filter(([, n]) => n > 0);
  const small = new Set(entries.filter(([, n]) => n < MIN_PUBLISHED_COUNT).map(([k]) => k));
  let secondary: string | undefined;
  if (small.size === 1) {
    secondary = entries.filter(([k]) => !small.has(k)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  }
  return Object.fromEntries(
    entries.map(([k, n]) => [
      k,
      small.has(k) ? { ...WITHHELD_SMALL } : k === secondary ? { ...WITHHELD_SECONDARY } : { count: n, suppressed: false },
    ]),
  );
}

/** A single published count (a total): withheld when under the threshold but not zero. */
export function publishCount(n: number): PublishedCount {
  return n > 0 && n < MIN_PUBLISHED_COUNT ? { ...WITHHELD_SMALL } : { count: n, suppressed: false };
}

/** A published share: withheld (null) when its denominator is under the threshold. */
export function publishShare(numerator: number, denominator: number): { value: number | null; suppressed: boolean } {
  if (denominator < MIN_PUBLISHED_COUNT) return { value: null, suppressed: denominator > 0 };
  return { value: Math.round((numerator / denominator) * 10_000) / 10_000, suppressed: false };
}
