import { CompressionTypes, Kafka, logLevel, Message, Partitioners, Producer } from 'kafkajs';

/**
 * The baselines' Kafka producer: the same settings as the platform's EventPublisher (idempotent,
 * one request in flight, murmur2 partitioner, acks=all, no compression), without its contract
 * validation, metrics or send timeout.
 */
export function createBaselineProducer(brokers: string[], clientId: string): Producer {
  const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.ERROR, connectionTimeout: 1_000, requestTimeout: 10_000 });
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 5 },
  });
}

/** One produce request; resolves once every in-sync replica has every message. */
export async function sendAcksAll(producer: Producer, topic: string, messages: Message[]): Promise<void> {
  await producer.send({ topic, messages, acks: -1, compression: CompressionTypes.None });
}
