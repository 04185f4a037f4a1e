import { HOUR_MS } from '../../domain/complaint-fact';
import { HISTOGRAM_BANDS, OVERFLOW_BUCKET } from '../../domain/duration-histogram';
import { DECISION_TARGET_MS, FEEDBACK_TARGET_MS, KpiCounters } from '../../domain/kpi-counters';
import { ROLLUP_DIMENSIONS, UNKNOWN_KEY } from '../../domain/kpi-dimensions';
import { COUNTER_COLUMNS, DIMENSION_COLUMNS } from './rollup-columns';

/** What one fact row adds to each counter, in SQL over `analytics.complaint_facts` (domain/kpi-counters.ts `contribution`). */
export const COUNTER_SQL: Record<keyof KpiCounters, string> = {
  volume: '1',
  cases: 'has_case::int',
  feedbackGiven: '(feedback_ms IS NOT NULL)::int',
  feedbackWithin48h: `coalesce(feedback_ms <= ${FEEDBACK_TARGET_MS}, false)::int`,
  decided: '(decision_ms IS NOT NULL)::int',
  decidedWithin15d: `coalesce(decision_ms <= ${DECISION_TARGET_MS}, false)::int`,
  resolved: 'ever_resolved::int',
  feedbackBreaches: 'feedback_breaches',
  decisionBreaches: 'decision_breaches',
  breachedComplaints: '(feedback_breaches + decision_breaches > 0)::int',
  extended: '(extensions > 0)::int',
  extensions: 'extensions',
  escalated: 'escalated::int',
  mediationReferred: 'mediation_referred::int',
  mediationSettled: "coalesce(mediation_outcome = 'settled', false)::int",
  mediationNotSettled: "coalesce(mediation_outcome = 'not_settled', false)::int",
  reopened: '(reopen_count > 0)::int',
  reopens: 'reopen_count',
  repeat: 'repeat::int',
  satisfactionResponses: '(satisfaction_score IS NOT NULL)::int',
  satisfactionSum: 'coalesce(satisfaction_score, 0)',
  satisfaction1: 'coalesce(satisfaction_score = 1, false)::int',
  satisfaction2: 'coalesce(satisfaction_score = 2, false)::int',
  satisfaction3: 'coalesce(satisfaction_score = 3, false)::int',
  satisfaction4: 'coalesce(satisfaction_score = 4, false)::int',
  satisfaction5: 'coalesce(satisfaction_score = 5, false)::int',
  withdrawn: 'withdrawn::int',
  closed: '(closed_at IS NOT NULL)::int',
};

/** domain/duration-histogram.ts `durationBucket` in SQL (integer division of non-negative bigints floors). */
export function bucketSql(ms: string): string {
  let from = 0;
  let first = 0;
  const bands = HISTOGRAM_BANDS.map(({ untilHours, widthHours }) => {
    const [fromMs, untilMs, widthMs] = [from, untilHours * HOUR_MS, widthHours * HOUR_MS];
    const sql = `WHEN ${ms} < ${untilMs} THEN ${first} + (${ms} - ${fromMs}) / ${widthMs}`;
    first += (untilMs - fromMs) / widthMs;
    from = untilMs;
    return sql;
  });
  return `(CASE WHEN ${ms} IS NULL THEN NULL ${bands.join(' ')} ELSE ${OVERFLOW_BUCKET} END)::int`;
}

/**
 * Fills `target` (shaped like analytics.kpi_rollup, empty for the facts it gets) with the rollup rows of
 * the fact rows `factFilter` selects: the very rows the writer keeps up to date event by event (the
 * migration that introduced the rollups, the benchmark's load and a test that compares the two use it).
 */
export function rollupBackfillSql(target = 'analytics.kpi_rollup', factFilter = 'TRUE'): string {
  const dimensions = ROLLUP_DIMENSIONS.map((d) => `('${d}', ${DIMENSION_COLUMNS[d]})`).join(', ');
  const counters = COUNTER_COLUMNS.map((c) => c.column).join(', ');
  return `
    INSERT INTO ${target} (grain, day, department, dimension, key, ${counters}, feedback_histogram, resolution_histogram)
    SELECT g.grain, g.day, coalesce(f.department, '${UNKNOWN_KEY}'), d.dimension, coalesce(d.key, '${UNKNOWN_KEY}'),
      ${COUNTER_COLUMNS.map((c) => `sum(${COUNTER_SQL[c.name]})`).join(', ')},
      analytics.histogram(${bucketSql('f.feedback_ms')}), analytics.histogram(${bucketSql('f.resolution_ms')})
    FROM analytics.complaint_facts f
    CROSS JOIN LATERAL (VALUES ('day', f.received_day), ('month', date_trunc('month', f.received_day)::date)) AS g (grain, day)
    CROSS JOIN LATERAL (VALUES ${dimensions}) AS d (dimension, key)
    WHERE f.received_day IS NOT NULL AND (${factFilter})
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Fills `target` (shaped like analytics.jrt0169_rollup, empty for the facts it gets) with the JR/T 0169
 * rollup rows of the fact rows `factFilter` selects: complaints per day and month of receipt, channel,
 * business category and cause, the rows the writer keeps event by event (domain/jrt0169-rollup.ts).
 */
export function jrt0169BackfillSql(target = 'analytics.jrt0169_rollup', factFilter = 'TRUE'): string {
  return `
    INSERT INTO ${target} (grain, day, channel, product, reason, volume)
    SELECT g.grain, g.day, coalesce(f.channel, '${UNKNOWN_KEY}'), coalesce(f.product, '${UNKNOWN_KEY}'), coalesce(f.reason, '${UNKNOWN_KEY}'), count(*)
    FROM analytics.complaint_facts f
    CROSS JOIN LATERAL (VALUES ('day', f.received_day), ('month', date_trunc('month', f.received_day)::date)) AS g (grain, day)
    WHERE f.received_day IS NOT NULL AND (${factFilter})
    GROUP BY 1, 2, 3, 4, 5`;
}
