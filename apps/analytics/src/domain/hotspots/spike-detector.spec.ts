import poisson from '@stdlib/random-base-poisson';
import type { CountSeries } from './count-series';
import { detectSpikes } from './spike-detector';

const HOUR = 3_600_000;
const START = new Date('2026-11-20T00:00:00Z');

/** A seeded Poisson draw, so every run sees the same "random" series. */
function poissonSource(seed: number): (rate: number) => number {
  const draw = poisson.factory({ seed });
  return (rate) => draw(rate);
}

function series(subject: string, counts: number[], dimension: CountSeries['dimension'] = 'department'): CountSeries {
  return { dimension, subject, start: START, bucketMs: HOUR, counts };
}

/** 169 hourly counts: 7 days of baseline then the current hour, all at `rate` (or `rateAt(hour)`). */
function noise(draw: (rate: number) => number, rateAt: (hour: number) => number, hours = 169): number[] {
  return Array.from({ length: hours }, (_, h) => draw(rateAt(h)));
}

describe('detectSpikes', () => {
  it('finds a spike planted in the last hour among noise-only subjects, with its statistics', () => {
    const draw = poissonSource(20261129);
    const family = Array.from({ length: 40 }, (_, i) =>
      series(
        `DEPT_${i}`,
        noise(draw, () => 1 + (i % 8)),
      ),
    );
    const planted = noise(draw, () => 4);
    planted[168] = 20;
    family.push(series('CREDIT_CARD/FUNDS_SECURITY', planted, 'product-reason'));

    const alerts = detectSpikes(family);

    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ kind: 'spike', dimension: 'product-reason', subject: 'CREDIT_CARD/FUNDS_SECURITY', observed: 20 });
    expect(alert.since).toEqual(new Date(START.getTime() + 168 * HOUR));
    expect(alert.until).toEqual(new Date(START.getTime() + 169 * HOUR));
    expect(alert.expected).toBeGreaterThan(3);
    expect(alert.expected).toBeLessThan(5);
    expect(alert.ratio).toBeCloseTo(20 / alert.expected, 10);
    expect(alert.pValue).toBeLessThan(alert.threshold);
    expect(alert.threshold).toBeLessThanOrEqual(0.001 / 41);
  });

  it('keeps false alarms on noise-only series under the configured level (2,000 seeded Poisson series)', () => {
    const draw = poissonSource(7);
    const alpha = 0.05;
    let falseAlarms = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const rate = [0.3, 1, 2.5, 6, 15, 40][i % 6];
      // Each series alone (no correction to hide behind), no volume or ratio floor: the bare test.
      falseAlarms += detectSpikes(
        [
          series(
            `S${i}`,
            noise(draw, () => rate),
          ),
        ],
        { alpha, minObserved: 1, minRatio: 1 },
      ).length;
    }
    expect(falseAlarms).toBeLessThanOrEqual(trials * alpha);
  });

  it('keeps the family-wise false-alarm count of whole evaluations under alpha (100 families of 50 subjects)', () => {
    const draw = poissonSource(42);
    const alpha = 0.05;
    let evaluationsWithAlarm = 0;
    for (let e = 0; e < 100; e++) {
      const family = Array.from({ length: 50 }, (_, i) =>
        series(
          `S${i}`,
          noise(draw, () => 0.5 + (i % 10) * 2),
        ),
      );
      if (detectSpikes(family, { alpha, minObserved: 1, minRatio: 1 }).length > 0) evaluationsWithAlarm++;
    }
    expect(evaluationsWithAlarm).toBeLessThanOrEqual(100 * alpha);
  });

  it('does not mistake the daily peak of an overdispersed subject for a spike', () => {
    const draw = poissonSource(99);
    // Busy afternoons (rate 12), quiet nights (rate 1); the current hour (168 = 00:00 + 7 days... shifted) is a peak hour.
    const daily = (h: number) => 6.5 + 5.5 * Math.sin(((h - 8) / 24) * 2 * Math.PI);
    const family = Array.from({ length: 100 }, (_, i) =>
      series(
        `BRANCH_${i}`,
        noise(draw, (h) => daily(h + 14)),
        'branch',
      ),
    );
    expect(detectSpikes(family)).toEqual([]);
  });

  it('respects the minimum volume: 4 complaints from nothing are no alert, 5 are', () => {
    const quiet = Array.from({ length: 168 }, () => 0);
    expect(detectSpikes([series('weibo', [...quiet, 4], 'channel')])).toEqual([]);
    const [alert] = detectSpikes([series('weibo', [...quiet, 5], 'channel')]);
    expect(alert).toMatchObject({ subject: 'weibo', observed: 5 });
    expect(detectSpikes([series('weibo', [...quiet, 5], 'channel')], { minObserved: 6 })).toEqual([]);
  });

  it('does not test a subject with less than a day of history, nor a rise below the minimum ratio', () => {
    expect(detectSpikes([series('NEW_BRANCH', [...Array.from({ length: 20 }, () => 0), 30], 'branch')])).toEqual([]);
    const steady = Array.from({ length: 168 }, () => 200);
    // 260 vs 200 is significant for a Poisson but only 1.3x: below the 1.5 ratio floor.
    expect(detectSpikes([series('web', [...steady, 260], 'channel')])).toEqual([]);
    expect(detectSpikes([series('web', [...steady, 320], 'channel')])).toHaveLength(1);
  });

  it('slides a window of several buckets over finer buckets', () => {
    const draw = poissonSource(5);
    const tenMinutes = noise(draw, () => 0.5, 7 * 144 + 6);
    for (let b = tenMinutes.length - 6; b < tenMinutes.length; b++) tenMinutes[b] += 3;
    const s: CountSeries = { dimension: 'department', subject: 'FRAUD', start: START, bucketMs: HOUR / 6, counts: tenMinutes };
    const [alert] = detectSpikes([s], { windowBuckets: 6 });
    expect(alert.since).toEqual(new Date(START.getTime() + 7 * 24 * HOUR));
    expect(alert.observed).toBe(tenMinutes.slice(-6).reduce((a, b) => a + b, 0));
    expect(alert.expected).toBeGreaterThan(2);
    expect(alert.expected).toBeLessThan(4);
  });

  it('refuses nonsense settings', () => {
    expect(() => detectSpikes([], { windowBuckets: 0 })).toThrow(RangeError);
    expect(() => detectSpikes([], { minBaselineWindows: 200 })).toThrow(RangeError);
    expect(() => detectSpikes([], { alpha: 2 })).toThrow(RangeError);
  });
});
