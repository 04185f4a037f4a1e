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
   * Applies a batch of events at once, all or nothing, each exactly once per `eventId` (a redelivered
   * event, or one repeated within the batch, changes nothing). The facts and rollups come out the same
   * as if the events had been applied one at a time, in any order. Returns how many events were new.
   */
  abstract applyBatch(events: readonly ProjectedEvent[]): Promise<number>;
}
