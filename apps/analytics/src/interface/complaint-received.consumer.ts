import { Inject, Injectable } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory } from '@complaints/messaging';
import { AnalyticsConfig } from '../analytics.config';
import { RecordComplaintTermsUseCase } from '../application/hotspots/record-complaint-terms.use-case';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';
import { atOffsets } from './at-offsets';

/** `complaints.received.v1` into the read model, and the complaints' terms into the hot-spot term store, a batch at a time. */
@Injectable()
export class ComplaintReceivedConsumer extends EventBatchSubscription<ComplaintReceivedV1> {
  constructor(
    consumers: EventConsumerFactory,
    @Inject(ANALYTICS_GROUP) group: string,
    config: AnalyticsConfig,
    private readonly record: RecordEventUseCase,
    private readonly recordTerms: RecordComplaintTermsUseCase,
  ) {
    super(consumers, {
      groupId: analyticsGroupFor(group, ComplaintReceivedV1.topic),
      topic: ComplaintReceivedV1.topic,
      contract: ComplaintReceivedV1,
      maxBatchSize: config.ANALYTICS_BATCH_SIZE,
    });
  }

  protected async handleBatch(consumed: ConsumedEvent<ComplaintReceivedV1>[]): Promise<void> {
    await this.record.received(atOffsets(consumed));
    await this.recordTerms.execute(consumed.map((c) => c.event.complaint));
  }
}
