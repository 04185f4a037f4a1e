/** Counts under this are never published in the transparency report. */
export const MIN_PUBLISHED_COUNT = 5;

/**
 * Why a count is withheld: it is under the threshold; or it would give another away (in a month), or
 * it is withheld in one of its months (in a quarter or year: its value may then be of any size).
 */
export type SuppressionReason = 'fewer-than-5' | 'protects-another-cell';

/** A published count: the number, or null with `suppressed: true` (and why) when it could identify people. */
export interface PublishedCount {
  count: number | null;
  suppressed: boolean;
  reason?: SuppressionReason;
}

/** One breakdown as published: its cells, or none at all (`withheld`) when no pattern of withheld cells protects them. */
export interface PublishedBreakdown {
  cells: Record<string, PublishedCount>;
  withheld: boolean;
}

export const WITHHELD_SMALL: PublishedCount = { count: null, suppressed: true, reason: 'fewer-than-5' };
export const WITHHELD_SECONDARY: PublishedCount = { count: null, suppressed: true, reason: 'protects-another-cell' };

/**
 * What a reader can know of a total: its value when published; when withheld (1-4), at least as many
 * as the cells listed in any breakdown of it (each at least 1) and at most 4.
 */
export function knownTotal(total: number, cellCounts: number[]): [number, number] {
  if (total === 0 || total >= MIN_PUBLISHED_COUNT) return [total, total];
  return [Math.max(1, ...cellCounts), MIN_PUBLISHED_COUNT - 1];
}

/** The number of cells a breakdown lists (its non-zero cells). */
export const listedCells = (cells: Record<string, number>) => Object.values(cells).filter((n) => n > 0).length;

/**
 * Small-cell suppression of one breakdown whose cells add up to `total`, as far as a reader can know
 * it (knownTotal; undefined when the cells add up to nothing published):
 * 1. primary: every count from 1 to 4 is withheld (zero cells are not listed at all);
 * 2. secondary: while some withheld cell could be worked out from the total, the published cells and
 *    what the reasons tell (1-4; at least 5 and at most the smallest published cell), the smallest
 *    published cell is withheld too;
 * 3. when even all cells withheld would give one away (a total of 6 made of 1 and 5, of 8 made of 4
 *    and 4), the breakdown is withheld whole: no cells, not even their keys.
 */
export function suppressCells(cells: Record<string, number>, total?: [number, number]): PublishedBreakdown {
  const entries = Object.entries(cells).filter(([, n]) => n > 0);
  const small = new Set(entries.filter(([, n]) => n < MIN_PUBLISHED_COUNT).map(([k]) => k));
  const secondary = new Set<string>();
  const published = () => entries.filter(([k]) => !small.has(k) && !secondary.has(k)).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  while (small.size > 0 && someRecoverable(entries, small, secondary, total)) {
    const next = published()[0];
    if (!next) return { cells: {}, withheld: true };
    secondary.add(next[0]);
  }
  return {
    cells: Object.fromEntries(
      entries.map(([k, n]) => [
        k,
        small.has(k) ? { ...WITHHELD_SMALL } : secondary.has(k) ? { ...WITHHELD_SECONDARY } : { count: n, suppressed: false },
      ]),
    ),
    withheld: false,
  };
}

/**
 * Whether one withheld cell's value is fixed by what is published: each withheld cell lies between
 * bounds its reason gives, and (when the total is known) they add up to the total less the published
 * cells, which narrows each to [sum - others' highest, sum - others' lowest] (the sum itself within
 * the total's bounds less the published cells).
 */
function someRecoverable(
  entries: [string, number][],
  small: Set<string>,
  secondary: Set<string>,
  total: [number, number] | undefined,
): boolean {
  const open = entries.filter(([k]) => !small.has(k) && !secondary.has(k)).map(([, n]) => n);
  const highestSecondary = open.length ? Math.min(...open) : Infinity;
  const bounds = entries
    .filter(([k]) => small.has(k) || secondary.has(k))
    .map(([k]) => (small.has(k) ? [1, MIN_PUBLISHED_COUNT - 1] : [MIN_PUBLISHED_COUNT, highestSecondary]));
  if (bounds.some(([lo, hi]) => lo === hi)) return true;
  if (total === undefined) return false;
  const published = open.reduce((a, n) => a + n, 0);
  const [sumLow, sumHigh] = [total[0] - published, total[1] - published];
  const lowSum = bounds.reduce((a, [lo]) => a + lo, 0);
  const finiteHighSum = bounds.reduce((a, [, hi]) => (hi === Infinity ? a : a + hi), 0);
  const unbounded = bounds.filter(([, hi]) => hi === Infinity).length;
  return bounds.some(([lo, hi]) => {
    const othersHigh = unbounded - (hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHighSum - (hi === Infinity ? 0 : hi);
    return Math.max(lo, sumLow - othersHigh) >= Math.min(hi, sumHigh - (lowSum - lo));
  });
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
