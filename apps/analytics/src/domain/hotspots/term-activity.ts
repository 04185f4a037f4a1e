import { BucketCounts } from './bucket-counts';

/** One complaint as the term tracker needs it; `terms` from extractTerms (libs/classification). */
export interface TermObservation {
  complaintId: string;
  reference: string;
  receivedAt: Date;
  terms: readonly string[];
}

/** A complaint that mentioned a term in the current window. */
export interface TermOccurrence {
  complaintId: string;
  reference: string;
  at: number;
}

export interface TermActivitySettings {
  /** The current window: the term's complaints in (now - windowMs, now]. */
  windowMs: number;
  /** History is kept as distinct-complaint counts per term per bucket of this length. */
  bucketMs: number;
  /** How far back before the window the baseline reaches. */
  lookbackMs: number;
}

export const DEFAULT_TERM_ACTIVITY_SETTINGS: TermActivitySettings = {
  windowMs: 3_600_000,
  bucketMs: 3_600_000,
  lookbackMs: 7 * 24 * 3_600_000,
};

/**
 * Incremental per-term counts: `observe` once per complaint as it arrives (idempotent per complaint
 * id), then evaluate on a tick. Keeps the window's occurrences (for counts and sample references) and,
 * per term, the distinct complaints per bucket over the lookback (sparse: a rare term costs little).
 */
export class TermActivity {
  readonly settings: TermActivitySettings;
  private readonly recent = new Map<string, TermOccurrence[]>();
  private readonly history = new Map<string, BucketCounts>();
  /** Buckets a term's counts must cover: the lookback, the window and the bucket between them. */
  private readonly span: number;
  private readonly seen = new Map<string, number>();
  private historyStartMs: number | undefined;
  private latestMs = -Infinity;
  private prunedBelowBucket = -Infinity;

  /** `historyStart`: since when complaints have been fed (after a replay, its start); else the first observation. */
  constructor(settings: Partial<TermActivitySettings> = {}, historyStart?: Date) {
    this.settings = { ...DEFAULT_TERM_ACTIVITY_SETTINGS, ...settings };
    const { windowMs, bucketMs, lookbackMs } = this.settings;
    if (!(bucketMs > 0) || windowMs % bucketMs !== 0 || lookbackMs % windowMs !== 0 || windowMs <= 0) {
      throw new RangeError('windowMs must be a positive multiple of bucketMs, and lookbackMs a multiple of windowMs');
    }
    this.historyStartMs = historyStart?.getTime();
    this.span = (lookbackMs + windowMs) / bucketMs + 2;
  }

  observe(complaint: TermObservation): void {
    if (this.seen.has(complaint.complaintId)) return;
    const at = complaint.receivedAt.getTime();
    this.seen.set(complaint.complaintId, at);
    this.historyStartMs = Math.min(this.historyStartMs ?? at, at);
    const bucket = Math.floor(at / this.settings.bucketMs);
    // A replay of days of complaints between two ticks: keep only the latest window's occurrences.
    if (bucket > Math.floor(this.latestMs / this.settings.bucketMs)) this.pruneRecent(at - this.settings.windowMs);
    this.latestMs = Math.max(this.latestMs, at);
    const isRecent = at > this.latestMs - this.settings.windowMs;
    for (const term of new Set(complaint.terms)) {
      let counts = this.history.get(term);
      if (!counts) this.history.set(term, (counts = new BucketCounts(this.span)));
      counts.increment(bucket);
      if (isRecent) {
        const occurrences = this.recent.get(term) ?? [];
        occurrences.push({ complaintId: complaint.complaintId, reference: complaint.reference, at });
        this.recent.set(term, occurrences);
      }
    }
  }

  /** What is held, for a gauge: terms with history, complaints remembered for deduplication. */
  get size(): { terms: number; complaints: number } {
    return { terms: this.history.size, complaints: this.seen.size };
  }

  /** Forgets what no window or baseline as of `now` needs any more. */
  prune(now: Date): void {
    const windowStart = now.getTime() - this.settings.windowMs;
    this.pruneRecent(windowStart);
    const horizon = windowStart - this.settings.lookbackMs - this.settings.bucketMs;
    for (const [id, at] of this.seen) if (at < horizon) this.seen.delete(id);
    const oldestBucket = Math.floor(horizon / this.settings.bucketMs);
    if (oldestBucket <= this.prunedBelowBucket) return; // history only needs pruning once per bucket
    this.prunedBelowBucket = oldestBucket;
    for (const [term, counts] of this.history) {
      counts.prune(oldestBucket);
      if (counts.isEmpty) this.history.delete(term);
    }
  }

  private pruneRecent(windowStart: number): void {
    for (const [term, occurrences] of this.recent) {
      const kept = occurrences.filter((o) => o.at > windowStart);
      if (kept.length === 0) this.recent.delete(term);
      else if (kept.length < occurrences.length) this.recent.set(term, kept);
    }
  }

  /** Every term mentioned in (now - windowMs, now], with its occurrences, oldest first. */
  *windowTerms(now: Date): Generator<[string, TermOccurrence[]]> {
    const windowStart = now.getTime() - this.settings.windowMs;
    for (const [term, occurrences] of this.recent) {
      const inWindow = occurrences.filter((o) => o.at > windowStart && o.at <= now.getTime());
      if (inWindow.length > 0) yield [term, inWindow.sort((a, b) => a.at - b.at)];
    }
  }

  /** How many whole baseline windows of known history precede the window ending at `now`. */
  baselineWindowCount(now: Date): number {
    if (this.historyStartMs === undefined) return 0;
    const { end, earliest } = this.baselineRange(now);
    return Math.max(0, Math.floor((end - earliest) / this.settings.windowMs));
  }

  /** The term's distinct-complaint counts in each baseline window, most recent first. */
  baselineCounts(term: string, now: Date): number[] {
    const { windowMs, bucketMs } = this.settings;
    const { end } = this.baselineRange(now);
    const counts = this.history.get(term);
    const perWindow = windowMs / bucketMs;
    return Array.from({ length: this.baselineWindowCount(now) }, (_, k) => {
      const first = (end - (k + 1) * windowMs) / bucketMs;
      let count = 0;
      for (let b = first; b < first + perWindow; b++) count += counts?.count(b) ?? 0;
      return count;
    });
  }

  /** Baseline windows end at the last bucket boundary before the window, and reach back the lookback (or to the history's start). */
  private baselineRange(now: Date): { end: number; earliest: number } {
    const { windowMs, bucketMs, lookbackMs } = this.settings;
    const end = Math.floor((now.getTime() - windowMs) / bucketMs) * bucketMs;
    const historyStart = Math.ceil((this.historyStartMs ?? end) / bucketMs) * bucketMs;
    return { end, earliest: Math.max(end - lookbackMs, historyStart) };
  }
}
