import { DataSource } from 'typeorm';
import type { FactScope } from '../../application/analytics-read-model';
import { KpiSeriesSource } from '../../application/query-kpis/kpi-series-source';
import type { KpiCounters } from '../../domain/kpi-counters';
import type { GroupByDimension } from '../../domain/kpi-dimensions';
import type { DailyCounters } from '../../domain/kpi-series';
import { COUNTER_COLUMNS } from './rollup-columns';
import { rollupFilter } from './rollup-scope';

/** Daily sums of the day rows of `analytics.kpi_rollup`: at most days x departments x keys rows, whatever the number of complaints. */
export class PostgresKpiSeriesSource extends KpiSeriesSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async dailyCounters(scope: FactScope, groupBy: GroupByDimension | null): Promise<DailyCounters[]> {
    // Every complaint counts once in the department rows: their sum is the total.
    const { where, params } = rollupFilter(scope, groupBy ?? 'department', 'days');
    const rows: Record<string, string>[] = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, ${groupBy ? 'key' : `'*'`} AS key,
         ${COUNTER_COLUMNS.map((c) => `sum(${c.column})::bigint AS "${c.name}"`).join(', ')}
       FROM analytics.kpi_rollup WHERE ${where} GROUP BY 1, 2 HAVING sum(volume) > 0 ORDER BY 1, 2`,
      params,
    );
    return rows.map((row) => ({
      day: row.day,
      key: row.key,
      counters: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c.name, Number(row[c.name])])) as unknown as KpiCounters,
    }));
  }
}
