import { Inject, Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { AnalyticsConfig } from '../analytics.config';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';
import { atOffsets } from './at-offsets';

/** `complaints.routed.v1` into the read model, a batch at a time. */
@Injectable()
export class ComplaintRoutedConsumer extends EventBatchSubscription<ComplaintRoutedV1> {
  constructor(
    consumers: EventConsumerFactory,
    @Inject(ANALYTICS_GROUP) group: string,
    config: AnalyticsConfig,
    private readonly record: RecordEventUseCase,
  ) {
    super(consumers, {
      groupId: analyticsGroupFor(group, ComplaintRoutedV1.topic),
      topic: ComplaintRoutedV1.topic,
      contract: ComplaintRoutedV1,
      maxBatchSize: config.ANALYTICS_BATCH_SIZE,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<ComplaintRoutedV1>[]): Promise<void> {
    await this.record.routed(atOffsets(consumed));
  }
}
