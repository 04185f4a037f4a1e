import type { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import type { AnalyticsEvent } from '../../domain/analytics-event';
import { projectCaseEvent, projectReceived, projectRouted } from './event-projection';
import { ReadModelWriter } from './read-model-writer';

/** A consumed event and its Kafka offset (which orders events of one topic with the same time). */
export interface AtOffset<T> {
  event: T;
  offset: number;
}

/** Applies a batch of consumed events of one topic to the read model, once per eventId; returns how many were new. */
export class RecordEventUseCase {
  constructor(private readonly writer: ReadModelWriter) {}

  received(batch: readonly AtOffset<ComplaintReceivedV1>[]): Promise<number> {
    return this.record(batch, projectReceived);
  }

  routed(batch: readonly AtOffset<ComplaintRoutedV1>[]): Promise<number> {
    return this.record(batch, projectRouted);
  }

  caseEvents(batch: readonly AtOffset<CaseEventV1>[]): Promise<number> {
    return this.record(batch, projectCaseEvent);
  }

  private record<T extends { eventId: string }>(
    batch: readonly AtOffset<T>[],
    project: (event: T, offset: number) => AnalyticsEvent[],
  ): Promise<number> {
    return this.writer.applyBatch(batch.map(({ event, offset }) => ({ eventId: event.eventId, projections: project(event, offset) })));
  }
}
