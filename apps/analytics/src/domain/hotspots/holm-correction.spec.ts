import { holmCorrection } from './holm-correction';

describe('holmCorrection', () => {
  it('steps down: rejects in order of p while p <= alpha / (hypotheses left)', () => {
    // m = 4: thresholds 0.0125, 0.0167, 0.025, 0.05 for the sorted p-values.
    const decisions = holmCorrection([0.04, 0.001, 0.015, 0.3], 0.05);
    expect(decisions.map((d) => d.rejected)).toEqual([false, true, true, false]);
    expect(decisions[1].threshold).toBeCloseTo(0.0125, 10);
    expect(decisions[2].threshold).toBeCloseTo(0.05 / 3, 10);
  });

  it('stops at the first p-value above its threshold, even if a later one would pass its own', () => {
    // sorted 0.02 (> 0.05/3) stops; 0.03 <= 0.05/2 alone would have passed
    expect(holmCorrection([0.02, 0.024, 0.03], 0.05).map((d) => d.rejected)).toEqual([false, false, false]);
  });

  it('is Bonferroni for a single hypothesis and refuses a nonsense alpha', () => {
    expect(holmCorrection([0.049], 0.05)[0]).toEqual({ rejected: true, threshold: 0.05 });
    expect(holmCorrection([], 0.05)).toEqual([]);
    expect(() => holmCorrection([0.1], 0)).toThrow(RangeError);
  });
});
