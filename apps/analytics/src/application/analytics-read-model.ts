import type { Department } from '@complaints/contracts';
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

/** Complaint counts per cell of a cross table. */
export interface CountCell {
  keys: Record<string, string>;
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

  /** Complaint counts per value of one dimension, or per combination of several (a cross table). */
  abstract counts(scope: FactScope, dimensions: readonly CountDimension[]): Promise<CountCell[]>;

  /** Empties the read model (facts, rollups, applied events) before a rebuild. */
  abstract truncate(): Promise<void>;
}

/** What complaints can be counted by: the rollups' dimensions. */
export type CountDimension = RollupDimension;
