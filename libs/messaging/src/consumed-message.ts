import { ClassConstructor } from 'class-transformer';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { dlqTopic, parseContract, truncateText } from '@complaints/contracts';
import { safeCorrelationId } from '@complaints/observability';
import { EventPublisher } from './event-publisher';
import { classifyFailure, FailureClass, failureLogFields } from './failure-classification';
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
    correlationId: safeCorrelationId(headers[Headers.correlationId]) ?? 'unknown',
  };
}

/**
 * The message's JSON checked against its contract; throws (SyntaxError, ContractViolation) for poison.
 * Any error here makes the message poison: it is dead-lettered, never retried.
 */
export function parseMessage<T extends object>(contract: ClassConstructor<T>, message: KafkaMessage): T {
  return parseContract(contract, readJson(message));
}

/** The message's value as JSON, not yet checked against any contract; throws SyntaxError for bad JSON. */
export function readJson(message: KafkaMessage): unknown {
  return JSON.parse(message.value?.toString('utf8') ?? 'null');
}

/**
 * How long a fetch may wait on the broker for more messages before it answers. By default a fetch
 * answers as soon as one message is there (one fetch, one handler call and one offset commit per
 * message at low rates); with `gatherMs` the broker answers once `gatherMs` passed or a megabyte
 * is there, so a consumer that can wait that long gets its messages in batches.
 */
export interface FetchPolicy {
  gatherMs?: number;
  /**
   * How many partitions' batches of one fetch are handled at once (kafkajs
   * `partitionsConsumedConcurrently`; default 1: one after the other). The next fetch waits for all.
   */
  concurrentPartitions?: number;
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
    private readonly fetch: FetchPolicy = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      ...(this.fetch.gatherMs ? { minBytes: 1_048_576, maxWaitTimeInMs: this.fetch.gatherMs } : {}),
      retry: {
        retries: Number.MAX_SAFE_INTEGER,
        initialRetryTime: 300,
        maxRetryTime: 10_000,
        restartOnFailure: () => Promise.resolve(!this.stopped),
      },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.fetch.concurrentPartitions ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  protected abstract processBatch(payload: EachBatchPayload): Promise<void>;
}

/**
 * Sends a message that can never be processed to `<topic>.dlq` under its key, with its own headers
 * and, in `dlq-*` headers, why (`dlq-reason`, `dlq-sqlstate`, `dlq-constraint`, the error's type and
 * message) and where it came from (original topic, partition, offset, consumer group).
 */
export async function deadLetter(
  dlq: EventPublisher,
  groupId: string,
  origin: { topic: string; partition: number; message: KafkaMessage },
  error: unknown,
  attempts: number,
  log: Logger,
  failure: FailureClass = classifyFailure(error),
): Promise<void> {
  const { topic, partition, message } = origin;
  const err = error instanceof Error ? error : new Error(String(error));
  const headers = {
    ...decodeHeaders(message.headers),
    'dlq-reason': failure.reason,
    ...(failure.sqlState ? { 'dlq-sqlstate': failure.sqlState } : {}),
    ...(failure.constraint ? { 'dlq-constraint': failure.constraint } : {}),
    'dlq-error-type': err.name,
    'dlq-error-message': truncateText(err.message, 2_000),
    'dlq-original-topic': topic,
    'dlq-original-partition': String(partition),
    'dlq-original-offset': message.offset,
    'dlq-consumer-group': groupId,
    'dlq-attempts': String(attempts),
    'dlq-failed-at': new Date().toISOString(),
  };
  try {
    await dlq.send(dlqTopic(topic), [{ key: message.key, value: message.value, headers }]);
  } catch (sendError) {
    if (!tooLargeForKafka(sendError)) throw sendError;
    // The message with our headers no longer fits the dead-letter topic: dead-letter it without its
    // value (it stays readable at its original offset until the topic's retention) rather than stop.
    const omitted = `${message.value?.length ?? 0} bytes, too large for the dead-letter topic; read it at its original offset`;
    await dlq.send(dlqTopic(topic), [{ key: message.key, value: null, headers: { ...headers, 'dlq-value-omitted': omitted } }]);
  }
  messagingMetrics.consumed.inc({ topic, group: groupId, outcome: 'dead_lettered' });
  log.warn({ ...failureLogFields(err, failure), offset: message.offset }, 'poison message sent to the dead-letter topic');
}

/** Whether Kafka refused a send because a message (or batch) is larger than it accepts. */
function tooLargeForKafka(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (/larger than the (max message size|configured segment size)/i.test(current.message)) return true;
  }
  return false;
}
