import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnalyticsReadModel, CountCell, CountDimension, FactScope, GroupTotals } from '../../application/analytics-read-model';
import { GroupByDimension, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import { KpiCounters } from '../../domain/kpi-counters';
import { COUNTER_COLUMNS, DIMENSION_COLUMNS, ROLLUP_DIMENSIONS } from './rollup-columns';

/**
 * The read model in PostgreSQL (schema `analytics`): KPI totals from the daily rollups, percentiles
 * and breakdowns from the fact rows. PostgresReadModelWriter keeps both up to date.
 */
@Injectable()
export class PostgresAnalyticsReadModel extends AnalyticsReadModel {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async totals(scope: FactScope, groupBy: GroupByDimension | null): Promise<GroupTotals[]> {
    const keyExpr = groupBy ? DIMENSION_COLUMNS[groupBy] : `'*'`;
    const { where, params } = this.scopeFilter(scope, 'day');
    const counterRows: Record<string, string>[] = await this.dataSource.query(
      `SELECT ${keyExpr} AS key, ${COUNTER_COLUMNS.map((c) => `sum(${c.column})::bigint AS "${c.name}"`).join(', ')}
       FROM analytics.daily_rollup WHERE ${where} GROUP BY 1 HAVING sum(volume) > 0 ORDER BY 1`,
      params,
    );
    const factFilter = this.scopeFilter(scope, 'received_day');
    const percentileRows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT ${groupBy ? `coalesce(${DIMENSION_COLUMNS[groupBy]}, '${UNKNOWN_KEY}')` : `'*'`} AS key,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY feedback_ms) AS "feedbackP50Ms",
         percentile_cont(0.9) WITHIN GROUP (ORDER BY feedback_ms) AS "feedbackP90Ms",
         percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_ms) AS "resolutionP50Ms",
         percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_ms) AS "resolutionP90Ms"
       FROM analytics.complaint_facts WHERE ${factFilter.where.replace(/\bdepartment\b/g, `coalesce(department, '${UNKNOWN_KEY}')`)} GROUP BY 1`,
      factFilter.params,
    );
    const percentiles = new Map(percentileRows.map((r) => [String(r.key), r]));
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return counterRows.map((row) => {
      const p = percentiles.get(row.key);
      const counters = Object.fromEntries(COUNTER_COLUMNS.map((c) => [c.name, Number(row[c.name])])) as unknown as KpiCounters;
      return {
        key: row.key,
        counters,
        percentiles: {
          feedbackP50Ms: num(p?.feedbackP50Ms),
          feedbackP90Ms: num(p?.feedbackP90Ms),
          resolutionP50Ms: num(p?.resolutionP50Ms),
          resolutionP90Ms: num(p?.resolutionP90Ms),
        },
      };
    });
  }

  async counts(scope: FactScope, dimensions: readonly CountDimension[]): Promise<CountCell[]> {
    const inRollup = dimensions.every((d) => (ROLLUP_DIMENSIONS as readonly string[]).includes(d));
    const columns = dimensions.map((d) => `coalesce(${DIMENSION_COLUMNS[d]}, '${UNKNOWN_KEY}') AS "${d}"`).join(', ');
    const groups = dimensions.map((_, i) => i + 1).join(', ');
    let rows: Record<string, string>[];
    if (inRollup) {
      const { where, params } = this.scopeFilter(scope, 'day');
      rows = await this.dataSource.query(
        `SELECT ${columns}, sum(volume)::bigint AS count FROM analytics.daily_rollup WHERE ${where} GROUP BY ${groups} HAVING sum(volume) > 0 ORDER BY ${groups}`,
        params,
      );
    } else {
      const { where, params } = this.scopeFilter(scope, 'received_day');
      rows = await this.dataSource.query(
        `SELECT ${columns}, count(*)::bigint AS count FROM analytics.complaint_facts
         WHERE ${where.replace(/\bdepartment\b/g, `coalesce(department, '${UNKNOWN_KEY}')`)} GROUP BY ${groups} ORDER BY ${groups}`,
        params,
      );
    }
    return rows.map((r) => ({ keys: Object.fromEntries(dimensions.map((d) => [d, r[d]])), count: Number(r.count) }));
  }

  async truncate(): Promise<void> {
    await this.dataSource.query('TRUNCATE analytics.applied_events, analytics.complaint_events, analytics.complaint_facts, analytics.daily_rollup');
  }

  private scopeFilter(scope: FactScope, dayColumn: string): { where: string; params: unknown[] } {
    const params: unknown[] = [scope.fromDay, scope.toDay];
    let where = `${dayColumn} BETWEEN $1::date AND $2::date`;
    if (scope.departments) {
      params.push(scope.departments);
      where += ' AND department = ANY($3::text[])';
    }
    return { where, params };
  }
}
