import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ComplaintRoutedV1 } from '@complaints/contracts';
import { EventConsumer, EventConsumerFactory } from '@complaints/messaging';
import { OpenCaseUseCase } from '../application/open-case/open-case.use-case';

export const CASES_GROUP = 'cases';

/** Consumes `complaints.routed.v1` and opens a case per complaint. */
@Injectable()
export class ComplaintRoutedConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<ComplaintRoutedV1> | null = null;

  constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly openCase: OpenCaseUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({
      groupId: CASES_GROUP,
      topic: ComplaintRoutedV1.topic,
      contract: ComplaintRoutedV1,
      handle: async (event) => {
        await this.openCase.execute(event);
      },
    });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
