/**
 * The shape of analytics' `GET /v1/kpis/series`, shared by the service and the staff console's dashboard:
 * one day of one group, the complaints received that day and how their deadlines went so far
 * (apps/analytics/KPIS.md). Plain types, so the browser code can import them.
 */
export interface KpiSeriesPoint {
  day: string;
  volume: number;
  cases: number;
  /** Cases whose first feedback came within 48 h net of pauses. */
  firstFeedbackWithin48h: number;
  /** Cases decided within 15 days net of pauses. */
  decidedWithin15d: number;
  /** `case.sla_breached` events per clock, and complaints with at least one. */
  breaches: { feedback: number; decision: number; complaints: number };
  /** breaches.complaints over cases (null without cases). */
  breachedShare: number | null;
}

/** The points of one group (department, channel, ...), one per day. */
export interface KpiSeries {
  key: string;
  points: KpiSeriesPoint[];
}
