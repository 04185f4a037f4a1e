import type { Department } from '@complaints/contracts';
import type { Jrt0169Cell } from '../domain/jrt0169-table';
import type { GroupByDimension, RollupDimension } from '../domain/kpi-dimensions';
import type { DurationPercentiles } from '../domain/kpi-report';
import type { KpiCounters } from '../domain/kpi-counters';

/** Which complaints a query covers: received on Shanghai days fromDay..toDay, optionally only some departments. */
export interface FactScope {
  fromDay: string;
  toDay: string;
  /** null: every department. */
  departments: readonly Department[] | null;
}

export interface GroupTotals {
  key: string;
  counters: KpiCounters;
  percentiles: DurationPercentiles;
}

/** Complaints counted under one value of a dimension. */
export interface CountCell {
  key: string;
  count: number;
}

/**
 * The analytics read model (the port; ReadModelWriter writes it). The Postgres adapter keeps fact rows and rollups per dimension; an
 * adapter over ClickHouse (or any columnar store) can replace it by implementing this interface, and
 * nothing above it changes.
 */
export abstract class AnalyticsReadModel {
  /** Counters and duration percentiles per value of a dimension (plus the overall total under key `*`). */
  abstract totals(scope: FactScope, groupBy: GroupByDimension | null): Promise<GroupTotals[]>;

  /** Complaint counts per value of one dimension (values without complaints left out). */
  abstract counts(scope: FactScope, dimension: CountDimension): Promise<CountCell[]>;

  /**
   * The JR/T 0169 cross table of the complaints received on days fromDay..toDay (every department):
   * counts per channel x business category x cause, combinations without complaints left out.
   */
  abstract jrt0169Counts(fromDay: string, toDay: string): Promise<Jrt0169Cell[]>;

  /** Empties the read model (facts, rollups, applied events) before a rebuild. */
  abstract truncate(): Promise<void>;
}

/** What complaints can be counted by: the rollups' dimensions. */
export type CountDimension = RollupDimension;
