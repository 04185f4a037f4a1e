import { Inject, Injectable } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription, MessageMeta } from '@complaints/messaging';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';

/** `complaints.routed.v1` into the read model. */
@Injectable()
export class ComplaintRoutedConsumer extends EventSubscription<ComplaintRoutedV1> {
  constructor(consumers: EventConsumerFactory, @Inject(ANALYTICS_GROUP) group: string, private readonly record: RecordEventUseCase) {
    super(consumers, { groupId: analyticsGroupFor(group, ComplaintRoutedV1.topic), topic: ComplaintRoutedV1.topic, contract: ComplaintRoutedV1 });
  }

  protected async handle(event: ComplaintRoutedV1, meta: MessageMeta): Promise<void> {
    await this.record.routed(event, Number(meta.offset));
  }
}
