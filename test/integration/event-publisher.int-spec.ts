import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, ProducerConfig } from 'kafkajs';
import pino from 'pino';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { BrokerUnavailableError, createKafka, decodeHeaders, ensureTopics, envelopeHeaders, EventPublisher } from '@complaints/messaging';
import { eventually } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/**
 * The publisher's coalescing on the real broker: what callers send at the same time travels in one
 * produce request (acks=all, idempotent), and each caller is answered for its own records.
 */
describe('EventPublisher gathers concurrent sends (real broker)', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const kafka = createKafka({ brokers, clientId: 'publisher-test', logger: pino({ level: 'silent' }) });
  const raw = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  // Topics of their own (one partition each, so the order on the topic is the order of the records).
  const topic = `test.publisher.${randomUUID()}`;
  const otherTopic = `test.publisher.other.${randomUUID()}`;
  /** The received contract on a topic of its own, so these events never reach the services other tests run. */
  class TestReceived extends ComplaintReceivedV1 {}
  Object.defineProperty(TestReceived, 'topic', { value: topic });
  const produceRequests: string[] = [];
  // The producer the publisher makes is kafkajs's own; the test only listens to the requests it sends.
  const watchedKafka = {
    producer: (config?: ProducerConfig) => {
      const producer = kafka.producer(config);
      producer.on(producer.events.REQUEST, ({ payload }) => {
        if (payload.apiName === 'Produce') produceRequests.push(payload.apiName);
      });
      return producer;
    },
  } as unknown as Kafka;
  const publisher = new EventPublisher(watchedKafka, 5_000);
  let reader: TopicReader;

  beforeAll(async () => {
    await ensureTopics(raw, [topic, otherTopic], { partitions: 1, replicationFactor: 1 });
    await publisher.connect();
    reader = await TopicReader.open(topic);
  });
  afterAll(async () => {
    await publisher.disconnect();
    await reader?.close();
  });

  function received(text: string): TestReceived {
    const now = new Date().toISOString();
    return Object.assign(new TestReceived(), {
      eventId: randomUUID(),
      eventType: 'complaint.received' as const,
      eventVersion: 1 as const,
      occurredAt: now,
      correlationId: `corr-${randomUUID()}`,
      causationId: null,
      source: 'test',
      complaint: {
        complaintId: randomUUID(),
        reference: `C20261207-W${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`,
        channel: 'web' as const,
        receivedAt: now,
        source: { system: 'test', messageId: null, receivedAt: now },
        customer: { contact: {} },
        content: { text, language: 'en' as const },
        context: {},
      },
    });
  }

  const publish = (event: TestReceived) => publisher.publish(TestReceived, event, { key: event.complaint.complaintId });
  const onTopic = (events: TestReceived[]) => {
    const ids = new Set(events.map((e) => e.eventId));
    return reader.messages.filter((m) => ids.has(String(m.value.eventId)));
  };
  /** Waits until every one of the events is on the topic (none of them twice). */
  const allOnTopic = (events: TestReceived[]) =>
    eventually(async () => (onTopic(events).length >= events.length ? onTopic(events) : undefined), 30_000);

  it('sends what callers publish at the same time in one produce request, each record with its own key and headers', async () => {
    const events = Array.from({ length: 25 }, (_, i) => received(`complaint ${i}`));
    // The publisher sends nothing between the publishes below: they are made in one turn of the event loop.
    const before = produceRequests.length;
    const sent = events.map((event) => publish(event).then(() => event.eventId));
    expect(await Promise.all(sent)).toEqual(events.map((e) => e.eventId));
    expect(produceRequests.length - before).toBe(1);

    const records = await allOnTopic(events);
    expect(records).toHaveLength(events.length);
    expect(records.map((m) => m.value.eventId)).toEqual(events.map((e) => e.eventId));
    records.forEach((record, i) => {
      expect(record.key).toBe(events[i].complaint.complaintId);
      expect(decodeHeaders(record.headers)).toEqual(decodeHeaders(envelopeHeaders(events[i])));
    });
  });

  it('refuses an event that breaks its contract to its caller alone; the others are published', async () => {
    const good = [received('first'), received('second')];
    const broken = Object.assign(received('broken'), { eventVersion: 2 });
    const outcomes = await Promise.allSettled([publish(good[0]), publish(broken), publish(good[1])]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);

    expect(await allOnTopic(good)).toHaveLength(2);
    expect(onTopic([broken])).toHaveLength(0);
  });

  it('fails the callers of a topic the broker does not have, and only them', async () => {
    const event = received('to a topic that exists');
    const value = JSON.stringify(event);
    const outcomes = await Promise.allSettled([
      publisher.send(otherTopic, [{ key: 'a', value }]),
      publisher.send(`test.publisher.missing.${randomUUID()}`, [{ key: 'b', value }]),
      publisher.send(otherTopic, [{ key: 'c', value }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(BrokerUnavailableError);
  });

  it('keeps the order of one caller’s records and answers it once all of them are acknowledged', async () => {
    const batch = Array.from({ length: 10 }, (_, i) => received(`batch ${i}`));
    const single = received('alone');
    await Promise.all([publisher.publishAll(TestReceived, batch, (e) => e.complaint.complaintId), publish(single)]);

    expect(await allOnTopic([...batch, single])).toHaveLength(11);
    expect(onTopic(batch).map((m) => m.value.eventId)).toEqual(batch.map((e) => e.eventId));
  });
});
