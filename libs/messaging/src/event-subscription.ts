import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConsumerSpec, EventConsumer, MessageMeta } from './event-consumer';
import { EventConsumerFactory } from './event-consumer.factory';

/**
 * A service's subscription to one topic, tied to the application's lifecycle: it starts consuming
 * once the application has booted and leaves the group when it shuts down. Subclasses name the
 * group, topic and contract, and handle each event by calling one use case.
 */
export abstract class EventSubscription<T extends object> implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: EventConsumer<T> | null = null;

  protected constructor(
    private readonly consumers: EventConsumerFactory,
    private readonly spec: Omit<ConsumerSpec<T>, 'handle'>,
  ) {}

  protected abstract handle(event: T, meta: MessageMeta): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.consumers.create({ ...this.spec, handle: (event, meta) => this.handle(event, meta) });
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
