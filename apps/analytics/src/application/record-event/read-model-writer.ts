import type { AnalyticsEvent } from '../../domain/analytics-event';

/** A consumed event as the read model records it: its id and its projections onto each complaint it concerns. */
export interface ProjectedEvent {
  eventId: string;
  /** Usually one; a merged repeat complaint's link concerns two complaints. */
  projections: AnalyticsEvent[];
}

/**
 * The write side of the analytics read model (the port): records consumed events into the facts and
 * rollups that AnalyticsReadModel reads.
 */
export abstract class ReadModelWriter {
  /**
   * Applies several batches of events at once, all or nothing, each event exactly once per `eventId`
   * (a redelivered event, or one repeated within or across the batches, changes nothing). The facts
   * and rollups come out the same as if the events had been applied one at a time, in any order.
   * Returns how many events of each batch were new (an eventId in several batches counts for the first).
   */
  abstract applyBatches(batches: readonly (readonly ProjectedEvent[])[]): Promise<number[]>;

  /** applyBatches of one batch: returns how many of its events were new. */
  async applyBatch(events: readonly ProjectedEvent[]): Promise<number> {
    const [count] = await this.applyBatches([events]);
    return count;
  }
}
