import { ClassConstructor } from 'class-transformer';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { EventEnvelope, parseContract } from '@complaints/contracts';
import { BrokerUnavailableError } from './errors';
import { envelopeHeaders } from './message-headers';
import { messagingMetrics } from './messaging.metrics';
import { CoalescingOptions, DEFAULT_COALESCING, SendCoalescer } from './send-coalescer';

export interface PublishOptions {
  /** The partition key: always the complaintId, so one complaint stays in order. */
  key: string;
}

/**
 * Publishes contract events with an idempotent producer and acks=all. An event is validated against
 * its contract before it is sent; a send that Kafka does not acknowledge within `sendTimeoutMs`
 * fails with BrokerUnavailableError, so callers never report success for an unacknowledged event.
 * Concurrent sends travel together: what callers send while a request is in flight (or within
 * `coalescing.lingerMs` of the first) goes out as one produce request, and each caller is answered
 * when the request carrying its own messages is acknowledged (or fails).
 */
export class EventPublisher {
  private readonly producer: Producer;
  private readonly sends: SendCoalescer;
  private connecting: Promise<void> | null = null;

  constructor(kafka: Kafka, sendTimeoutMs = 10_000, coalescing: CoalescingOptions = DEFAULT_COALESCING) {
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
    this.sends = new SendCoalescer((topic, messages) => this.produce(topic, messages), sendTimeoutMs, coalescing);
  }

  /** Connects eagerly; failures are swallowed here and surface on the first publish instead. */
  async connect(): Promise<void> {
    await this.ensureConnected().catch(() => undefined);
  }

  /** Sends what is still queued, then disconnects. */
  async disconnect(): Promise<void> {
    await this.sends.drain();
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

  /** Sends already-encoded messages (dead letters, relays), with whatever other callers send meanwhile. */
  async send(topic: string, messages: Message[]): Promise<void> {
    if (messages.length === 0) return;
    const stop = messagingMetrics.publishSeconds.startTimer({ topic });
    try {
      await this.sends.send(topic, messages);
      stop({ outcome: 'acked' });
    } catch (error) {
      stop({ outcome: 'failed' });
      throw new BrokerUnavailableError(error);
    }
  }

  /** One produce request; resolves once every in-sync replica has every message. */
  private async produce(topic: string, messages: Message[]): Promise<void> {
    await this.ensureConnected();
    await this.producer.send({ topic, messages, acks: -1, compression: CompressionTypes.None });
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
