import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { TrackCaseStatusUseCase } from '../application/track-case-status/track-case-status.use-case';
import { RouterConfig } from '../router.config';

export const ROUTER_CASE_EVENTS_GROUP = 'router-case-events';

/**
 * Consumes `complaints.case-events.v1` in batches (up to ROUTING_BATCH_SIZE per partition) to know
 * which cases are still open (repeat complaints link only to those) and who has them.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly trackCaseStatus: TrackCaseStatusUseCase,
    config: RouterConfig,
  ) {
    super(consumers, {
      groupId: ROUTER_CASE_EVENTS_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      maxBatchSize: config.ROUTING_BATCH_SIZE,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    await this.trackCaseStatus.execute(consumed.map((c) => c.event));
  }
}
