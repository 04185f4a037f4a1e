import type { DailyCounters } from '../../domain/kpi-series';
import { COUNTER_NAMES, zeroCounters } from '../../domain/kpi-counters';
import { GroupByDimension, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import type { FactScope } from '../analytics-read-model';
import { KpiSeriesSource } from '../query-kpis/kpi-series-source';
import type { InMemoryAnalyticsReadModel } from './in-memory-analytics-read-model';

/** The day rows of the in-memory read model's rollups, summed per day and group. */
export class InMemoryKpiSeriesSource extends KpiSeriesSource {
  constructor(private readonly readModel: InMemoryAnalyticsReadModel) {
    super();
  }

  async dailyCounters(scope: FactScope, groupBy: GroupByDimension | null): Promise<DailyCounters[]> {
    await Promise.resolve();
    const sums = new Map<string, DailyCounters>();
    for (const row of this.readModel.rows) {
      if (row.day < scope.fromDay || row.day > scope.toDay) continue;
      if (scope.departments && !scope.departments.some((d) => d === row.keys.department)) continue;
      const key = groupBy ? (row.keys[groupBy] ?? UNKNOWN_KEY) : '*';
      const sum = sums.get(`${row.day}|${key}`) ?? { day: row.day, key, counters: zeroCounters() };
      for (const name of COUNTER_NAMES) sum.counters[name] += row.counters[name] ?? 0;
      sums.set(`${row.day}|${key}`, sum);
    }
    return [...sums.values()];
  }
}
