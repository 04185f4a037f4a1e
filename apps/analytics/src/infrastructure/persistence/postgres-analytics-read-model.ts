import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AnalyticsReadModel, CountCell, CountDimension, FactScope, GroupTotals } from '../../application/analytics-read-model';
import type { AnalyticsEvent } from '../../domain/analytics-event';
import { ComplaintFact, foldComplaintFact } from '../../domain/complaint-fact';
import { GroupByDimension, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import { addCounters, contribution, isZero, KpiCounters, zeroCounters } from '../../domain/kpi-counters';
import { FACT_COLUMNS, UPSERT_FACT_SQL } from './fact-row';
import { COUNTER_COLUMNS, DIMENSION_COLUMNS, ROLLUP_DIMENSIONS } from './rollup-columns';

type RollupKey = [string, ...string[]];

function rollupKey(f: ComplaintFact): RollupKey | null {
  if (f.receivedDay === null) return null;
  return [
    f.receivedDay,
    f.department ?? UNKNOWN_KEY,
    f.channel ?? UNKNOWN_KEY,
    f.product ?? UNKNOWN_KEY,
    f.reason ?? UNKNOWN_KEY,
    f.servicePoint ?? UNKNOWN_KEY,
    f.priority ?? UNKNOWN_KEY,
  ];
}

const UPSERT_ROLLUP_SQL = `
  INSERT INTO analytics.daily_rollup (day, ${ROLLUP_DIMENSIONS.map((d) => DIMENSION_COLUMNS[d]).join(', ')}, ${COUNTER_COLUMNS.map((c) => c.column).join(', ')})
  VALUES (${Array.from({ length: 1 + ROLLUP_DIMENSIONS.length + COUNTER_COLUMNS.length }, (_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (day, ${ROLLUP_DIMENSIONS.map((d) => DIMENSION_COLUMNS[d]).join(', ')}) DO UPDATE SET
  ${COUNTER_COLUMNS.map((c) => `${c.column} = analytics.daily_rollup.${c.column} + EXCLUDED.${c.column}`).join(', ')}`;

interface StoredEventRow {
  body: AnalyticsEvent;
}

/**
 * The read model in PostgreSQL (schema `analytics`). Each event is applied in one transaction that
 * records its eventId (unique), stores its projection per complaint, folds the complaint's fact row
 * again from all its events and moves the difference into the daily rollup. A per-complaint advisory
 * lock serialises the three topics' consumers (and a rebuild running beside them) on one complaint.
 */
@Injectable()
export class PostgresAnalyticsReadModel extends AnalyticsReadModel {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async apply(eventId: string, events: AnalyticsEvent[]): Promise<boolean> {
    if (events.length === 0) return false;
    const complaintIds = [...new Set(events.map((e) => e.complaintId))].sort();
    return this.dataSource.transaction(async (tx) => {
      for (const id of complaintIds) await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [id]);
      const inserted: unknown[] = await tx.query(
        'INSERT INTO analytics.applied_events (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
        [eventId, events[0].topic],
      );
      if (inserted.length === 0) return false;
      const deltas = new Map<string, { key: RollupKey; counters: KpiCounters }>();
      const addDelta = (key: RollupKey | null, counters: KpiCounters, sign: 1 | -1) => {
        if (!key) return;
        const id = key.join('\u0000');
        const current = deltas.get(id) ?? { key, counters: zeroCounters() };
        deltas.set(id, { key, counters: addCounters(current.counters, counters, sign) });
      };
      for (const id of complaintIds) {
        const previous = (await tx.query('SELECT body FROM analytics.complaint_events WHERE complaint_id = $1', [id]) as StoredEventRow[]).map((r) => r.body);
        const added = events.filter((e) => e.complaintId === id);
        for (const e of added) {
          await tx.query(
            'INSERT INTO analytics.complaint_events (complaint_id, event_id, topic, kafka_offset, at, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
            [id, e.eventId, e.topic, e.offset, e.at, JSON.stringify(e)],
          );
        }
        const before = previous.length ? foldComplaintFact(id, previous) : null;
        const after = foldComplaintFact(id, [...previous, ...added]);
        await tx.query(UPSERT_FACT_SQL, FACT_COLUMNS.map(([, read]) => read(after)));
        if (before) addDelta(rollupKey(before), contribution(before), -1);
        addDelta(rollupKey(after), contribution(after), 1);
      }
      await this.applyDeltas(tx, [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d));
      return true;
    });
  }

  private async applyDeltas(tx: EntityManager, deltas: { key: RollupKey; counters: KpiCounters }[]): Promise<void> {
    for (const { key, counters } of deltas) {
      if (isZero(counters)) continue;
      await tx.query(UPSERT_ROLLUP_SQL, [...key, ...COUNTER_COLUMNS.map((c) => counters[c.name])]);
    }
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
