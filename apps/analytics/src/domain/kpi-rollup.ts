import type { ComplaintFact } from './complaint-fact';
import { addHistograms, durationBucket, Histogram, histogramOf, trimmed } from './duration-histogram';
import { addCounters, contribution, COUNTER_NAMES, isZero, KpiCounters, zeroCounters } from './kpi-counters';
import { ROLLUP_DIMENSIONS, RollupDimension, UNKNOWN_KEY } from './kpi-dimensions';

/**
 * The rollups count complaints per Shanghai day of receipt (grain `day`) and per month (grain `month`,
 * keyed by its first day), department, and one dimension's value: a complaint counts once in each of
 * the dimensions' rows, so a day has as many rows per department as values were seen, whatever the
 * number of complaints. Department is in every key because agents only see their departments.
 */
export type RollupGrain = 'day' | 'month';

export interface RollupKey {
  grain: RollupGrain;
  /** The day of receipt (grain `day`) or the first day of its month (grain `month`), YYYY-MM-DD. */
  day: string;
  department: string;
  dimension: RollupDimension;
  /** The complaint's value of `dimension` (UNKNOWN_KEY while not known). */
  key: string;
}

/** What a rollup row holds: the KPI counters and the histograms of the net times to first feedback and to resolution. */
export interface RollupCell {
  counters: KpiCounters;
  feedbackHistogram: Histogram;
  resolutionHistogram: Histogram;
}

/** What to add to one rollup row (negative parts take a complaint's earlier contribution out). */
export interface RollupDelta extends RollupCell {
  key: RollupKey;
}

export const emptyCell = (): RollupCell => ({ counters: zeroCounters(), feedbackHistogram: [], resolutionHistogram: [] });

export function addCells(a: RollupCell, b: RollupCell, sign: 1 | -1 = 1): RollupCell {
  return {
    counters: addCounters(a.counters, b.counters, sign),
    feedbackHistogram: addHistograms(a.feedbackHistogram, b.feedbackHistogram, sign),
    resolutionHistogram: addHistograms(a.resolutionHistogram, b.resolutionHistogram, sign),
  };
}

export const isEmptyCell = (c: RollupCell) => isZero(c.counters) && c.feedbackHistogram.length === 0 && c.resolutionHistogram.length === 0;

/** The rows a complaint counts in (one per grain and dimension), none while its receipt is unknown. */
export function rollupKeys(f: ComplaintFact): RollupKey[] {
  if (f.receivedDay === null) return [];
  const department = f.department ?? UNKNOWN_KEY;
  const days: [RollupGrain, string][] = [
    ['day', f.receivedDay],
    ['month', `${f.receivedDay.slice(0, 8)}01`],
  ];
  return days.flatMap(([grain, day]) =>
    ROLLUP_DIMENSIONS.map((dimension) => ({ grain, day, department, dimension, key: f[dimension] ?? UNKNOWN_KEY })),
  );
}

/** What one complaint adds to each of its rows. */
export function rollupCell(f: ComplaintFact): RollupCell {
  if (f.receivedDay === null) return emptyCell();
  return { counters: contribution(f), feedbackHistogram: histogramOf(f.feedbackMs), resolutionHistogram: histogramOf(f.resolutionMs) };
}

const keyId = (k: RollupKey) => [k.dimension, k.grain, k.day, k.department, k.key].join('\u0000');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rollup deltas summed per row: complaints' contributions moved in (+1) or out (-1). */
export class RollupSums {
  private readonly rows = new Map<string, RollupDelta>();

  add(fact: ComplaintFact, sign: 1 | -1 = 1): this {
    const counters = contribution(fact);
    const feedbackBucket = fact.feedbackMs === null ? null : durationBucket(fact.feedbackMs);
    const resolutionBucket = fact.resolutionMs === null ? null : durationBucket(fact.resolutionMs);
    for (const key of rollupKeys(fact)) {
      const id = keyId(key);
      let row = this.rows.get(id);
      if (!row) this.rows.set(id, (row = { key, ...emptyCell() }));
      // Summed in place (the cell of rollupCell, without building it per row): a complaint counts in 18 rows.
      for (const name of COUNTER_NAMES) row.counters[name] += sign * counters[name];
      if (feedbackBucket !== null) count(row.feedbackHistogram, feedbackBucket, sign);
      if (resolutionBucket !== null) count(row.resolutionHistogram, resolutionBucket, sign);
    }
    return this;
  }

  /** The rows that change, in one fixed key order (writers lock rows in this order). */
  deltas(): RollupDelta[] {
    return [...this.rows.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, d]) => ({ ...d, feedbackHistogram: trimmed(d.feedbackHistogram), resolutionHistogram: trimmed(d.resolutionHistogram) }))
      .filter((d) => !isEmptyCell(d));
  }
}

function count(h: number[], bucket: number, sign: 1 | -1): void {
  while (h.length <= bucket) h.push(0);
  h[bucket] += sign;
}

export interface DayRange {
  from: string;
  to: string;
}

/** Days `fromDay` to `toDay` as rollup rows cover them: whole months from the month rows, the days around them from the day rows. */
export interface RollupSpans {
  leadingDays: DayRange | null;
  /** First days of the first and the last whole month. */
  months: DayRange | null;
  trailingDays: DayRange | null;
}

const dayOffset = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
const firstOfNextMonth = (day: string) => {
  const d = new Date(Date.parse(`${firstOfMonth(day)}T00:00:00Z`));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

export function rollupSpans(fromDay: string, toDay: string): RollupSpans {
  const firstWhole = fromDay.endsWith('-01') ? fromDay : firstOfNextMonth(fromDay);
  const afterLastWhole = firstOfMonth(dayOffset(toDay, 1));
  if (firstWhole >= afterLastWhole) return { leadingDays: { from: fromDay, to: toDay }, months: null, trailingDays: null };
  const lastWholeEnd = dayOffset(afterLastWhole, -1);
  return {
    leadingDays: fromDay < firstWhole ? { from: fromDay, to: dayOffset(firstWhole, -1) } : null,
    months: { from: firstWhole, to: firstOfMonth(lastWholeEnd) },
    trailingDays: toDay > lastWholeEnd ? { from: afterLastWhole, to: toDay } : null,
  };
}
