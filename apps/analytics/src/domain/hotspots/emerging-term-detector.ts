import { testAgainstBaseline } from './baseline-test';
import type { TermAlert } from './hotspot-alert';
import type { TermActivity, TermOccurrence } from './term-activity';

export interface EmergingTermSettings {
  /** An alert needs the term in at least this many distinct complaints in the window. */
  minComplaints: number;
  /** ... and at least this many times its baseline rate ("rare before"). */
  minRatio: number;
  /** Family-wise false-alarm level of one evaluation (Bonferroni over the terms in the window). */
  alpha: number;
  /** No term is judged before this many baseline windows of history (a day of hours). */
  minBaselineWindows: number;
  /** Sample complaint references per alert. */
  sampleSize: number;
}

export const DEFAULT_EMERGING_TERM_SETTINGS: EmergingTermSettings = {
  minComplaints: 10,
  minRatio: 3,
  alpha: 0.001,
  minBaselineWindows: 24,
  sampleSize: 5,
};

interface Candidate {
  term: string;
  occurrences: TermOccurrence[];
}

/**
 * The terms in at least `minComplaints` complaints of the current window whose count is
 * significantly above their own baseline rate (see baseline-test.ts), Bonferroni-corrected over
 * every term seen in the window, at least `minRatio` times that rate. A term whose complaints all
 * also carry a longer alerting term containing it (某某 inside 某某理财) is left to the longer one.
 * Prunes `activity` first. Most significant first.
 */
export function detectEmergingTerms(activity: TermActivity, now: Date, overrides: Partial<EmergingTermSettings> = {}): TermAlert[] {
  const settings = validSettings({ ...DEFAULT_EMERGING_TERM_SETTINGS, ...overrides });
  activity.prune(now);
  if (activity.baselineWindowCount(now) < settings.minBaselineWindows) return [];

  let termsInWindow = 0;
  const candidates: Candidate[] = [];
  for (const [term, occurrences] of activity.windowTerms(now)) {
    termsInWindow++;
    if (occurrences.length >= settings.minComplaints) candidates.push({ term, occurrences });
  }
  const threshold = settings.alpha / Math.max(termsInWindow, 1);

  const alerting = candidates
    .map((c) => ({ ...c, ...testAgainstBaseline(c.occurrences.length, activity.baselineCounts(c.term, now)) }))
    .filter((c) => c.pValue <= threshold && c.occurrences.length / c.expected >= settings.minRatio);
  return withoutSubsumedTerms(alerting)
    .sort((a, b) => a.pValue - b.pValue)
    .map((c) => ({
      kind: 'term' as const,
      subject: c.term,
      since: new Date(c.occurrences[0].at),
      until: now,
      observed: c.occurrences.length,
      expected: c.expected,
      ratio: c.occurrences.length / c.expected,
      pValue: c.pValue,
      threshold,
      samples: c.occurrences
        .slice(-settings.sampleSize)
        .reverse()
        .map((o) => o.reference),
    }));
}

/** Longest first; a term is dropped when a kept term contains it and was in every one of its complaints. */
function withoutSubsumedTerms<T extends Candidate>(alerting: T[]): T[] {
  const kept: { candidate: T; complaints: Set<string> }[] = [];
  for (const candidate of [...alerting].sort((a, b) => b.term.length - a.term.length)) {
    const subsumed = kept.some(
      (k) => k.candidate.term.includes(candidate.term) && candidate.occurrences.every((o) => k.complaints.has(o.complaintId)),
    );
    if (!subsumed) kept.push({ candidate, complaints: new Set(candidate.occurrences.map((o) => o.complaintId)) });
  }
  return kept.map((k) => k.candidate);
}

function validSettings(settings: EmergingTermSettings): EmergingTermSettings {
  if (!Number.isInteger(settings.minComplaints) || settings.minComplaints < 1)
    throw new RangeError('minComplaints must be a whole number >= 1');
  if (!(settings.minRatio >= 1)) throw new RangeError('minRatio must be >= 1');
  if (!(settings.alpha > 0 && settings.alpha < 1)) throw new RangeError('alpha must lie between 0 and 1');
  if (!Number.isInteger(settings.sampleSize) || settings.sampleSize < 0) throw new RangeError('sampleSize must be a whole number >= 0');
  if (!Number.isInteger(settings.minBaselineWindows) || settings.minBaselineWindows < 1)
    throw new RangeError('minBaselineWindows must be a whole number >= 1');
  return settings;
}
