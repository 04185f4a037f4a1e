import type { HotSubjectState } from '../../domain/hotspots/alert-deduplicator';
import { AlertFilter, AlertStore, StoredAlert } from '../hotspots/alert-store';

/** Raised alerts and the hot subjects in memory; one admission at a time, its alerts and hot subjects stored together. */
export class InMemoryAlertStore extends AlertStore {
  alerts: StoredAlert[] = [];
  hot: HotSubjectState[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  admit(
    now: Date,
    coolDownMs: number,
    decide: (hot: HotSubjectState[]) => Promise<{ alerts: StoredAlert[]; hot: HotSubjectState[] }>,
  ): Promise<StoredAlert[]> {
    const run = this.queue
      .catch(() => undefined)
      .then(async () => {
        const hot = this.hot.filter((h) => h.lastDetectedAt.getTime() >= now.getTime() - coolDownMs);
        const decided = await decide(structuredClone(hot));
        const stored = decided.alerts.map((a) => ({ ...structuredClone(a), publishedAt: null }));
        this.alerts.push(...stored);
        this.hot = structuredClone(decided.hot);
        return structuredClone(stored);
      });
    this.queue = run;
    return run;
  }

  async raisedBetween(from: Date, to: Date): Promise<StoredAlert[]> {
    await Promise.resolve();
    return structuredClone(this.alerts.filter((a) => a.raisedAt >= from && a.raisedAt < to));
  }

  async list(filter: AlertFilter): Promise<StoredAlert[]> {
    await Promise.resolve();
    return structuredClone(
      this.alerts
        .filter((a) => a.raisedAt >= filter.since)
        .filter((a) => !filter.kind || a.kind === filter.kind)
        .filter(
          (a) =>
            !filter.departments ||
            a.kind === 'term' ||
            (a.dimension === 'department' && (filter.departments as readonly string[]).includes(a.subject)),
        )
        .reverse()
        .slice(0, filter.limit),
    );
  }
}
