import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { TrackCaseStatusUseCase } from '../application/track-case-status/track-case-status.use-case';

export const ROUTER_CASE_EVENTS_GROUP = 'router-case-events';

/** Consumes `complaints.case-events.v1` to know which cases are still open (repeat complaints link only to those). */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly trackCaseStatus: TrackCaseStatusUseCase,
  ) {
    super(consumers, { groupId: ROUTER_CASE_EVENTS_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    await this.trackCaseStatus.execute(event);
  }
}
