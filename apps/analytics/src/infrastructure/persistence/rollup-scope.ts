import type { FactScope } from '../../application/analytics-read-model';
import type { RollupDimension } from '../../domain/kpi-dimensions';
import { DayRange, RollupGrain, rollupSpans } from '../../domain/kpi-rollup';

/**
 * The rows of a rollup (grain `day` / `month`, `day` its day or its month's first day) that cover days
 * `fromDay` to `toDay` once: its whole months from the month rows and the days around them from the day
 * rows. Pushes its bounds onto `params` (placeholders numbered after those already there).
 */
export function periodRows(fromDay: string, toDay: string, params: unknown[]): string {
  const ranges: string[] = [];
  const range = (grain: RollupGrain, r: DayRange | null) => {
    if (!r) return;
    params.push(r.from, r.to);
    ranges.push(`(grain = '${grain}' AND day BETWEEN $${params.length - 1}::date AND $${params.length}::date)`);
  };
  const spans = rollupSpans(fromDay, toDay);
  range('day', spans.leadingDays);
  range('month', spans.months);
  range('day', spans.trailingDays);
  return `(${ranges.join(' OR ')})`;
}

/**
 * The `analytics.kpi_rollup` rows of one dimension that cover a scope: for `period`, its whole months
 * from the month rows and the days around them from the day rows (a year is 12 rows per department
 * and key); for `days`, every day row (the day-by-day series).
 */
export function rollupFilter(scope: FactScope, dimension: RollupDimension, cover: 'period' | 'days'): { where: string; params: unknown[] } {
  const params: unknown[] = [dimension];
  let rows: string;
  if (cover === 'days') {
    params.push(scope.fromDay, scope.toDay);
    rows = `(grain = 'day' AND day BETWEEN $2::date AND $3::date)`;
  } else rows = periodRows(scope.fromDay, scope.toDay, params);
  let where = `dimension = $1 AND ${rows}`;
  if (scope.departments) {
    params.push(scope.departments);
    where += ` AND department = ANY($${params.length}::text[])`;
  }
  return { where, params };
}
