import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnalyticsReadModel, CountCell, CountDimension, FactScope, GroupTotals } from '../../application/analytics-read-model';
import type { Histogram } from '../../domain/duration-histogram';
import type { Jrt0169Cell } from '../../domain/jrt0169-table';
import { GroupByDimension } from '../../domain/kpi-dimensions';
import { KpiCounters } from '../../domain/kpi-counters';
import { durationPercentiles } from '../../domain/kpi-report';
import { COUNTER_COLUMNS } from './rollup-columns';
import { periodRows, rollupFilter } from './rollup-scope';

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
 * year's answer sums a few hundred rows whatever the number of complaints); the JR/T 0169 cross table
 * from its own rollup (`analytics.jrt0169_rollup`: per month or day, channel, business category and
 * cause). PostgresReadModelWriter keeps the facts and both rollups up to date.
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

  async counts(scope: FactScope, dimension: CountDimension): Promise<CountCell[]> {
    const { where, params } = rollupFilter(scope, dimension, 'period');
    const rows: { key: string; count: string }[] = await this.dataSource.query(
      `SELECT key, sum(volume)::bigint AS count FROM analytics.kpi_rollup WHERE ${where} GROUP BY 1 HAVING sum(volume) > 0 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }

  async jrt0169Counts(fromDay: string, toDay: string): Promise<Jrt0169Cell[]> {
    const params: unknown[] = [];
    const rows: { channel: string; product: string; reason: string; count: string }[] = await this.dataSource.query(
      `SELECT channel, product, reason, sum(volume)::bigint AS count FROM analytics.jrt0169_rollup WHERE ${periodRows(fromDay, toDay, params)}
       GROUP BY 1, 2, 3 HAVING sum(volume) > 0 ORDER BY 1, 2, 3`,
      params,
    );
    return rows.map((r) => ({ channel: r.channel, product: r.product, reason: r.reason, count: Number(r.count) }));
  }

  async truncate(): Promise<void> {
    await this.dataSource.query(
      'TRUNCATE analytics.applied_events, analytics.complaint_events, analytics.complaint_facts, analytics.kpi_rollup, analytics.jrt0169_rollup',
    );
  }
}
