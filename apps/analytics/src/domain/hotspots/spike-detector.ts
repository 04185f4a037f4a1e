import { testAgainstBaseline } from './baseline-test';
import type { CountSeries } from './count-series';
import { holmCorrection } from './holm-correction';
import type { SpikeAlert } from './hotspot-alert';

export interface SpikeSettings {
  /** Buckets in the current window (the last ones of each series). */
  windowBuckets: number;
  /** At most this many preceding windows of the same length form the baseline. */
  baselineWindows: number;
  /** Fewer baseline windows than this and the subject is not tested (too new to judge). */
  minBaselineWindows: number;
  /** An alert needs at least this many complaints in the window. */
  minObserved: number;
  /** ... and at least this many times the expected count. */
  minRatio: number;
  /** Family-wise false-alarm level of one evaluation, over all the series passed together. */
  alpha: number;
}

/** Hourly buckets: the last hour against up to the 7 days before it (at least one day of history). */
export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = {
  windowBuckets: 1,
  baselineWindows: 168,
  minBaselineWindows: 24,
  minObserved: 5,
  minRatio: 1.5,
  alpha: 0.001,
};

/**
 * The subjects whose current-window count is significantly above their own baseline (see
 * baseline-test.ts), with Holm's correction over every series tested together, a minimum volume and
 * a minimum ratio. Most significant first.
 */
export function detectSpikes(series: readonly CountSeries[], overrides: Partial<SpikeSettings> = {}): SpikeAlert[] {
  const settings = validSettings({ ...DEFAULT_SPIKE_SETTINGS, ...overrides });
  const tested = series.flatMap((s) => {
    const windows = windowCounts(s.counts, settings);
    if (!windows) return [];
    const { observed, baseline } = windows;
    const since = new Date(s.start.getTime() + (s.counts.length - settings.windowBuckets) * s.bucketMs);
    const until = new Date(s.start.getTime() + s.counts.length * s.bucketMs);
    return [{ series: s, observed, since, until, ...testAgainstBaseline(observed, baseline) }];
  });
  const decisions = holmCorrection(
    tested.map((t) => t.pValue),
    settings.alpha,
  );
  return tested
    .map((t, i): SpikeAlert & { rejected: boolean } => ({
      kind: 'spike',
      dimension: t.series.dimension,
      subject: t.series.subject,
      since: t.since,
      until: t.until,
      observed: t.observed,
      expected: t.expected,
      ratio: t.observed / t.expected,
      pValue: t.pValue,
      threshold: decisions[i].threshold,
      rejected: decisions[i].rejected,
    }))
    .filter((a) => a.rejected && a.observed >= settings.minObserved && a.ratio >= settings.minRatio)
    .sort((a, b) => a.pValue - b.pValue)
    .map(({ rejected: _rejected, ...alert }) => alert);
}

/** The current window's count and the preceding whole windows' counts (most recent first), or null if too short. */
function windowCounts(counts: readonly number[], settings: SpikeSettings): { observed: number; baseline: number[] } | null {
  const w = settings.windowBuckets;
  const available = Math.min(Math.floor(counts.length / w) - 1, settings.baselineWindows);
  if (available < settings.minBaselineWindows) return null;
  const sum = (from: number) => counts.slice(from, from + w).reduce((total, x) => total + x, 0);
  const end = counts.length - w;
  const baseline = Array.from({ length: available }, (_, k) => sum(end - (k + 1) * w));
  return { observed: sum(end), baseline };
}

function validSettings(settings: SpikeSettings): SpikeSettings {
  for (const key of ['windowBuckets', 'baselineWindows', 'minBaselineWindows'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) throw new RangeError(`${key} must be a whole number >= 1`);
  }
  if (settings.minBaselineWindows > settings.baselineWindows) throw new RangeError('minBaselineWindows must not exceed baselineWindows');
  if (!(settings.minObserved >= 1) || !(settings.minRatio >= 1)) throw new RangeError('minObserved and minRatio must be >= 1');
  return settings;
}
