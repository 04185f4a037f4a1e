/** What KPIs may be grouped by: each a column of the fact table and a dimension of the rollups. */
export const GROUP_BY_DIMENSIONS = ['department', 'channel', 'product', 'reason', 'servicePoint', 'priority'] as const;
export type GroupByDimension = (typeof GROUP_BY_DIMENSIONS)[number];

/** What the rollups count complaints by: the KPI groupings and the transparency report's breakdowns. */
export const ROLLUP_DIMENSIONS = [...GROUP_BY_DIMENSIONS, 'region', 'rootCauseCategory', 'correctiveActionCategory'] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** The key of complaints whose dimension is not known yet (e.g. a case event arrived before the routing). */
export const UNKNOWN_KEY = 'UNKNOWN';
