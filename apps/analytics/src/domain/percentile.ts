/**
 * The continuous percentile (linear interpolation between the closest ranks), the same definition as
 * PostgreSQL's `percentile_cont`: for sorted values v[0..n-1], position p*(n-1).
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
