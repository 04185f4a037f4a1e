import { AlertRelay } from '../hotspots/alert-relay';
import type { StoredAlert } from '../hotspots/alert-store';
import type { InMemoryAlertStore } from './in-memory-alert.store';

/** Publishes the store's unpublished alerts, oldest first; `unavailable` fails as a Kafka outage would, publishing none. */
export class InMemoryAlertRelay extends AlertRelay {
  readonly published: StoredAlert[] = [];
  unavailable: Error | null = null;

  constructor(
    private readonly store: InMemoryAlertStore,
    private readonly now: () => Date,
  ) {
    super();
  }

  async publishPending(): Promise<number> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    const pending = this.store.alerts.filter((a) => !a.publishedAt);
    for (const alert of pending) alert.publishedAt = this.now();
    this.published.push(...structuredClone(pending));
    return pending.length;
  }
}
