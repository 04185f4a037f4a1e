import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';

/**
 * Reads a topic from its beginning with a fresh consumer group and keeps every message holding a JSON
 * object, so a test can wait for the events it expects. The poison tests leave tombstones, invalid JSON
 * and other pills on the shared topics; like the services' consumers, the reader passes over them
 * instead of stopping at them. Call `close()` in afterAll.
 */
export class TopicReader<T = Record<string, unknown>> {
  /** `text`: the value as published (search it rather than re-serialise `value`: a poison test's 100,000-deep object overflows JSON.stringify). */
  readonly messages: Array<{ key: string | null; value: T; text: string; headers: Record<string, string> }> = [];
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
        const text = message.value?.toString() ?? '';
        const value = jsonObjectOf(text);
        if (value === undefined) return;
        reader.messages.push({
          key: message.key?.toString() ?? null,
          value: value as T,
          text,
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

/** The message's value when it is a JSON object, else undefined (a tombstone, invalid JSON, a bare value). */
function jsonObjectOf(text: string): object | undefined {
  try {
    const parsed: unknown = JSON.parse(text || 'null');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
