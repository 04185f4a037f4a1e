import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory, GATHERED_BATCHES } from '@complaints/messaging';
import { ApplyCaseEventUseCase } from '../application/track-complaints/apply-case-event.use-case';
import { mobileMetrics } from './mobile.metrics';

export const INTAKE_MOBILE_GROUP = 'intake-mobile';

/**
 * Consumes `complaints.case-events.v1` into the customers' view of their mobile complaints: in
 * batches (gathered for up to half a second), skipping other channels' events unread.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly applyCaseEvent: ApplyCaseEventUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, {
      groupId: INTAKE_MOBILE_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      ...GATHERED_BATCHES,
      concerns: (json) => ApplyCaseEventUseCase.concerns(json),
    });
  }

  protected async handleBatch(events: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    const outcomes = await this.applyCaseEvent.execute(events.map(({ event }) => event));
    outcomes.forEach((outcome, i) => {
      mobileMetrics.caseEvents.inc({ outcome });
      if (outcome !== 'unknown-complaint') return;
      const { event, meta } = events[i];
      this.logger.warn(
        { eventId: event.eventId, complaintId: event.case.complaintId, correlationId: meta.correlationId },
        'case event for a mobile complaint this intake did not issue; ignored',
      );
    });
  }
}
