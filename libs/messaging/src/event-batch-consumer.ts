import { ClassConstructor } from 'class-transformer';
import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import {
  backoffMs,
  deadLetter,
  defaultRetry,
  MessageMeta,
  messageMeta,
  parseMessage,
  RetryPolicy,
  TopicGroupConsumer,
} from './consumed-message';
import { classifyFailure, failureLogFields, givesUp, unreadableFailure } from './failure-classification';
import { EventPublisher } from './event-publisher';
import { messagingMetrics } from './messaging.metrics';

/** One valid event of a batch, with where it came from. */
export interface ConsumedEvent<T> {
  event: T;
  meta: MessageMeta;
  /** The Kafka message as received (for dead-lettering). */
  message: KafkaMessage;
}

export interface BatchConsumerSpec<T extends object> {
  groupId: string;
  topic: string;
  contract: ClassConstructor<T>;
  /** At most this many events per `handleBatch` call: a fetched batch is cut into chunks of this size. */
  maxBatchSize: number;
  /**
   * Handles valid events of one partition, in offset order, all or nothing: it either succeeds for
   * every event or throws. Must be idempotent (a chunk whose commit was lost is delivered again).
   */
  handleBatch(events: ConsumedEvent<T>[]): Promise<void>;
}

/**
 * Runs one consumer group on one topic, a chunk of messages at a time (kafkajs `eachBatch`). Each
 * chunk's offsets are committed once its handler succeeded, before the next chunk. Messages that
 * are not valid events (bad JSON, contract violations) go to `<topic>.dlq` and the rest of the chunk
 * is handled. A transient failure retries the chunk with exponential backoff (heartbeating), and if
 * it persists the consumer restarts from the last commit. A permanent failure (see classifyFailure:
 * e.g. PostgreSQL refusing one event's data) cannot say which event caused it: the chunk is then
 * handled one event at a time, each in its own handleBatch call, and only the events that fail
 * permanently on their own are dead-lettered; the others are handled exactly as in a batch.
 */
export class EventBatchConsumer<T extends object> extends TopicGroupConsumer {
  constructor(
    kafka: Kafka,
    private readonly dlq: EventPublisher,
    private readonly spec: BatchConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {
    super(kafka, spec.groupId, spec.topic);
    if (!(spec.maxBatchSize >= 1)) throw new Error('maxBatchSize must be at least 1');
  }

  // kafkajs hands these over as closures that do not use `this`, though its types declare them as methods.
  /* eslint-disable @typescript-eslint/unbound-method */
  protected async processBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    commitOffsetsIfNecessary,
  }: EachBatchPayload): Promise<void> {
    /* eslint-enable @typescript-eslint/unbound-method */
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += this.spec.maxBatchSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + this.spec.maxBatchSize);
      await this.processChunk(topic, partition, chunk, heartbeat);
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      // The committed offset is the next one to read.
      await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }] });
      await heartbeat();
    }
  }

  private async processChunk(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    const log = this.logger.child({ topic, partition, firstOffset: messages[0].offset, size: messages.length });
    const events: ConsumedEvent<T>[] = [];
    for (const message of messages) {
      try {
        events.push({ event: parseMessage(this.spec.contract, message), meta: messageMeta(topic, partition, message), message });
      } catch (error) {
        await deadLetter(this.dlq, this.spec.groupId, { topic, partition, message }, error, 1, log, unreadableFailure(error));
      }
    }
    if (events.length === 0) return;
    const stop = messagingMetrics.batchHandleSeconds.startTimer({ topic, group: this.spec.groupId });
    await this.handleWithRetries(events, heartbeat, log);
    stop();
  }

  private async handleWithRetries(events: ConsumedEvent<T>[], heartbeat: () => Promise<void>, log: Logger): Promise<void> {
    const labels = { topic: events[0].meta.topic, group: this.spec.groupId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.spec.handleBatch(events);
        messagingMetrics.consumed.inc({ ...labels, outcome: 'processed' }, events.length);
        return;
      } catch (error) {
        const failure = classifyFailure(error);
        if (givesUp(failure, attempt, this.retry.attempts)) {
          if (events.length === 1) {
            const [{ meta, message }] = events;
            await deadLetter(
              this.dlq,
              this.spec.groupId,
              { topic: meta.topic, partition: meta.partition, message },
              error,
              attempt,
              log,
              failure,
            );
            return;
          }
          log.warn(failureLogFields(error, failure), 'permanent failure in a batch; handling its events one at a time');
          for (const one of events) {
            await this.handleWithRetries([one], heartbeat, log.child({ offset: one.meta.offset, correlationId: one.meta.correlationId }));
            await heartbeat();
          }
          return;
        }
        messagingMetrics.consumed.inc({ ...labels, outcome: 'retried' }, events.length);
        if (attempt >= this.retry.attempts) {
          log.error(
            { ...failureLogFields(error, failure), attempt },
            'batch handler keeps failing; restarting from the last committed offset',
          );
          throw error;
        }
        const backoff = backoffMs(this.retry, attempt);
        log.warn({ ...failureLogFields(error, failure), attempt, backoffMs: backoff }, 'transient failure of a batch; retrying it');
        await new Promise((resolve) => setTimeout(resolve, backoff));
        await heartbeat();
      }
    }
  }
}
