import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnalyticsReadModel, CountCell, CountDimension, FactScope, GroupTotals } from '../../application/analytics-read-model';
import type { Histogram } from '../../domain/duration-histogram';
import { GroupByDimension, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import { KpiCounters } from '../../domain/kpi-counters';
import { durationPercentiles } from '../../domain/kpi-report';
import { COUNTER_COLUMNS, DIMENSION_COLUMNS } from './rollup-columns';
import { rollupFilter } from './rollup-scope';

/** The histograms' counts per bucket summed over rows: `$1`.. as rollupFilter gives them. */
const histogramSumsSql = (keyExpr: string, where: string) => `
  SELECT ${keyExpr} AS key, h.histogram, h.bucket, sum(h.n)::bigint AS n
  FROM analytics.kpi_rollup r
  CROSS JOIN LATERAL (
    SELECT 'feedback' AS histogram, i - 1 AS bucket, n FROM unnest(r.feedback_histogram) WITH ORDINALITY AS u (n, i)
    UNION ALL
    SELECT 'resolution', i - 1, n FROM unnest(r.resolution_histogram) WITH ORDINALITY AS u (n, i)
  ) AS h
  WHERE ${where} AND h.n <> 0
  GROUP BY 1, 2, 3`;

/**
 * The read model in PostgreSQL (schema `analytics`): KPI totals, percentiles and breakdowns from the
 * rollups (`analytics.kpi_rollup`: per month or day, department and one dimension's value, so a
 * year's answer sums a few hundred rows whatever the number of complaints); cross tables of several
 * dimensions (JR/T 0169) from the fact rows. PostgresReadModelWriter keeps both up to date.
 */
@Injectable()
export class PostgresAnalyticsReadModel extends AnalyticsReadModel {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async totals(scope: FactScope, groupBy: GroupByDimension | null): Promise<GroupTotals[]> {
    // Every complaint counts once in the department rows: their sum is the total.
    const { where, params } = rollupFilter(scope, groupBy ?? 'department', 'period');
    const keyExpr = groupBy ? 'key' : `'*'`;
    const [counterRows, bucketRows] = (await Promise.all([
      this.dataSource.query(
        `SELECT ${keyExpr} AS key, ${COUNTER_COLUMNS.map((c) => `sum(${c.column})::bigint AS "${c.name}"`).join(', ')}
         FROM analytics.kpi_rollup WHERE ${where} GROUP BY 1 HAVING sum(volume) > 0 ORDER BY 1`,
        params,
      ),
      this.dataSource.query(histogramSumsSql(keyExpr, where), params),
    ])) as [Record<string, string>[], { key: string; histogram: 'feedback' | 'resolution'; bucket: number; n: string }[]];
    const histograms = new Map<string, { feedback: Histogram; resolution: Histogram }>();
    for (const row of bucketRows) {
      const h = histograms.get(row.key) ?? { feedback: [], resolution: [] };
      const counts = h[row.histogram];
      while (counts.length <= row.bucket) counts.push(0);
      counts[row.bucket] = Number(row.n);
      histograms.set(row.key, h);
    }
    return counterRows.map((row) => {
      const h = histograms.get(row.key);
      return {
        key: row.key,
        counters: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c.name, Number(row[c.name])])) as unknown as KpiCounters,
        percentiles: durationPercentiles(h?.feedback ?? [], h?.resolution ?? []),
      };
    });
  }

  async counts(scope: FactScope, dimensions: readonly CountDimension[]): Promise<CountCell[]> {
    let rows: Record<string, string>[];
    if (dimensions.length === 1) {
      const { where, params } = rollupFilter(scope, dimensions[0], 'period');
      rows = await this.dataSource.query(
        `SELECT key AS "${dimensions[0]}", sum(volume)::bigint AS count FROM analytics.kpi_rollup WHERE ${where} GROUP BY 1 HAVING sum(volume) > 0 ORDER BY 1`,
        params,
      );
    } else {
      const columns = dimensions.map((d) => `coalesce(${DIMENSION_COLUMNS[d]}, '${UNKNOWN_KEY}') AS "${d}"`).join(', ');
      const groups = dimensions.map((_, i) => i + 1).join(', ');
      const params: unknown[] = [scope.fromDay, scope.toDay];
      let where = 'received_day BETWEEN $1::date AND $2::date';
      if (scope.departments) {
        params.push(scope.departments);
        where += ` AND coalesce(department, '${UNKNOWN_KEY}') = ANY($3::text[])`;
      }
      rows = await this.dataSource.query(
        `SELECT ${columns}, count(*)::bigint AS count FROM analytics.complaint_facts WHERE ${where} GROUP BY ${groups} ORDER BY ${groups}`,
        params,
      );
    }
    return rows.map((r) => ({ keys: Object.fromEntries(dimensions.map((d) => [d, r[d]])), count: Number(r.count) }));
  }

  async truncate(): Promise<void> {
    await this.dataSource.query('TRUNCATE analytics.applied_events, analytics.complaint_events, analytics.complaint_facts, analytics.kpi_rollup');
  }
}
