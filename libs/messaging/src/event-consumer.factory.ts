import { Inject, Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { BatchConsumerSpec, EventBatchConsumer } from './event-batch-consumer';
import { EventConsumer, ConsumerSpec } from './event-consumer';
import { EventPublisher } from './event-publisher';
import { KAFKA } from './messaging.tokens';

/** Builds consumers wired to the service's Kafka client, logger and dead-letter publisher. */
@Injectable()
export class EventConsumerFactory {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly logger: PinoLogger,
  ) {}

  create<T extends object>(spec: ConsumerSpec<T>): EventConsumer<T> {
    return new EventConsumer(this.kafka, this.publisher, spec, this.logger.logger.child({ consumerGroup: spec.groupId }));
  }

  createBatch<T extends object>(spec: BatchConsumerSpec<T>): EventBatchConsumer<T> {
    return new EventBatchConsumer(this.kafka, this.publisher, spec, this.logger.logger.child({ consumerGroup: spec.groupId }));
  }
}
