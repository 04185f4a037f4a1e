import type { FactScope } from '../../application/analytics-read-model';
import type { RollupDimension } from '../../domain/kpi-dimensions';
import { DayRange, RollupGrain, rollupSpans } from '../../domain/kpi-rollup';

/**
 * The `analytics.kpi_rollup` rows of one dimension that cover a scope: for `period`, its whole months
 * from the month rows and the days around them from the day rows (a year is 12 rows per department
 * and key); for `days`, every day row (the day-by-day series).
 */
export function rollupFilter(scope: FactScope, dimension: RollupDimension, cover: 'period' | 'days'): { where: string; params: unknown[] } {
  const params: unknown[] = [dimension];
  const ranges: string[] = [];
  const range = (grain: RollupGrain, r: DayRange | null) => {
    if (!r) return;
    params.push(r.from, r.to);
    ranges.push(`(grain = '${grain}' AND day BETWEEN $${params.length - 1}::date AND $${params.length}::date)`);
  };
  if (cover === 'days') range('day', { from: scope.fromDay, to: scope.toDay });
  else {
    const spans = rollupSpans(scope.fromDay, scope.toDay);
    range('day', spans.leadingDays);
    range('month', spans.months);
    range('day', spans.trailingDays);
  }
  let where = `dimension = $1 AND (${ranges.join(' OR ')})`;
  if (scope.departments) {
    params.push(scope.departments);
    where += ` AND department = ANY($${params.length}::text[])`;
  }
  return { where, params };
}
