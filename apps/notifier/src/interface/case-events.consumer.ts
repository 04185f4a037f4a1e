import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { QueueNotificationsUseCase } from '../application/queue-notifications/queue-notifications.use-case';
import { TrackSmsSurveysUseCase } from '../application/sms-surveys/track-sms-surveys.use-case';
import { notifierMetrics } from './notifier.metrics';
import { smsSurveyMetrics } from './sms-survey.metrics';

export const NOTIFIER_GROUP = 'notifier';

/** Consumes `complaints.case-events.v1`: follows the SMS surveys and queues what the customer should be told. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly queueNotifications: QueueNotificationsUseCase,
    private readonly logger: PinoLogger,
    private readonly trackSmsSurveys: TrackSmsSurveysUseCase,
  ) {
    super(consumers, { groupId: NOTIFIER_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    // The SMS survey is outstanding before its SMS is queued, so the quickest reply finds it.
    const survey = await this.trackSmsSurveys.execute(event);
    if (survey !== 'not-a-survey') smsSurveyMetrics.surveys.inc({ event: event.eventType, outcome: survey });
    const outcome = await this.queueNotifications.execute(event);
    for (const route of outcome.queued) notifierMetrics.queued.inc({ route });
    for (const route of outcome.unconfigured) {
      notifierMetrics.unconfigured.inc({ route });
      this.logger.warn(
        { reference: event.case.reference, eventType: event.eventType, route },
        'customer not notified: no gateway configured for the route',
      );
    }
  }
}
