import { ComplaintFact, DAY_MS, HOUR_MS } from './complaint-fact';

/** First feedback counts as timely within 48 hours of receipt (paused time excluded). */
export const FEEDBACK_TARGET_MS = 48 * HOUR_MS;
/** The decision counts as timely within 15 days of receipt (CBIRC 2020; paused time excluded, extensions not counted). */
export const DECISION_TARGET_MS = 15 * DAY_MS;

/**
 * Additive counters of a set of complaints. The rollups keep these per day and dimensions; any period's
 * totals are sums of them. See apps/analytics/KPIS.md for what each counts.
 */
export interface KpiCounters {
  volume: number;
  cases: number;
  feedbackGiven: number;
  feedbackWithin48h: number;
  decided: number;
  decidedWithin15d: number;
  resolved: number;
  feedbackBreaches: number;
  decisionBreaches: number;
  breachedComplaints: number;
  extended: number;
  extensions: number;
  escalated: number;
  mediationReferred: number;
  mediationSettled: number;
  mediationNotSettled: number;
  reopened: number;
  reopens: number;
  repeat: number;
  satisfactionResponses: number;
  satisfactionSum: number;
  satisfaction1: number;
  satisfaction2: number;
  satisfaction3: number;
  satisfaction4: number;
  satisfaction5: number;
  withdrawn: number;
  closed: number;
}

export const COUNTER_NAMES: readonly (keyof KpiCounters)[] = [
  'volume',
  'cases',
  'feedbackGiven',
  'feedbackWithin48h',
  'decided',
  'decidedWithin15d',
  'resolved',
  'feedbackBreaches',
  'decisionBreaches',
  'breachedComplaints',
  'extended',
  'extensions',
  'escalated',
  'mediationReferred',
  'mediationSettled',
  'mediationNotSettled',
  'reopened',
  'reopens',
  'repeat',
  'satisfactionResponses',
  'satisfactionSum',
  'satisfaction1',
  'satisfaction2',
  'satisfaction3',
  'satisfaction4',
  'satisfaction5',
  'withdrawn',
  'closed',
];

export function zeroCounters(): KpiCounters {
  const zero = {} as KpiCounters;
  for (const n of COUNTER_NAMES) zero[n] = 0;
  return zero;
}

const one = (b: boolean) => (b ? 1 : 0);

/** What one complaint adds to the counters (all zero until its receipt time is known). */
export function contribution(f: ComplaintFact): KpiCounters {
  if (f.receivedDay === null) return zeroCounters();
  const score = f.satisfactionScore;
  return {
    volume: 1,
    cases: one(f.hasCase),
    feedbackGiven: one(f.feedbackMs !== null),
    feedbackWithin48h: one(f.feedbackMs !== null && f.feedbackMs <= FEEDBACK_TARGET_MS),
    decided: one(f.decisionMs !== null),
    decidedWithin15d: one(f.decisionMs !== null && f.decisionMs <= DECISION_TARGET_MS),
    resolved: one(f.everResolved),
    feedbackBreaches: f.feedbackBreaches,
    decisionBreaches: f.decisionBreaches,
    breachedComplaints: one(f.feedbackBreaches + f.decisionBreaches > 0),
    extended: one(f.extensions > 0),
    extensions: f.extensions,
    escalated: one(f.escalated),
    mediationReferred: one(f.mediationReferred),
    mediationSettled: one(f.mediationOutcome === 'settled'),
    mediationNotSettled: one(f.mediationOutcome === 'not_settled'),
    reopened: one(f.reopenCount > 0),
    reopens: f.reopenCount,
    repeat: one(f.repeat),
    satisfactionResponses: one(score !== null),
    satisfactionSum: score ?? 0,
    satisfaction1: one(score === 1),
    satisfaction2: one(score === 2),
    satisfaction3: one(score === 3),
    satisfaction4: one(score === 4),
    satisfaction5: one(score === 5),
    withdrawn: one(f.withdrawn),
    closed: one(f.closedAt !== null),
  };
}

export function addCounters(a: KpiCounters, b: KpiCounters, sign: 1 | -1 = 1): KpiCounters {
  return Object.fromEntries(COUNTER_NAMES.map((n) => [n, a[n] + sign * b[n]])) as unknown as KpiCounters;
}

export function isZero(c: KpiCounters): boolean {
  return COUNTER_NAMES.every((n) => c[n] === 0);
}
