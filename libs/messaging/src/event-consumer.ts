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

export type { MessageMeta, RetryPolicy } from './consumed-message';

export interface ConsumerSpec<T extends object> {
  groupId: string;
  topic: string;
  contract: ClassConstructor<T>;
  handle(event: T, meta: MessageMeta): Promise<void>;
}

/**
 * Runs one consumer group on one topic, one message at a time. Offsets are committed only after a
 * message was processed. Poison messages (bad JSON, contract violations, permanent domain errors,
 * data PostgreSQL refuses: see classifyFailure) go to `<topic>.dlq` with the error in headers and
 * the consumer moves on to the next message; transient failures are retried with exponential
 * backoff, and if they persist the consumer restarts from the last committed offset, so nothing is
 * skipped. Handlers must be idempotent (at-least-once delivery). See EventBatchConsumer for batches.
 */
export class EventConsumer<T extends object> extends TopicGroupConsumer {
  constructor(
    kafka: Kafka,
    private readonly dlq: EventPublisher,
    private readonly spec: ConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {
    super(kafka, spec.groupId, spec.topic);
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
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.processMessage(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  }

  private async processMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const meta = messageMeta(topic, partition, message);
    const log = this.logger.child({ correlationId: meta.correlationId, topic, partition, offset: message.offset });
    const labels = { topic, group: this.spec.groupId };
    const stop = messagingMetrics.handleSeconds.startTimer(labels);

    let event: T;
    try {
      event = parseMessage(this.spec.contract, message);
    } catch (error) {
      await deadLetter(this.dlq, this.spec.groupId, { topic, partition, message }, error, 1, log, unreadableFailure(error));
      return;
    }

    for (let attempt = 1; ; attempt++) {
      try {
        await this.spec.handle(event, meta);
        messagingMetrics.consumed.inc({ ...labels, outcome: 'processed' });
        stop();
        return;
      } catch (error) {
        const failure = classifyFailure(error);
        if (givesUp(failure, attempt, this.retry.attempts)) {
          await deadLetter(this.dlq, this.spec.groupId, { topic, partition, message }, error, attempt, log, failure);
          return;
        }
        messagingMetrics.consumed.inc({ ...labels, outcome: 'retried' });
        if (attempt >= this.retry.attempts) {
          log.error({ ...failureLogFields(error, failure), attempt }, 'handler keeps failing; restarting from the last committed offset');
          throw error;
        }
        const backoff = backoffMs(this.retry, attempt);
        log.warn({ ...failureLogFields(error, failure), attempt, backoffMs: backoff }, 'transient failure; retrying');
        await new Promise((resolve) => setTimeout(resolve, backoff));
        await heartbeat();
      }
    }
  }
}
