import { COUNTER_NAMES, KpiCounters } from '../../domain/kpi-counters';
import type { CountDimension } from '../../application/analytics-read-model';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The rollup's counter columns, one per KPI counter (e.g. `feedbackWithin48h` -> `feedback_within48h`). */
export const COUNTER_COLUMNS: readonly { name: keyof KpiCounters; column: string }[] = COUNTER_NAMES.map((name) => ({ name, column: snake(name) }));

/** The rollup's key besides the day, in primary-key order. */
export const ROLLUP_DIMENSIONS = ['department', 'channel', 'product', 'reason', 'servicePoint', 'priority'] as const;

export const DIMENSION_COLUMNS: Record<CountDimension, string> = {
  department: 'department',
  channel: 'channel',
  product: 'product',
  reason: 'reason',
  servicePoint: 'service_point',
  priority: 'priority',
  region: 'region',
  rootCauseCategory: 'root_cause_category',
  correctiveActionCategory: 'corrective_action_category',
};
