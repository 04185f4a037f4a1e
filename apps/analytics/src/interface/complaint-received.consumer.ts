import { Inject, Injectable } from '@nestjs/common';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription, MessageMeta } from '@complaints/messaging';
import { RecordComplaintTermsUseCase } from '../application/hotspots/record-complaint-terms.use-case';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';

/** `complaints.received.v1` into the read model, and the complaint's terms into the hot-spot term store. */
@Injectable()
export class ComplaintReceivedConsumer extends EventSubscription<ComplaintReceivedV1> {
  constructor(
    consumers: EventConsumerFactory,
    @Inject(ANALYTICS_GROUP) group: string,
    private readonly record: RecordEventUseCase,
    private readonly recordTerms: RecordComplaintTermsUseCase,
  ) {
    super(consumers, { groupId: analyticsGroupFor(group, ComplaintReceivedV1.topic), topic: ComplaintReceivedV1.topic, contract: ComplaintReceivedV1 });
  }

  protected async handle(event: ComplaintReceivedV1, meta: MessageMeta): Promise<void> {
    await this.record.received(event, Number(meta.offset));
    await this.recordTerms.execute(event.complaint);
  }
}
