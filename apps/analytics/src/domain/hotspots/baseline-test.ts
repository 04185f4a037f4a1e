import { negativeBinomialUpperTail } from './negative-binomial-tail';

export interface BaselineTestResult {
  /** The count expected in the window: the baseline's mean per window (with a half-count prior, so never 0). */
  expected: number;
  /** Size of the negative binomial used (small = wide; the Poisson is the limit of a large size). */
  size: number;
  /** P(a count at least as high as observed | the baseline), one-sided. */
  pValue: number;
}

/** Half a complaint: Jeffreys' prior on the rate, so a subject never seen before has a small, not zero, rate. */
const PRIOR_COUNT = 0.5;

/**
 * Is `observed` (the current window's count) improbably high given `baseline`, the counts of the
 * preceding windows of the same length? One-sided negative-binomial test:
 *
 * - the rate is the baseline's (Poisson rate with Jeffreys' prior updated by the baseline), whose
 *   predictive distribution for the next window is negative binomial with size Σx + ½ (so a short
 *   or quiet baseline makes the test wider, not over-confident);
 * - when the baseline windows vary more than a Poisson would (variance s² > mean m: time-of-day
 *   cycles, bursts), the size shrinks to the method-of-moments m² / (s² - m), so the test is as
 *   wide as the baseline's own variation.
 */
export function testAgainstBaseline(observed: number, baseline: readonly number[]): BaselineTestResult {
  if (baseline.length === 0) throw new RangeError('the baseline needs at least one window');
  const n = baseline.length;
  const total = baseline.reduce((sum, x) => sum + x, 0);
  const expected = (total + PRIOR_COUNT) / n;
  let size = total + PRIOR_COUNT;
  if (n >= 2) {
    const mean = total / n;
    const variance = baseline.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
    if (variance > mean && mean > 0) size = Math.min(size, (mean * mean) / (variance - mean));
  }
  return { expected, size, pValue: negativeBinomialUpperTail(observed, expected, size) };
}
