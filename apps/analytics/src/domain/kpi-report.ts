import { ComplaintFact, HOUR_MS } from './complaint-fact';
import { Histogram, histogramPercentile } from './duration-histogram';
import type { KpiCounters } from './kpi-counters';
import { addCells, emptyCell, rollupCell } from './kpi-rollup';

/**
 * Median and 90th percentile of a duration, in milliseconds, over the complaints that have it: from
 * the durations' histogram, off by less than a bucket's width (see duration-histogram.ts).
 */
export interface DurationPercentiles {
  feedbackP50Ms: number | null;
  feedbackP90Ms: number | null;
  resolutionP50Ms: number | null;
  resolutionP90Ms: number | null;
}

/** The KPIs of one group of complaints (definitions in apps/analytics/KPIS.md). */
export interface KpiGroup {
  key: string;
  volume: number;
  cases: number;
  firstFeedback: { given: number; within48h: number; shareWithin48h: number | null; medianHours: number | null; p90Hours: number | null };
  decision: { decided: number; within15d: number; shareWithin15d: number | null };
  resolution: { resolved: number; medianHours: number | null; p90Hours: number | null };
  breaches: { feedback: number; decision: number; complaints: number };
  extensions: { complaints: number; granted: number };
  escalation: { escalated: number; rate: number | null };
  mediation: { referred: number; settled: number; notSettled: number };
  reopening: { reopened: number; reopens: number; rate: number | null };
  repeat: { repeat: number; rate: number | null };
  satisfaction: {
    responses: number;
    responseRate: number | null;
    mean: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  };
  withdrawn: number;
  closed: number;
}

/** A share rounded to 4 decimals; null when there is nothing to divide by. */
export function share(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / HOUR_MS) * 100) / 100;
}

export function kpiGroup(key: string, c: KpiCounters, p: DurationPercentiles): KpiGroup {
  return {
    key,
    volume: c.volume,
    cases: c.cases,
    firstFeedback: {
      given: c.feedbackGiven,
      within48h: c.feedbackWithin48h,
      shareWithin48h: share(c.feedbackWithin48h, c.cases),
      medianHours: hours(p.feedbackP50Ms),
      p90Hours: hours(p.feedbackP90Ms),
    },
    decision: { decided: c.decided, within15d: c.decidedWithin15d, shareWithin15d: share(c.decidedWithin15d, c.cases) },
    resolution: { resolved: c.resolved, medianHours: hours(p.resolutionP50Ms), p90Hours: hours(p.resolutionP90Ms) },
    breaches: { feedback: c.feedbackBreaches, decision: c.decisionBreaches, complaints: c.breachedComplaints },
    extensions: { complaints: c.extended, granted: c.extensions },
    escalation: { escalated: c.escalated, rate: share(c.escalated, c.volume) },
    mediation: { referred: c.mediationReferred, settled: c.mediationSettled, notSettled: c.mediationNotSettled },
    reopening: { reopened: c.reopened, reopens: c.reopens, rate: share(c.reopened, c.decided) },
    repeat: { repeat: c.repeat, rate: share(c.repeat, c.volume) },
    satisfaction: {
      responses: c.satisfactionResponses,
      responseRate: share(c.satisfactionResponses, c.decided),
      mean: c.satisfactionResponses === 0 ? null : Math.round((c.satisfactionSum / c.satisfactionResponses) * 100) / 100,
      distribution: { '1': c.satisfaction1, '2': c.satisfaction2, '3': c.satisfaction3, '4': c.satisfaction4, '5': c.satisfaction5 },
    },
    withdrawn: c.withdrawn,
    closed: c.closed,
  };
}

/** The percentiles of the durations two histograms count. */
export function durationPercentiles(feedback: Histogram, resolution: Histogram): DurationPercentiles {
  return {
    feedbackP50Ms: histogramPercentile(feedback, 0.5),
    feedbackP90Ms: histogramPercentile(feedback, 0.9),
    resolutionP50Ms: histogramPercentile(resolution, 0.5),
    resolutionP90Ms: histogramPercentile(resolution, 0.9),
  };
}

/**
 * The reference computation of the KPIs straight from fact rows: the read model gives the same answer
 * from the sums of its rollup rows.
 */
export function summariseFacts(key: string, facts: readonly ComplaintFact[]): KpiGroup {
  const sum = facts.reduce((cell, f) => addCells(cell, rollupCell(f)), emptyCell());
  return kpiGroup(key, sum.counters, durationPercentiles(sum.feedbackHistogram, sum.resolutionHistogram));
}
