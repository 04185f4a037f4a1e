import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { TrackSurveysUseCase } from '../application/track-surveys/track-surveys.use-case';
import { socialMetrics } from './social.metrics';

export const INTAKE_SOCIAL_SURVEYS_GROUP = 'intake-social-surveys';

/** Consumes `complaints.case-events.v1` to know which WeChat and Weibo customers have a survey to answer. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly trackSurveys: TrackSurveysUseCase,
  ) {
    super(consumers, { groupId: INTAKE_SOCIAL_SURVEYS_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    const outcome = await this.trackSurveys.execute(event);
    if (outcome !== 'not-a-survey') socialMetrics.surveys.inc({ event: event.eventType, outcome });
  }
}
