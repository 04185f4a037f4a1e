import { ClassConstructor } from 'class-transformer';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { dlqTopic, parseContract } from '@complaints/contracts';
import { EventPublisher } from './event-publisher';
import { decodeHeaders, Headers } from './message-headers';
import { messagingMetrics } from './messaging.metrics';

/** Where a consumed event came from; handlers log with its correlation id. */
export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  correlationId: string;
}

export interface RetryPolicy {
  /** In-process attempts before the consumer restarts and re-reads from the last commit. */
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

export function backoffMs(retry: RetryPolicy, attempt: number): number {
  return Math.min(retry.maxBackoffMs, retry.initialBackoffMs * 2 ** (attempt - 1));
}

export function messageMeta(topic: string, partition: number, message: KafkaMessage): MessageMeta {
  const headers = decodeHeaders(message.headers);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    headers,
    correlationId: headers[Headers.correlationId] ?? 'unknown',
  };
}

/** The message's JSON checked against its contract; throws (SyntaxError, ContractViolation) for poison. */
export function parseMessage<T extends object>(contract: ClassConstructor<T>, message: KafkaMessage): T {
  return parseContract(contract, JSON.parse(message.value?.toString('utf8') ?? 'null'));
}

/**
 * A group member on one topic with the platform's settings: sessions of 30 s, heartbeats every 3 s,
 * offsets resolved by the subclass, and kafkajs restarting a crashed consumer on its own unless the
 * service has stopped it. Subclasses process each batch kafkajs fetches.
 */
export abstract class TopicGroupConsumer {
  private consumer: Consumer | null = null;
  private stopped = false;

  protected constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: {
        retries: Number.MAX_SAFE_INTEGER,
        initialRetryTime: 300,
        maxRetryTime: 10_000,
        restartOnFailure: async () => !this.stopped,
      },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({ autoCommit: true, eachBatchAutoResolve: false, eachBatch: (payload) => this.processBatch(payload) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  protected abstract processBatch(payload: EachBatchPayload): Promise<void>;
}

/** Sends a message that can never be processed to `<topic>.dlq`, with the error and its origin in headers. */
export async function deadLetter(
  dlq: EventPublisher,
  groupId: string,
  origin: { topic: string; partition: number; message: KafkaMessage },
  error: unknown,
  attempts: number,
  log: Logger,
): Promise<void> {
  const { topic, partition, message } = origin;
  const err = error instanceof Error ? error : new Error(String(error));
  await dlq.send(dlqTopic(topic), [
    {
      key: message.key,
      value: message.value,
      headers: {
        ...decodeHeaders(message.headers),
        'dlq-error-type': err.name,
        'dlq-error-message': err.message.slice(0, 2_000),
        'dlq-original-topic': topic,
        'dlq-original-partition': String(partition),
        'dlq-original-offset': message.offset,
        'dlq-consumer-group': groupId,
        'dlq-attempts': String(attempts),
        'dlq-failed-at': new Date().toISOString(),
      },
    },
  ]);
  messagingMetrics.consumed.inc({ topic, group: groupId, outcome: 'dead_lettered' });
  log.warn({ err, offset: message.offset }, 'poison message sent to the dead-letter topic');
}
