import { HOUR_MS } from './complaint-fact';
import {
  addHistograms,
  bucketBounds,
  durationBucket,
  Histogram,
  histogramOf,
  histogramPercentile,
  OVERFLOW_BUCKET,
} from './duration-histogram';
import { percentileCont } from './percentile';

const DAY_HOURS = 24;

function histogram(values: readonly number[]): Histogram {
  return values.reduce<Histogram>((h, v) => addHistograms(h, histogramOf(v)), []);
}

/** A fixed pseudo-random sequence in [0, 1) (no randomness in tests: a failure repeats). */
function sequence(seed: number, length: number): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  });
}

describe('duration buckets', () => {
  it('are an hour wide up to 72 h, 6 h up to 30 days, a day up to 90 days, 30 days up to 360 days, then one more', () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(HOUR_MS - 1)).toBe(0);
    expect(durationBucket(47.99 * HOUR_MS)).toBe(47);
    expect(durationBucket(48 * HOUR_MS)).toBe(48);
    expect(durationBucket(72 * HOUR_MS)).toBe(72);
    expect(durationBucket(78 * HOUR_MS)).toBe(73);
    expect(durationBucket(15 * DAY_HOURS * HOUR_MS)).toBe(72 + (360 - 72) / 6);
    expect(durationBucket(30 * DAY_HOURS * HOUR_MS)).toBe(180);
    expect(durationBucket(90 * DAY_HOURS * HOUR_MS)).toBe(240);
    expect(durationBucket(360 * DAY_HOURS * HOUR_MS - 1)).toBe(248);
    expect(OVERFLOW_BUCKET).toBe(249);
    expect(durationBucket(1000 * DAY_HOURS * HOUR_MS)).toBe(OVERFLOW_BUCKET);
  });

  it('tile the durations: each bucket begins where the one before ends, and holds what falls in it', () => {
    for (let b = 0; b < OVERFLOW_BUCKET; b++) {
      const { fromMs, untilMs } = bucketBounds(b);
      expect(bucketBounds(b + 1).fromMs).toBe(untilMs);
      expect([durationBucket(fromMs), durationBucket(untilMs! - 1)]).toEqual([b, b]);
    }
    expect(bucketBounds(OVERFLOW_BUCKET)).toEqual({ fromMs: 360 * DAY_HOURS * HOUR_MS, untilMs: null });
  });
});

describe('histograms', () => {
  it('add and take out counts bucket by bucket, without trailing zeros', () => {
    const h = histogram([HOUR_MS / 2, 2.5 * HOUR_MS, 2.9 * HOUR_MS]);
    expect(h).toEqual([1, 0, 2]);
    expect(addHistograms(h, histogramOf(2.1 * HOUR_MS), -1)).toEqual([1, 0, 1]);
    expect(addHistograms(h, h, -1)).toEqual([]);
    expect(histogramOf(null)).toEqual([]);
  });

  it('give percentiles with the values of a bucket spread evenly over it', () => {
    // 10 h, 30 h and 70 h count as 10.5, 30.5 and 70.5 h (the middles of their 1 h buckets).
    const h = histogram([10, 30, 70].map((x) => x * HOUR_MS));
    expect(histogramPercentile(h, 0.5)! / HOUR_MS).toBeCloseTo(30.5, 10);
    expect(histogramPercentile(h, 0.9)! / HOUR_MS).toBeCloseTo(30.5 + 0.8 * 40, 10);
    // Four values in the bucket [6 h, 7 h) count as 6.125, 6.375, 6.625 and 6.875 h.
    const four = histogram([6.1, 6.2, 6.3, 6.9].map((x) => x * HOUR_MS));
    expect(histogramPercentile(four, 0)! / HOUR_MS).toBeCloseTo(6.125, 10);
    expect(histogramPercentile(four, 0.5)! / HOUR_MS).toBeCloseTo(6.5, 10);
    expect(histogramPercentile(four, 1)! / HOUR_MS).toBeCloseTo(6.875, 10);
    // Beyond 360 days a duration counts as 360 days.
    expect(histogramPercentile(histogram([400 * DAY_HOURS * HOUR_MS]), 0.5)).toBe(360 * DAY_HOURS * HOUR_MS);
    expect(histogramPercentile([], 0.5)).toBeNull();
  });

  it('are off from the exact percentile by less than the width of the buckets of the ranks interpolated', () => {
    const shapes: [string, (u: number) => number][] = [
      ['feedback within hours', (u) => u * u * 70 * HOUR_MS],
      ['resolution within weeks', (u) => (1 + Math.pow(u, 1.5) * 40) * DAY_HOURS * HOUR_MS],
      ['anything up to 300 days', (u) => u * 300 * DAY_HOURS * HOUR_MS],
    ];
    let checked = 0;
    for (const [name, shape] of shapes) {
      for (const [seed, n] of [
        [1, 1],
        [2, 2],
        [3, 7],
        [4, 50],
        [5, 1000],
        [6, 20_000],
      ]) {
        const values = sequence(seed, n).map((u) => Math.round(shape(u)));
        const h = histogram(values);
        const sorted = [...values].sort((a, b) => a - b);
        for (const p of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
          const pos = p * (n - 1);
          const width = (rank: number) => {
            const { fromMs, untilMs } = bucketBounds(durationBucket(sorted[rank]));
            return untilMs! - fromMs;
          };
          const bound = Math.max(width(Math.floor(pos)), width(Math.ceil(pos)));
          const error = Math.abs(histogramPercentile(h, p)! - percentileCont(values, p)!);
          expect({ name, n, p, within: error < bound }).toEqual({ name, n, p, within: true });
          checked++;
        }
      }
    }
    expect(checked).toBe(3 * 6 * 6);
  });
});
