import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory, GATHERED_BATCHES } from '@complaints/messaging';
import { QueueNotificationsUseCase } from '../application/queue-notifications/queue-notifications.use-case';
import { TrackSmsSurveysUseCase } from '../application/sms-surveys/track-sms-surveys.use-case';
import { notifierMetrics } from './notifier.metrics';
import { smsSurveyMetrics } from './sms-survey.metrics';
import { UnconfiguredRouteWarnings } from './unconfigured-route-warnings';

export const NOTIFIER_GROUP = 'notifier';

/**
 * Consumes `complaints.case-events.v1`: follows the SMS surveys and queues what the customer should
 * be told, in batches (gathered for up to half a second), skipping unread the events that
 * tell the customer nothing and change no survey.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  private readonly unconfigured: UnconfiguredRouteWarnings;

  constructor(
    consumers: EventConsumerFactory,
    private readonly queueNotifications: QueueNotificationsUseCase,
    logger: PinoLogger,
    private readonly trackSmsSurveys: TrackSmsSurveysUseCase,
  ) {
    super(consumers, {
      groupId: NOTIFIER_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      ...GATHERED_BATCHES,
      concerns: (json) => QueueNotificationsUseCase.concerns(json) || trackSmsSurveys.concerns(json),
    });
    this.unconfigured = new UnconfiguredRouteWarnings(logger.logger);
  }

  protected async handleBatch(events: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    // The SMS survey is outstanding before its SMS is queued, so the quickest reply finds it. Few
    // events change a survey (a hotline or web case resolved, reopened...): one statement each, in order.
    for (const { event } of events) {
      const survey = await this.trackSmsSurveys.execute(event);
      if (survey !== 'not-a-survey') smsSurveyMetrics.surveys.inc({ event: event.eventType, outcome: survey });
    }
    const outcomes = await this.queueNotifications.execute(events.map(({ event }) => event));
    outcomes.forEach((outcome, i) => {
      for (const route of outcome.queued) notifierMetrics.queued.inc({ route });
      for (const route of outcome.unconfigured) {
        notifierMetrics.unconfigured.inc({ route });
        const { event } = events[i];
        this.unconfigured.note(route, { reference: event.case.reference, eventType: event.eventType });
      }
    });
  }
}
