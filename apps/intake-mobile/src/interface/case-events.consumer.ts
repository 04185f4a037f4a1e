import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { ApplyCaseEventUseCase } from '../application/track-complaints/apply-case-event.use-case';
import { mobileMetrics } from './mobile.metrics';

export const INTAKE_MOBILE_GROUP = 'intake-mobile';

/** Consumes `complaints.case-events.v1` into the customers' view of their mobile complaints. */
@Injectable()
export class CaseEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<CaseEventV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly applyCaseEvent: ApplyCaseEventUseCase,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: INTAKE_MOBILE_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      handle: async (event, meta) => {
        const outcome = await this.applyCaseEvent.execute(event);
        mobileMetrics.caseEvents.inc({ outcome });
        if (outcome === 'unknown-complaint') {
          this.logger.warn({ eventId: event.eventId, complaintId: event.case.complaintId, correlationId: meta.correlationId }, 'case event for a mobile complaint this intake did not issue; ignored');
        }
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
