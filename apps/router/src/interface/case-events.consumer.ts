import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseEventV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { TrackCaseStatusUseCase } from '../application/track-case-status/track-case-status.use-case';

export const ROUTER_CASE_EVENTS_GROUP = 'router-case-events';

/** Consumes `complaints.case-events.v1` to know which cases are still open (repeat complaints link only to those). */
@Injectable()
export class CaseEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<CaseEventV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly trackCaseStatus: TrackCaseStatusUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: ROUTER_CASE_EVENTS_GROUP,
      topic: CaseEventV1.topic,
      contract: CaseEventV1,
      handle: async (event) => {
        await this.trackCaseStatus.execute(event);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
