import { alertKey, HotspotAlert } from './hotspot-alert';

export interface DeduplicationSettings {
  /** A subject stays hot until it has gone this long without being detected; then it may be raised anew. */
  coolDownMs: number;
  /** While hot, it is raised again only when observed reaches this multiple of the count last raised. */
  growthFactor: number;
}

export const DEFAULT_DEDUPLICATION_SETTINGS: DeduplicationSettings = {
  coolDownMs: 2 * 3_600_000,
  growthFactor: 2,
};

/** An alert to publish: `new` for a subject that was not hot, `grown` for a hot one that grew materially. */
export type RaisedAlert = HotspotAlert & { key: string; raise: 'new' | 'grown' };

interface HotSubject {
  lastDetectedAt: number;
  raisedObserved: number;
}

/** A subject that is hot, as stored between evaluations (shared by every instance). */
export interface HotSubjectState {
  key: string;
  lastDetectedAt: Date;
  raisedObserved: number;
}

/**
 * Keeps one subject's alert from being raised again on every evaluation while it stays hot. Key:
 * `alertKey` (kind, dimension, subject). A detection of a subject not detected in the last `coolDownMs`
 * is raised as `new`; one of a hot subject is raised as `grown` only once its observed count reaches
 * `growthFactor` times the count last raised, and is otherwise suppressed (it keeps the subject hot).
 * State is in memory for one evaluation: `restore` it from the stored hot subjects and store its
 * `snapshot` with the alerts raised, so instances and restarts share it.
 */
export class AlertDeduplicator {
  readonly settings: DeduplicationSettings;
  private readonly hot = new Map<string, HotSubject>();

  constructor(settings: Partial<DeduplicationSettings> = {}) {
    this.settings = { ...DEFAULT_DEDUPLICATION_SETTINGS, ...settings };
    if (!(this.settings.coolDownMs > 0) || !(this.settings.growthFactor > 1))
      throw new RangeError('coolDownMs must be > 0 and growthFactor > 1');
  }

  /** The alerts of one evaluation at `now` that are to be raised. */
  admit(alerts: readonly HotspotAlert[], now: Date): RaisedAlert[] {
    this.forgetCold(now);
    const raised: RaisedAlert[] = [];
    for (const alert of alerts) {
      const key = alertKey(alert);
      const hot = this.hot.get(key);
      if (!hot) {
        raised.push({ ...alert, key, raise: 'new' });
        this.hot.set(key, { lastDetectedAt: now.getTime(), raisedObserved: alert.observed });
      } else if (alert.observed >= hot.raisedObserved * this.settings.growthFactor) {
        raised.push({ ...alert, key, raise: 'grown' });
        this.hot.set(key, { lastDetectedAt: now.getTime(), raisedObserved: alert.observed });
      } else {
        hot.lastDetectedAt = now.getTime();
      }
    }
    return raised;
  }

  /** A deduplicator holding these hot subjects. */
  static restore(settings: Partial<DeduplicationSettings>, subjects: readonly HotSubjectState[]): AlertDeduplicator {
    const deduplicator = new AlertDeduplicator(settings);
    for (const s of subjects) deduplicator.hot.set(s.key, { lastDetectedAt: s.lastDetectedAt.getTime(), raisedObserved: s.raisedObserved });
    return deduplicator;
  }

  /** The subjects hot now (after the last `admit`), to store. */
  snapshot(): HotSubjectState[] {
    return [...this.hot].map(([key, hot]) => ({ key, lastDetectedAt: new Date(hot.lastDetectedAt), raisedObserved: hot.raisedObserved }));
  }

  private forgetCold(now: Date): void {
    for (const [key, hot] of this.hot) if (now.getTime() - hot.lastDetectedAt > this.settings.coolDownMs) this.hot.delete(key);
  }
}
