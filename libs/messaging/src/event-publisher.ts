import { ClassConstructor } from 'class-transformer';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { EventEnvelope, parseContract } from '@complaints/contracts';
import { BrokerUnavailableError } from './errors';
import { envelopeHeaders } from './message-headers';
import { messagingMetrics } from './messaging.metrics';

export interface PublishOptions {
  /** The partition key: always the complaintId, so one complaint stays in order. */
  key: string;
}

/**
 * Publishes contract events with an idempotent producer and acks=all. An event is validated against
 * its contract before it is sent; a send that Kafka does not acknowledge within `sendTimeoutMs`
 * fails with BrokerUnavailableError, so callers never report success for an unacknowledged event.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;

  constructor(
    kafka: Kafka,
    private readonly sendTimeoutMs = 10_000,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 5 },
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connecting = null;
    });
  }

  /** Connects eagerly; failures are swallowed here and surface on the first publish instead. */
  async connect(): Promise<void> {
    await this.ensureConnected().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    this.connecting = null;
    await this.producer.disconnect();
  }

  /** Validates and publishes one event; resolves once every in-sync replica has it. */
  async publish<T extends EventEnvelope>(
    contract: ClassConstructor<T> & { topic: string },
    event: T,
    options: PublishOptions,
  ): Promise<void> {
    await this.publishAll(contract, [event], () => options.key);
  }

  /**
   * Validates every event, then publishes them in one request; resolves once every in-sync replica has
   * all of them. Nothing is sent when one event violates its contract.
   */
  async publishAll<T extends EventEnvelope>(
    contract: ClassConstructor<T> & { topic: string },
    events: readonly T[],
    keyOf: (event: T) => string,
  ): Promise<void> {
    if (events.length === 0) return;
    const messages = events.map((event) => {
      const valid = parseContract(contract, event);
      return {
        key: keyOf(event),
        value: JSON.stringify(valid),
        headers: envelopeHeaders(valid),
        timestamp: String(Date.parse(valid.occurredAt)),
      };
    });
    await this.send(contract.topic, messages);
  }

  /** Sends already-encoded messages (dead letters, relays). */
  async send(topic: string, messages: Message[]): Promise<void> {
    const stop = messagingMetrics.publishSeconds.startTimer({ topic });
    try {
      await withTimeout(
        (async () => {
          await this.ensureConnected();
          await this.producer.send({ topic, messages, acks: -1, compression: CompressionTypes.None });
        })(),
        this.sendTimeoutMs,
      );
      stop({ outcome: 'acked' });
    } catch (error) {
      stop({ outcome: 'failed' });
      throw new BrokerUnavailableError(error);
    }
  }

  private ensureConnected(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.producer.connect().catch((error: unknown) => {
        this.connecting = null;
        throw error;
      });
    }
    return this.connecting;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no acknowledgement within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
