export interface HolmDecision {
  rejected: boolean;
  /** The level this p-value was compared with (alpha / the hypotheses not yet rejected). */
  threshold: number;
}

/**
 * Holm's step-down correction for testing many subjects at once: the chance of any false alarm in
 * the family stays at most `alpha` (like Bonferroni, never less powerful). Decisions are in the
 * order of `pValues`.
 */
export function holmCorrection(pValues: readonly number[], alpha: number): HolmDecision[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie between 0 and 1, got ${alpha}`);
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const decisions: HolmDecision[] = new Array<HolmDecision>(m);
  let stillRejecting = true;
  order.forEach(({ p, i }, rank) => {
    const threshold = alpha / (m - rank);
    stillRejecting = stillRejecting && p <= threshold;
    decisions[i] = { rejected: stillRejecting, threshold };
  });
  return decisions;
}
