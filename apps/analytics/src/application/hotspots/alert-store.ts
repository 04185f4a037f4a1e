import type { Department } from '@complaints/contracts';
import type { HotSubjectState, RaisedAlert } from '../../domain/hotspots/alert-deduplicator';

/** A raised alert as stored (and published): its id is the event id on `analytics.alerts.v1`. */
export type StoredAlert = RaisedAlert & { alertId: string; raisedAt: Date; samples: string[]; publishedAt?: Date | null };

export interface AlertFilter {
  kind: 'spike' | 'term' | null;
  /** Alerts raised at or after. */
  since: Date;
  /** null: all; else term alerts and the spikes of these departments. */
  departments: readonly Department[] | null;
  limit: number;
}

/** Raised alerts: the history GET /v1/hotspots reads, the deduplication re-seeds from, and the outbox the relay publishes. */
export abstract class AlertStore {
  /**
   * One admission at a time across every instance: under a lock, hands `decide` the subjects hot at
   * `now` (detected within `coolDownMs` before it), then stores, in the same transaction, the alerts
   * it raises (unpublished) and the hot subjects it leaves. Returns the stored alerts.
   */
  abstract admit(
    now: Date,
    coolDownMs: number,
    decide: (hot: HotSubjectState[]) => Promise<{ alerts: StoredAlert[]; hot: HotSubjectState[] }>,
  ): Promise<StoredAlert[]>;

  /** Alerts raised in [from, to), oldest first (to re-seed the deduplication; a week's bulletin). */
  abstract raisedBetween(from: Date, to: Date): Promise<StoredAlert[]>;

  /** Newest first. */
  abstract list(filter: AlertFilter): Promise<StoredAlert[]>;
}
