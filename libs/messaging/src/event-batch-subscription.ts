import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BatchConsumerSpec, ConsumedEvent, EventBatchConsumer } from './event-batch-consumer';
import { EventConsumerFactory } from './event-consumer.factory';

/**
 * A service's subscription to one topic a batch at a time (see EventBatchConsumer), tied to the
 * application's lifecycle like EventSubscription: it starts consuming once the application has
 * booted and leaves the group when it shuts down. Subclasses name the group, topic, contract and
 * batch size, and handle each batch by calling one use case.
 */
export abstract class EventBatchSubscription<T extends object> implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventBatchConsumer<T> | null = null;

  protected constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly spec: Omit<BatchConsumerSpec<T>, 'handleBatch'>,
  ) {}

  /** All or nothing, idempotent: see BatchConsumerSpec.handleBatch. */
  protected abstract handleBatch(events: ConsumedEvent<T>[]): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.createBatch({ ...this.spec, handleBatch: (events) => this.handleBatch(events) });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
