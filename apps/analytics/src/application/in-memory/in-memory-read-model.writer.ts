import type { AnalyticsEvent } from '../../domain/analytics-event';
import { ProjectedEvent, ReadModelWriter } from '../record-event/read-model-writer';

/** The read model's write side in memory: each eventId applied once, several batches all or nothing. */
export class InMemoryReadModelWriter extends ReadModelWriter {
  private applied = new Map<string, ProjectedEvent>();
  /** When set, every write fails as a database that does not answer would. */
  unavailable: Error | null = null;

  async applyBatches(batches: readonly (readonly ProjectedEvent[])[]): Promise<number[]> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    const next = new Map(this.applied);
    const counts = batches.map((batch) => {
      let fresh = 0;
      for (const event of batch) {
        if (next.has(event.eventId)) continue;
        next.set(event.eventId, structuredClone(event));
        fresh++;
      }
      return fresh;
    });
    this.applied = next;
    return counts;
  }

  /** What the read model knows of a complaint: its projections, in the order applied. */
  factsOf(complaintId: string): AnalyticsEvent[] {
    return [...this.applied.values()].flatMap((e) => e.projections.filter((p) => p.complaintId === complaintId));
  }

  get eventCount(): number {
    return this.applied.size;
  }
}
