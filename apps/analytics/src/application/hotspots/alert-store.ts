import type { Department } from '@complaints/contracts';
import type { RaisedAlert } from '../../domain/hotspots/alert-deduplicator';

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
  /** Stores raised alerts, unpublished, in one transaction. */
  abstract save(alerts: readonly StoredAlert[]): Promise<void>;

  /** Alerts raised in [from, to), oldest first (to re-seed the deduplication; a week's bulletin). */
  abstract raisedBetween(from: Date, to: Date): Promise<StoredAlert[]>;

  /** Newest first. */
  abstract list(filter: AlertFilter): Promise<StoredAlert[]>;
}
