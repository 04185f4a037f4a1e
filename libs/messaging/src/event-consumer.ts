import { ClassConstructor } from 'class-transformer';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { dlqTopic, parseContract } from '@complaints/contracts';
import { isPermanentFailure } from './errors';
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

export interface ConsumerSpec<T extends object> {
  groupId: string;
  topic: string;
  contract: ClassConstructor<T>;
  handle(event: T, meta: MessageMeta): Promise<void>;
}

export interface RetryPolicy {
  /** In-process attempts before the consumer restarts and re-reads from the last commit. */
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

const defaultRetry: RetryPolicy = { attempts: 5, initialBackoffMs: 200, maxBackoffMs: 5_000 };

/**
 * Runs one consumer group on one topic. Offsets are committed only after a message was processed.
 * Poison messages (bad JSON, contract violations, permanent domain errors) go to `<topic>.dlq` with
 * the error in headers; transient failures are retried with exponential backoff, and if they persist
 * the consumer restarts from the last committed offset, so nothing is skipped. Handlers must be
 * idempotent (at-least-once delivery).
 */
export class EventConsumer<T extends object> {
  private consumer: Consumer | null = null;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly dlq: EventPublisher,
    private readonly spec: ConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.spec.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: {
        retries: Number.MAX_SAFE_INTEGER,
        initialRetryTime: 300,
        maxRetryTime: 10_000,
        // kafkajs restarts a crashed consumer on its own; not once the service has stopped it.
        restartOnFailure: async () => !this.stopped,
      },
    });
    this.stopped = false;
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.spec.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.processMessage(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  }

  private async processMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const headers = decodeHeaders(message.headers);
    const meta: MessageMeta = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      headers,
      correlationId: headers[Headers.correlationId] ?? 'unknown',
    };
    const log = this.logger.child({ correlationId: meta.correlationId, topic, partition, offset: message.offset });
    const labels = { topic, group: this.spec.groupId };
    const stop = messagingMetrics.handleSeconds.startTimer(labels);

    let event: T;
    try {
      event = parseContract(this.spec.contract, JSON.parse(message.value?.toString('utf8') ?? 'null'));
    } catch (error) {
      await this.deadLetter(topic, partition, message, error, 1, log);
      return;
    }

    for (let attempt = 1; ; attempt++) {
      try {
        await this.spec.handle(event, meta);
        messagingMetrics.consumed.inc({ ...labels, outcome: 'processed' });
        stop();
        return;
      } catch (error) {
        if (isPermanentFailure(error)) {
          await this.deadLetter(topic, partition, message, error, attempt, log);
          return;
        }
        messagingMetrics.consumed.inc({ ...labels, outcome: 'retried' });
        if (attempt >= this.retry.attempts) {
          log.error({ err: error, attempt }, 'handler keeps failing; restarting from the last committed offset');
          throw error;
        }
        const backoff = Math.min(this.retry.maxBackoffMs, this.retry.initialBackoffMs * 2 ** (attempt - 1));
        log.warn({ err: error, attempt, backoffMs: backoff }, 'transient failure; retrying');
        await new Promise((resolve) => setTimeout(resolve, backoff));
        await heartbeat();
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number, log: Logger): Promise<void> {
    const err = error instanceof Error ? error : new Error(String(error));
    await this.dlq.send(dlqTopic(topic), [
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
          'dlq-consumer-group': this.spec.groupId,
          'dlq-attempts': String(attempts),
          'dlq-failed-at': new Date().toISOString(),
        },
      },
    ]);
    messagingMetrics.consumed.inc({ topic, group: this.spec.groupId, outcome: 'dead_lettered' });
    log.warn({ errorType: err.name, error: err.message }, 'poison message sent to the dead-letter topic');
  }
}
