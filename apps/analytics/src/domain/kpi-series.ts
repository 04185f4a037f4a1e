import type { KpiSeries, KpiSeriesPoint } from '@complaints/contracts';
import { addCounters, KpiCounters, zeroCounters } from './kpi-counters';
import { share } from './kpi-report';
import { nextDay } from './shanghai-time';

/** The summed rollup counters of one group on one Shanghai day. */
export interface DailyCounters {
  day: string;
  key: string;
  counters: KpiCounters;
}

/** Every calendar day from `fromDay` to `toDay`, both included (YYYY-MM-DD). */
export function calendarDays(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let day = fromDay; day <= toDay; day = nextDay(day)) days.push(day);
  return days;
}

function point(day: string, c: KpiCounters): KpiSeriesPoint {
  return {
    day,
    volume: c.volume,
    cases: c.cases,
    firstFeedbackWithin48h: c.feedbackWithin48h,
    decidedWithin15d: c.decidedWithin15d,
    breaches: { feedback: c.feedbackBreaches, decision: c.decisionBreaches, complaints: c.breachedComplaints },
    breachedShare: share(c.breachedComplaints, c.cases),
  };
}

/**
 * One series per group that received complaints in the period, ordered by key, with a point for every
 * day of `days` (days without complaints are zeros, so every series has the same length).
 */
export function kpiSeries(days: readonly string[], rows: readonly DailyCounters[]): KpiSeries[] {
  const byKey = new Map<string, Map<string, KpiCounters>>();
  for (const row of rows) {
    const perDay = byKey.get(row.key) ?? new Map<string, KpiCounters>();
    perDay.set(row.day, addCounters(perDay.get(row.day) ?? zeroCounters(), row.counters));
    byKey.set(row.key, perDay);
  }
  return [...byKey.keys()]
    .sort()
    .map((key) => ({ key, points: days.map((day) => point(day, byKey.get(key)!.get(day) ?? zeroCounters())) }))
    .filter((s) => s.points.some((p) => p.volume > 0));
}
