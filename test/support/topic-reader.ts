import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';

/**
 * Reads a topic from its beginning with a fresh consumer group and keeps every message, so a test
 * can wait for the events it expects. Call `close()` in afterAll.
 */
export class TopicReader<T = Record<string, unknown>> {
  readonly messages: Array<{ key: string | null; value: T; headers: Record<string, string> }> = [];
  private consumer: Consumer;

  private constructor(consumer: Consumer) {
    this.consumer = consumer;
  }

  static async open<T = Record<string, unknown>>(topic: string, brokers = process.env.KAFKA_BROKERS!): Promise<TopicReader<T>> {
    const kafka = new Kafka({ clientId: 'test-reader', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
    const reader = new TopicReader<T>(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        reader.messages.push({
          key: message.key?.toString() ?? null,
          value: JSON.parse(message.value?.toString() ?? 'null') as T,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
      },
    });
    return reader;
  }

  values(filter: (value: T) => boolean = () => true): T[] {
    return this.messages.map((message) => message.value).filter(filter);
  }

  close(): Promise<void> {
    return this.consumer.disconnect();
  }
}
