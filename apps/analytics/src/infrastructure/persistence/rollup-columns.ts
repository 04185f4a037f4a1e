import { COUNTER_NAMES, KpiCounters } from '../../domain/kpi-counters';
import type { RollupDimension } from '../../domain/kpi-dimensions';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The rollup's counter columns, one per KPI counter (e.g. `feedbackWithin48h` -> `feedback_within48h`). */
export const COUNTER_COLUMNS: readonly { name: keyof KpiCounters; column: string }[] = COUNTER_NAMES.map((name) => ({
  name,
  column: snake(name),
}));

/** The fact table's column of each dimension. */
export const DIMENSION_COLUMNS: Record<RollupDimension, string> = {
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
