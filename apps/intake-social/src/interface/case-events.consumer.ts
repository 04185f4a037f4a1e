import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory, GATHERED_BATCHES } from '@complaints/messaging';
import { TrackSurveysUseCase } from '../application/track-surveys/track-surveys.use-case';
import { socialMetrics } from './social.metrics';

export const INTAKE_SOCIAL_SURVEYS_GROUP = 'intake-social-surveys';

/**
 * Consumes `complaints.case-events.v1` to know which WeChat and Weibo customers have a survey to
 * answer: in batches (gathered for up to half a second), skipping unread the events that
 * change no survey.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly trackSurveys: TrackSurveysUseCase,
  ) {
    super(consumers, {
      groupId: INTAKE_SOCIAL_SURVEYS_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      ...GATHERED_BATCHES,
      concerns: (json) => TrackSurveysUseCase.concerns(json),
    });
  }

  protected async handleBatch(events: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    // Few events change a survey (a social case resolved, reopened, withdrawn...): one statement each, in order.
    for (const { event } of events) {
      const outcome = await this.trackSurveys.execute(event);
      if (outcome !== 'not-a-survey') socialMetrics.surveys.inc({ event: event.eventType, outcome });
    }
  }
}
