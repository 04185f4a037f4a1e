import { DEPARTMENTS, MeasureRating, SCORECARD_MEASURES, ScorecardMeasure } from '@complaints/contracts';
import { addCounters, DECISION_TARGET_MS, FEEDBACK_TARGET_MS, KpiCounters, zeroCounters } from '../kpi-counters';
import { kpiGroup, share } from '../kpi-report';
import { periodBounds, ReportPeriod } from '../report-period';
import { HIGHER_IS_BETTER, ScorecardTargets } from './scorecard-targets';

export interface CountChange {
  value: number;
  previous: number;
  change: number;
}

export interface MeasureScore {
  measure: ScorecardMeasure;
  value: number | null;
  previous: number | null;
  change: number | null;
  target: number;
  watch: number;
  higherIsBetter: boolean;
  rating: MeasureRating;
  provisional: boolean;
}

/** One department's row, or `ALL`. */
export interface ScorecardRow {
  key: string;
  volume: CountChange;
  cases: CountChange;
  measures: MeasureScore[];
}

export interface Scorecard {
  period: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** The figures as they stood then: recent periods grow as their cases are worked. */
  asOf: string;
  total: ScorecardRow;
  departments: ScorecardRow[];
}

export interface ScorecardInput {
  period: ReportPeriod;
  previous: ReportPeriod;
  asOf: Date;
  /** Counters per department (keys as the read model groups them) in the period and in the previous one. */
  current: ReadonlyMap<string, KpiCounters>;
  prior: ReadonlyMap<string, KpiCounters>;
  targets: ScorecardTargets;
}

export const ALL_DEPARTMENTS_KEY = 'ALL';

const NO_PERCENTILES = { feedbackP50Ms: null, feedbackP90Ms: null, resolutionP50Ms: null, resolutionP90Ms: null };

/** The measures of a set of complaints, with the KPI API's definitions and rounding (apps/analytics/KPIS.md). */
export function measureValues(c: KpiCounters): Record<ScorecardMeasure, number | null> {
  const g = kpiGroup(ALL_DEPARTMENTS_KEY, c, NO_PERCENTILES);
  return {
    firstFeedbackWithin48h: g.firstFeedback.shareWithin48h,
    decidedWithin15d: g.decision.shareWithin15d,
    breachRate: share(g.breaches.complaints, g.cases),
    escalationRate: g.escalation.rate,
    reopenRate: g.reopening.rate,
    satisfactionMean: g.satisfaction.mean,
    satisfactionResponseRate: g.satisfaction.responseRate,
    repeatRate: g.repeat.rate,
  };
}

/**
 * The timeliness shares whose complaints may still get feedback (48 h) or a decision (15 days) in time,
 * because the period ended less than that before `asOf`: these shares can still grow.
 */
export function provisionalMeasures(period: ReportPeriod, asOf: Date): Set<ScorecardMeasure> {
  const sinceEnd = asOf.getTime() - periodBounds(period).to.getTime();
  const running = new Set<ScorecardMeasure>();
  if (sinceEnd < FEEDBACK_TARGET_MS) running.add('firstFeedbackWithin48h');
  if (sinceEnd < DECISION_TARGET_MS) running.add('decidedWithin15d');
  return running;
}

/**
 * met: at or beyond the target; watch: not beyond the watch line; missed: beyond it. A provisional
 * share short of its target is `pending` (it is a lower bound until its clocks have run out).
 */
export function rateMeasure(
  value: number | null,
  target: { target: number; watch: number },
  higherIsBetter: boolean,
  provisional: boolean,
): MeasureRating {
  if (value === null) return 'no-data';
  const atLeast = (line: number) => (higherIsBetter ? value >= line : value <= line);
  if (atLeast(target.target)) return 'met';
  if (provisional) return 'pending';
  return atLeast(target.watch) ? 'watch' : 'missed';
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

function count(value: number, previous: number): CountChange {
  return { value, previous, change: value - previous };
}

function row(
  key: string,
  current: KpiCounters,
  prior: KpiCounters,
  targets: ScorecardTargets,
  provisional: Set<ScorecardMeasure>,
): ScorecardRow {
  const now = measureValues(current);
  const before = measureValues(prior);
  return {
    key,
    volume: count(current.volume, prior.volume),
    cases: count(current.cases, prior.cases),
    measures: SCORECARD_MEASURES.map((measure) => {
      const [value, previous] = [now[measure], before[measure]];
      return {
        measure,
        value,
        previous,
        change: value === null || previous === null ? null : round(value - previous, measure === 'satisfactionMean' ? 2 : 4),
        ...targets[measure],
        higherIsBetter: HIGHER_IS_BETTER[measure],
        rating: rateMeasure(value, targets[measure], HIGHER_IS_BETTER[measure], provisional.has(measure)),
        provisional: provisional.has(measure),
      };
    }),
  };
}

const sum = (counters: Iterable<KpiCounters>) => [...counters].reduce((a, b) => addCounters(a, b), zeroCounters());

/** Every department's row (each department named in the taxonomy, then any other key, e.g. UNKNOWN) and the total. */
export function scorecard(input: ScorecardInput): Scorecard {
  const provisional = provisionalMeasures(input.period, input.asOf);
  const others = [...new Set([...input.current.keys(), ...input.prior.keys()])]
    .filter((k) => !(DEPARTMENTS as readonly string[]).includes(k))
    .sort();
  const of = (counters: ReadonlyMap<string, KpiCounters>, key: string) => counters.get(key) ?? zeroCounters();
  return {
    period: input.period.label,
    from: input.period.fromDay,
    to: input.period.toDay,
    previousFrom: input.previous.fromDay,
    previousTo: input.previous.toDay,
    asOf: input.asOf.toISOString(),
    total: row(ALL_DEPARTMENTS_KEY, sum(input.current.values()), sum(input.prior.values()), input.targets, provisional),
    departments: [...DEPARTMENTS, ...others].map((key) =>
      row(key, of(input.current, key), of(input.prior, key), input.targets, provisional),
    ),
  };
}
