import { SCORECARD_MEASURES, ScorecardMeasure } from '@complaints/contracts';

/** A measure's target (met at or beyond it) and watch line (missed beyond it). */
export interface MeasureTarget {
  target: number;
  watch: number;
}

export type ScorecardTargets = Record<ScorecardMeasure, MeasureTarget>;

/** Whether a higher value is better; the others are rates of things that should be rare. */
export const HIGHER_IS_BETTER: Record<ScorecardMeasure, boolean> = {
  firstFeedbackWithin48h: true,
  decidedWithin15d: true,
  breachRate: false,
  escalationRate: false,
  reopenRate: false,
  satisfactionMean: true,
  satisfactionResponseRate: true,
  repeatRate: false,
};

/** The defaults (apps/analytics/KPIS.md); ANALYTICS_SCORECARD_TARGETS overrides any of them. */
export const DEFAULT_SCORECARD_TARGETS: ScorecardTargets = {
  firstFeedbackWithin48h: { target: 0.95, watch: 0.9 },
  decidedWithin15d: { target: 0.95, watch: 0.9 },
  breachRate: { target: 0.01, watch: 0.03 },
  escalationRate: { target: 0.05, watch: 0.1 },
  reopenRate: { target: 0.05, watch: 0.1 },
  satisfactionMean: { target: 4, watch: 3.5 },
  satisfactionResponseRate: { target: 0.5, watch: 0.3 },
  repeatRate: { target: 0.05, watch: 0.1 },
};

const NUMBER = '\\d+(?:\\.\\d+)?';
const ENTRY = `(?:${SCORECARD_MEASURES.join('|')})=${NUMBER}/${NUMBER}`;
/** `measure=target/watch` pairs, comma-separated, e.g. `firstFeedbackWithin48h=0.98/0.95,satisfactionMean=4.2/3.8`. */
export const SCORECARD_TARGETS_PATTERN = new RegExp(`^(?:${ENTRY}(?:,${ENTRY})*)?$`);

/**
 * The defaults with the overrides of `text` (SCORECARD_TARGETS_PATTERN). Throws, naming the measure,
 * when a watch line is on the wrong side of its target or a value is out of range (shares 0-1, the mean 1-5).
 */
export function parseScorecardTargets(text: string): ScorecardTargets {
  if (!SCORECARD_TARGETS_PATTERN.test(text))
    throw new Error(`scorecard targets must be measure=target/watch pairs of ${SCORECARD_MEASURES.join(', ')}`);
  const targets = { ...DEFAULT_SCORECARD_TARGETS };
  for (const entry of text ? text.split(',') : []) {
    const [measure, values] = entry.split('=') as [ScorecardMeasure, string];
    const [target, watch] = values.split('/').map(Number);
    const [low, high] = measure === 'satisfactionMean' ? [1, 5] : [0, 1];
    if ([target, watch].some((v) => v < low || v > high))
      throw new Error(`${measure}: target and watch line must lie between ${low} and ${high}`);
    if (HIGHER_IS_BETTER[measure] ? watch > target : watch < target) {
      throw new Error(`${measure}: the watch line must be ${HIGHER_IS_BETTER[measure] ? 'at or below' : 'at or above'} the target`);
    }
    targets[measure] = { target, watch };
  }
  return targets;
}
