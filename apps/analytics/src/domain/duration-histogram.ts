import { HOUR_MS } from './complaint-fact';

/**
 * Durations counted in buckets, so that the rollups can hold them and any period's percentiles are
 * sums of small arrays. The buckets: 1 hour wide up to 72 h, 6 hours up to 30 days, a day up to
 * 90 days, 30 days up to 360 days, and one bucket for longer (apps/analytics/KPIS.md).
 */
export const HISTOGRAM_BANDS: readonly { untilHours: number; widthHours: number }[] = [
  { untilHours: 72, widthHours: 1 },
  { untilHours: 30 * 24, widthHours: 6 },
  { untilHours: 90 * 24, widthHours: 24 },
  { untilHours: 360 * 24, widthHours: 30 * 24 },
];

interface Band {
  firstBucket: number;
  fromMs: number;
  untilMs: number;
  widthMs: number;
}

const BANDS: readonly Band[] = HISTOGRAM_BANDS.reduce<Band[]>((bands, b) => {
  const previous = bands[bands.length - 1];
  const fromMs = previous?.untilMs ?? 0;
  const firstBucket = previous ? previous.firstBucket + (previous.untilMs - previous.fromMs) / previous.widthMs : 0;
  return [...bands, { firstBucket, fromMs, untilMs: b.untilHours * HOUR_MS, widthMs: b.widthHours * HOUR_MS }];
}, []);

const LAST_BAND = BANDS[BANDS.length - 1];
/** The bucket of every duration beyond the last band (360 days); it has no upper bound. */
export const OVERFLOW_BUCKET = LAST_BAND.firstBucket + (LAST_BAND.untilMs - LAST_BAND.fromMs) / LAST_BAND.widthMs;

/** Counts per bucket, index = bucket, without trailing zeros (an empty histogram is []). */
export type Histogram = number[];

/** The bucket a duration (milliseconds, not negative) falls in. */
export function durationBucket(ms: number): number {
  const band = BANDS.find((b) => ms < b.untilMs);
  return band ? band.firstBucket + Math.floor((ms - band.fromMs) / band.widthMs) : OVERFLOW_BUCKET;
}

/** A bucket's durations: [fromMs, untilMs), untilMs null for the overflow bucket. */
export function bucketBounds(bucket: number): { fromMs: number; untilMs: number | null } {
  if (bucket >= OVERFLOW_BUCKET) return { fromMs: LAST_BAND.untilMs, untilMs: null };
  const band = [...BANDS].reverse().find((b) => bucket >= b.firstBucket)!;
  const fromMs = band.fromMs + (bucket - band.firstBucket) * band.widthMs;
  return { fromMs, untilMs: fromMs + band.widthMs };
}

/** The same counts without trailing zeros. */
export function trimmed(h: number[]): Histogram {
  let end = h.length;
  while (end > 0 && h[end - 1] === 0) end--;
  return h.slice(0, end);
}

/** The histogram of one duration (or the empty one without it). */
export function histogramOf(ms: number | null): Histogram {
  if (ms === null) return [];
  const h = new Array<number>(durationBucket(ms) + 1).fill(0);
  h[h.length - 1] = 1;
  return h;
}

/** a + sign * b, bucket by bucket (a negative sign takes counts out again). */
export function addHistograms(a: Histogram, b: Histogram, sign: 1 | -1 = 1): Histogram {
  return trimmed(Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + sign * (b[i] ?? 0)));
}

/**
 * The continuous percentile (the definition of percentile_cont, see percentile.ts) of the durations a
 * histogram counts, with the n values of a bucket taken as spread evenly over it (the j-th of n at
 * from + (j + 1/2) * width / n) and those of the overflow bucket as its lower bound. Each value so
 * taken lies in the bucket of the true value of the same rank, so the answer is off by less than the
 * width of the widest bucket holding the one or two ranks it interpolates between.
 */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const total = h.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const valueAtRank = (rank: number): number => {
    let below = 0;
    for (let bucket = 0; bucket < h.length; bucket++) {
      const n = h[bucket];
      if (rank < below + n) {
        const { fromMs, untilMs } = bucketBounds(bucket);
        return untilMs === null ? fromMs : fromMs + ((rank - below + 0.5) * (untilMs - fromMs)) / n;
      }
      below += n;
    }
    throw new Error(`rank ${rank} beyond a histogram of ${total}`);
  };
  const pos = p * (total - 1);
  const lo = Math.floor(pos);
  const low = valueAtRank(lo);
  return pos === lo ? low : low + (valueAtRank(Math.ceil(pos)) - low) * (pos - lo);
}
