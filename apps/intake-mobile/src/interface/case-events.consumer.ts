import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription, MessageMeta } from '@complaints/messaging';
import { ApplyCaseEventUseCase } from '../application/track-complaints/apply-case-event.use-case';
import { mobileMetrics } from './mobile.metrics';

export const INTAKE_MOBILE_GROUP = 'intake-mobile';

/** Consumes `complaints.case-events.v1` into the customers' view of their mobile complaints. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly applyCaseEvent: ApplyCaseEventUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, { groupId: INTAKE_MOBILE_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1, meta: MessageMeta): Promise<void> {
    const outcome = await this.applyCaseEvent.execute(event);
    mobileMetrics.caseEvents.inc({ outcome });
    if (outcome === 'unknown-complaint') {
      this.logger.warn(
        { eventId: event.eventId, complaintId: event.case.complaintId, correlationId: meta.correlationId },
        'case event for a mobile complaint this intake did not issue; ignored',
      );
    }
  }
}
