import type { GroupByDimension } from '../../domain/kpi-dimensions';
import type { DailyCounters } from '../../domain/kpi-series';
import type { FactScope } from '../analytics-read-model';

/**
 * The rollup counters summed per day and group (the port beside AnalyticsReadModel; the Postgres
 * adapter reads the day rows of `analytics.kpi_rollup`, a columnar store can answer the same question).
 */
export abstract class KpiSeriesSource {
  /** One row per day and value of `groupBy` (key `*` without one) with complaints received in the scope. */
  abstract dailyCounters(scope: FactScope, groupBy: GroupByDimension | null): Promise<DailyCounters[]>;
}
