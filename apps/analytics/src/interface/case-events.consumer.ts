import { Inject, Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription, MessageMeta } from '@complaints/messaging';
import { RecordEventUseCase } from '../application/record-event/record-event.use-case';
import { ANALYTICS_GROUP, analyticsGroupFor } from './analytics-group';

/** `complaints.case-events.v1` into the read model. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(consumers: EventConsumerFactory, @Inject(ANALYTICS_GROUP) group: string, private readonly record: RecordEventUseCase) {
    super(consumers, { groupId: analyticsGroupFor(group, CaseEventV1.topic), topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1, meta: MessageMeta): Promise<void> {
    await this.record.caseEvent(event, Number(meta.offset));
  }
}
