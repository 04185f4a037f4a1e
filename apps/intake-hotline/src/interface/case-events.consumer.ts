import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { QueueCallbackUseCase } from '../application/notify-callcenter/queue-callback.use-case';

export const INTAKE_HOTLINE_GROUP = 'intake-hotline';

/** Consumes `complaints.case-events.v1` and queues status callbacks for hotline cases. */
@Injectable()
export class CaseEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<CaseEventV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly queueCallback: QueueCallbackUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: INTAKE_HOTLINE_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      handle: async (event) => {
        await this.queueCallback.execute(event);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
