import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { QueueNotificationsUseCase } from '../application/queue-notifications/queue-notifications.use-case';
import { notifierMetrics } from './notifier.metrics';

export const NOTIFIER_GROUP = 'notifier';

/** Consumes `complaints.case-events.v1` and queues what the customer should be told. */
@Injectable()
export class CaseEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<CaseEventV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly queueNotifications: QueueNotificationsUseCase,
    private readonly logger: PinoLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: NOTIFIER_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      handle: async (event) => {
        const outcome = await this.queueNotifications.execute(event);
        for (const route of outcome.queued) notifierMetrics.queued.inc({ route });
        for (const route of outcome.unconfigured) {
          notifierMetrics.unconfigured.inc({ route });
          this.logger.warn({ reference: event.case.reference, eventType: event.eventType, route }, 'customer not notified: no gateway configured for the route');
        }
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
