import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumerFactory, EventSubscription } from '@complaints/messaging';
import { QueueCallbackUseCase } from '../application/notify-callcenter/queue-callback.use-case';

export const INTAKE_HOTLINE_GROUP = 'intake-hotline';

/** Consumes `complaints.case-events.v1` and queues status callbacks for hotline cases. */
@Injectable()
export class CaseEventsConsumer extends EventSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly queueCallback: QueueCallbackUseCase,
  ) {
    super(consumers, { groupId: INTAKE_HOTLINE_GROUP, topic: CaseEventV1.topic, contract: CaseEventV1 });
  }

  protected async handle(event: CaseEventV1): Promise<void> {
    await this.queueCallback.execute(event);
  }
}
