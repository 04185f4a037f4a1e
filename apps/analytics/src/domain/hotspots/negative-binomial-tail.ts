import betainc from '@stdlib/math-base-special-betainc';

/**
 * P(Y >= observed) for Y negative-binomial with the given mean and size (dispersion: variance =
 * mean + mean² / size; a large size approaches the Poisson). Exact and accurate far into the tail,
 * through the regularised incomplete beta function: P(Y >= y) = I_q(y, size) with q = mean / (mean + size).
 */
export function negativeBinomialUpperTail(observed: number, mean: number, size: number): number {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`observed must be a whole number >= 0, got ${observed}`);
  if (!(mean >= 0) || !(size > 0)) throw new RangeError(`mean must be >= 0 and size > 0, got mean ${mean}, size ${size}`);
  if (observed === 0) return 1;
  if (mean === 0) return 0;
  return betainc(mean / (mean + size), observed, size);
}
