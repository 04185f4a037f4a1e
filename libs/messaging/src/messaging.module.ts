import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { allTopics } from '@complaints/contracts';
import { ServiceConfig } from '@complaints/config';
import { createKafka } from './kafka-client';
import { ensureTopics } from './ensure-topics';
import { EventConsumerFactory } from './event-consumer.factory';
import { EventPublisher } from './event-publisher';
import { KafkaReadiness } from './kafka.readiness';
import { KAFKA } from './messaging.tokens';

/** Creates the topics at boot (before consumers subscribe) and connects the producer. */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly publisher: EventPublisher,
    private readonly config: ServiceConfig,
    private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      const created = await ensureTopics(this.kafka, allTopics(), {
        partitions: this.config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      });
      if (created.length) this.logger.info({ created }, 'created Kafka topics');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not check Kafka topics at boot; publishing will answer 503 until Kafka is back');
    }
    await this.publisher.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/** Kafka for a service: client, idempotent publisher, consumer factory, readiness check. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: { clientId: string }): DynamicModule {
    return {
      module: MessagingModule,
      imports: [TerminusModule],
      providers: [
        {
          provide: KAFKA,
          inject: [ServiceConfig, PinoLogger],
          useFactory: (config: ServiceConfig, logger: PinoLogger) =>
            createKafka({ brokers: config.kafkaBrokers, clientId: options.clientId, logger: logger.logger }),
        },
        {
          provide: EventPublisher,
          inject: [KAFKA, ServiceConfig],
          useFactory: (kafka: Kafka, config: ServiceConfig) => new EventPublisher(kafka, config.KAFKA_SEND_TIMEOUT_MS),
        },
        EventConsumerFactory,
        KafkaReadiness,
        MessagingLifecycle,
      ],
      exports: [KAFKA, EventPublisher, EventConsumerFactory, KafkaReadiness],
    };
  }
}
