import { negativeBinomialUpperTail } from './negative-binomial-tail';

/** P(Y >= y) by summing the probability mass below y, term by term (fine where the tail is not tiny). */
function upperTailBySum(y: number, mean: number, size: number): number {
  const p = size / (size + mean);
  let pmf = Math.pow(p, size); // P(Y = 0)
  let below = 0;
  for (let k = 0; k < y; k++) {
    below += pmf;
    pmf *= ((k + size) / (k + 1)) * (1 - p);
  }
  return 1 - below;
}

function poissonUpperTailBySum(y: number, mean: number): number {
  let pmf = Math.exp(-mean);
  let below = 0;
  for (let k = 0; k < y; k++) {
    below += pmf;
    pmf *= mean / (k + 1);
  }
  return 1 - below;
}

describe('negativeBinomialUpperTail', () => {
  it.each([
    [3, 2.5, 1.5],
    [10, 4, 8],
    [1, 0.2, 0.5],
    [25, 12, 30],
  ])('matches the summed mass for y=%d, mean=%d, size=%d', (y, mean, size) => {
    expect(negativeBinomialUpperTail(y, mean, size)).toBeCloseTo(upperTailBySum(y, mean, size), 10);
  });

  it('approaches the Poisson tail as the size grows', () => {
    expect(negativeBinomialUpperTail(9, 4, 1e9)).toBeCloseTo(poissonUpperTailBySum(9, 4), 7);
  });

  it('stays accurate far into the tail, where 1 - CDF would round to zero', () => {
    const p = negativeBinomialUpperTail(12, 0.01, 0.5);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-15);
  });

  it('is 1 at zero observed, 0 for a zero mean, and refuses nonsense', () => {
    expect(negativeBinomialUpperTail(0, 3, 2)).toBe(1);
    expect(negativeBinomialUpperTail(2, 0, 2)).toBe(0);
    expect(() => negativeBinomialUpperTail(1.5, 3, 2)).toThrow(RangeError);
    expect(() => negativeBinomialUpperTail(2, 3, 0)).toThrow(RangeError);
  });
});
