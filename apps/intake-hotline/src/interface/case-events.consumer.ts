import { Injectable } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { ConsumedEvent, EventBatchSubscription, EventConsumerFactory, GATHERED_BATCHES } from '@complaints/messaging';
import { QueueCallbackUseCase } from '../application/notify-callcenter/queue-callback.use-case';

export const INTAKE_HOTLINE_GROUP = 'intake-hotline';

/**
 * Consumes `complaints.case-events.v1` and queues status callbacks for hotline cases: in batches
 * (gathered for up to half a second), skipping unread the events that can owe no callback.
 */
@Injectable()
export class CaseEventsConsumer extends EventBatchSubscription<CaseEventV1> {
  constructor(
    consumers: EventConsumerFactory,
    private readonly queueCallback: QueueCallbackUseCase,
  ) {
    super(consumers, {
      groupId: INTAKE_HOTLINE_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      ...GATHERED_BATCHES,
      concerns: (json) => queueCallback.concerns(json),
    });
  }

  protected async handleBatch(events: ConsumedEvent<CaseEventV1>[]): Promise<void> {
    // Few events owe a callback (a hotline case opened or closed): one idempotent insert each, in order.
    for (const { event } of events) await this.queueCallback.execute(event);
  }
}
