import { ClassConstructor } from 'class-transformer';
import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { parseContract } from '@complaints/contracts';
import {
  backoffMs,
  deadLetter,
  defaultRetry,
  FetchPolicy,
  MessageMeta,
  messageMeta,
  readJson,
  RetryPolicy,
  TopicGroupConsumer,
} from './consumed-message';
import { BatchCoalescer } from './batch-coalescer';
import { classifyFailure, failureLogFields, givesUp, unreadableFailure } from './failure-classification';
import { EventPublisher } from './event-publisher';
import { messagingMetrics } from './messaging.metrics';

/**
 * For consumers that may lag half a second (read models, customer notifications): fetches gather
 * messages for up to 500 ms, handed over up to 500 at a time. An idle consumer then fetches twice a
 * second instead of every 5 s (a little idle CPU); a busy one handles tens of events per fetch, per
 * handler call and per offset commit instead of one.
 */
export const GATHERED_BATCHES = { maxBatchSize: 500, gatherMs: 500 } as const;

/** One valid event of a batch, with where it came from. */
export interface ConsumedEvent<T> {
  event: T;
  meta: MessageMeta;
  /** The Kafka message as received (for dead-lettering). */
  message: KafkaMessage;
}

export interface BatchConsumerSpec<T extends object> extends FetchPolicy {
  groupId: string;
  topic: string;
  contract: ClassConstructor<T>;
  /** At most this many events per `handleBatch` call: a fetched batch is cut into chunks of this size. */
  maxBatchSize: number;
  /**
   * After handling a fetch's messages, wait this long before the next fetch, so that it brings what
   * arrived meanwhile from every partition in one batch (one handler call, one transaction, one offset
   * commit) instead of a message or two. Costs up to `lingerMs` of latency per message, nothing when
   * idle (unlike `gatherMs`, the fetch still answers as soon as a message is there).
   */
  lingerMs?: number;
  /**
   * A cheap look at a message's JSON before its contract is checked, for a consumer that ignores most
   * events of its topic (e.g. case events of other channels): false when the consumer would ignore the
   * event whatever the rest of it holds. Such a message is skipped: neither checked, nor handed over,
   * nor dead-lettered by this group (the groups that act on it dead-letter it when it is invalid). A
   * message it keeps, or that is not JSON, is checked and dead-lettered as usual. It must not throw
   * (if it does, the message is kept) and must not read more than it needs.
   */
  concerns?(json: unknown): boolean;
  /**
   * Handles valid events, all or nothing: it either succeeds for every event or throws. The events of
   * one call may come from several partitions (see BatchCoalescer), each partition's in offset order,
   * at most `maxBatchSize` of them. Must be idempotent (a chunk whose commit was lost is delivered again).
   */
  handleBatch(events: ConsumedEvent<T>[]): Promise<void>;
}

/** Batches of this many partitions of one fetch are handled together (more than a group member is ever given). */
const CONCURRENT_PARTITIONS = 64;

/**
 * Runs one consumer group on one topic, a chunk of messages at a time (kafkajs `eachBatch`). The
 * partitions of one fetch are worked at once, and their chunks handed to the handler together (one
 * handler call, and so one transaction, per fetch instead of one per partition: BatchCoalescer).
 * Each chunk's offsets are committed once its handler succeeded, before the next chunk. Messages the
 * consumer does not concern itself with (BatchConsumerSpec.concerns) are skipped before they are
 * checked. Messages that are not valid events (bad JSON, contract violations) go to `<topic>.dlq` and
 * the rest of the chunk is handled. A transient failure retries the chunk with exponential backoff (heartbeating), and if
 * it persists the consumer restarts from the last commit. A permanent failure (see classifyFailure:
 * e.g. PostgreSQL refusing one event's data) cannot say which event caused it: the chunk is then
 * handled one event at a time, each in its own handleBatch call, and only the events that fail
 * permanently on their own are dead-lettered; the others are handled exactly as in a batch.
 */
export class EventBatchConsumer<T extends object> extends TopicGroupConsumer {
  /** The handler, with the chunks of concurrently worked partitions joined. */
  private readonly partitions: BatchCoalescer<ConsumedEvent<T>>;

  constructor(
    kafka: Kafka,
    private readonly dlq: EventPublisher,
    private readonly spec: BatchConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {
    super(kafka, spec.groupId, spec.topic, { gatherMs: spec.gatherMs, concurrentPartitions: CONCURRENT_PARTITIONS });
    if (!(spec.maxBatchSize >= 1)) throw new Error('maxBatchSize must be at least 1');
    this.partitions = new BatchCoalescer((events) => spec.handleBatch(events), spec.maxBatchSize);
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
    const { maxBatchSize } = this.spec;
    for (let start = 0; start < batch.messages.length; start += maxBatchSize) {
      if (!isRunning() || isStale()) break;
      const chunk = batch.messages.slice(start, start + maxBatchSize);
      const worked = await this.processChunk(topic, partition, chunk, heartbeat);
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      // The last chunk's offset is committed by kafkajs once this batch returns (autoCommit), and a
      // chunk of skipped messages costs nothing to read again: only commit what saves real work.
      // The committed offset is the next one to read.
      if (worked && start + maxBatchSize < batch.messages.length)
        await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }] });
      await heartbeat();
    }
    if (this.spec.lingerMs && isRunning() && !isStale()) await new Promise((resolve) => setTimeout(resolve, this.spec.lingerMs));
  }

  /** Handles a chunk; false when all its messages were skipped (see BatchConsumerSpec.concerns). */
  private async processChunk(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<boolean> {
    let log: Logger | undefined;
    const chunkLog = () => (log ??= this.logger.child({ topic, partition, firstOffset: messages[0].offset, size: messages.length }));
    const events: ConsumedEvent<T>[] = [];
    let skipped = 0;
    for (const message of messages) {
      try {
        const json = readJson(message);
        if (!this.concerns(json)) {
          skipped++;
          continue;
        }
        events.push({ event: parseContract(this.spec.contract, json), meta: messageMeta(topic, partition, message), message });
      } catch (error) {
        await deadLetter(this.dlq, this.spec.groupId, { topic, partition, message }, error, 1, chunkLog(), unreadableFailure(error));
      }
    }
    if (skipped) messagingMetrics.consumed.inc({ topic, group: this.spec.groupId, outcome: 'skipped' }, skipped);
    if (skipped === messages.length) return false;
    if (events.length === 0) return true;
    const stop = messagingMetrics.batchHandleSeconds.startTimer({ topic, group: this.spec.groupId });
    await this.handleWithRetries(events, heartbeat, chunkLog());
    stop();
    return true;
  }

  /** Whether the consumer acts on a message with this JSON (see BatchConsumerSpec.concerns). */
  private concerns(json: unknown): boolean {
    if (!this.spec.concerns) return true;
    try {
      return this.spec.concerns(json);
    } catch {
      return true;
    }
  }

  private async handleWithRetries(events: ConsumedEvent<T>[], heartbeat: () => Promise<void>, log: Logger): Promise<void> {
    const labels = { topic: events[0].meta.topic, group: this.spec.groupId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.partitions.handle(events);
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
