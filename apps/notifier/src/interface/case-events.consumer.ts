import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { QueueNotificationsUseCase } from '../application/queue-notifications/queue-notifications.use-case';
import { notifierMetrics } from './notifier.metrics';

export const NOTIFIER_GROUP = 'notifier';

/** Consumes `complaints.case-events.v1` and queues what the customer should be told. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly queueNotifications: QueueNotificationsUseCase,
    private readonly logger: PinoLogger,
  ) {
    super(consumers, { groupId: NOTIFIER_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    const outcome = await this.queueNotifications.execute(event);
    for (const route of outcome.queued) notifierMetrics.queued.inc({ route });
    for (const route of outcome.unconfigured) {
      notifierMetrics.unconfigured.inc({ route });
      this.logger.warn({ reference: event.case.reference, eventType: event.eventType, route }, 'customer not notified: no gateway configured for the route');
    }
  }
}
