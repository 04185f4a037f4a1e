import { Inject, Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { AnalyticsConfig } from '../analytics.config';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';
import { atOffsets } from './at-offsets';

/** `complaints.case-events.v1` into the read model, a batch at a time. */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    @Inject(ANALYTICS_GROUP) group: string,
    config: AnalyticsConfig,
    private readonly record: RecordEventUseCase,
  ) {
    super(consumers, {
      groupId: analyticsGroupFor(group, CaseEventV1.topic),
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      maxBatchSize: config.ANALYTICS_BATCH_SIZE,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    await this.record.caseEvents(atOffsets(consumed));
  }
}
