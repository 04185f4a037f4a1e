import type { Department } from '@complaints/contracts';
import type { Jrt0169Cell } from '../../domain/jrt0169-table';
import { COUNTER_NAMES, KpiCounters, zeroCounters } from '../../domain/kpi-counters';
import { GroupByDimension, RollupDimension, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import { AnalyticsReadModel, CountCell, CountDimension, FactScope, GroupTotals } from '../analytics-read-model';

/** A rollup row as the tests put it in: a Shanghai day, the complaint's keys per dimension, its counters. */
export interface RollupRow {
  day: string;
  keys: Partial<Record<RollupDimension, string>>;
  counters: Partial<KpiCounters>;
}

const NO_PERCENTILES = { feedbackP50Ms: null, feedbackP90Ms: null, resolutionP50Ms: null, resolutionP90Ms: null };

/** The read model in memory: rollup rows summed per query (no duration percentiles: they need the fact rows). */
export class InMemoryAnalyticsReadModel extends AnalyticsReadModel {
  rows: RollupRow[] = [];
  /** When set, every query fails as a database that does not answer would. */
  unavailable: Error | null = null;

  async totals(scope: FactScope, groupBy: GroupByDimension | null): Promise<GroupTotals[]> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    const groups = new Map<string, KpiCounters>();
    for (const row of this.inScope(scope)) {
      const key = groupBy ? (row.keys[groupBy] ?? UNKNOWN_KEY) : '*';
      const sum = groups.get(key) ?? zeroCounters();
      for (const name of COUNTER_NAMES) sum[name] += row.counters[name] ?? 0;
      groups.set(key, sum);
    }
    return [...groups].map(([key, counters]) => ({ key, counters, percentiles: NO_PERCENTILES }));
  }

  async counts(scope: FactScope, dimension: CountDimension): Promise<CountCell[]> {
    await Promise.resolve();
    const cells = new Map<string, number>();
    for (const row of this.inScope(scope)) {
      const key = row.keys[dimension] ?? UNKNOWN_KEY;
      cells.set(key, (cells.get(key) ?? 0) + (row.counters.volume ?? 0));
    }
    return [...cells].filter(([, count]) => count > 0).map(([key, count]) => ({ key, count }));
  }

  async jrt0169Counts(fromDay: string, toDay: string): Promise<Jrt0169Cell[]> {
    await Promise.resolve();
    const cells = new Map<string, Jrt0169Cell>();
    for (const row of this.inScope({ fromDay, toDay, departments: null })) {
      const { channel = UNKNOWN_KEY, product = UNKNOWN_KEY, reason = UNKNOWN_KEY } = row.keys;
      const key = `${channel}|${product}|${reason}`;
      const cell = cells.get(key) ?? { channel, product, reason, count: 0 };
      cell.count += row.counters.volume ?? 0;
      cells.set(key, cell);
    }
    return [...cells.values()].filter((c) => c.count > 0);
  }

  async truncate(): Promise<void> {
    await Promise.resolve();
    this.rows = [];
  }

  private inScope(scope: FactScope): RollupRow[] {
    return this.rows.filter(
      (r) =>
        r.day >= scope.fromDay &&
        r.day <= scope.toDay &&
        (scope.departments === null || scope.departments.includes((r.keys.department ?? UNKNOWN_KEY) as Department)),
    );
  }
}
