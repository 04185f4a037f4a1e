import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { ComplaintReceivedV1, dlqTopic } from '@complaints/contracts';
import { createKafka, decodeHeaders, ensureTopics, envelopeHeaders, EventConsumer, EventPublisher } from '@complaints/messaging';
import { eventually } from '../support/running-app';

/** The consumer contract of libs/messaging, on the real broker: commit after processing, retries, DLQ. */
describe('EventConsumer on a real broker', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const logger = pino({ level: 'silent' });
  const kafka = createKafka({ brokers, clientId: 'consumer-test', logger });
  const raw = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const publisher = new EventPublisher(kafka);
  // A topic of its own, so these events never reach the services other tests run.
  const topic = `test.consumer.${randomUUID()}`;
  const consumers: EventConsumer<ComplaintReceivedV1>[] = [];

  beforeAll(async () => {
    await ensureTopics(raw, [topic, dlqTopic(topic)], { partitions: 3, replicationFactor: 1 });
    await publisher.connect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await publisher.disconnect();
  });

  function received(text: string): ComplaintReceivedV1 {
    const now = new Date().toISOString();
    return Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: 'complaint.received' as const,
      eventVersion: 1 as const,
      occurredAt: now,
      correlationId: `corr-${randomUUID()}`,
      causationId: null,
      source: 'test',
      complaint: {
        complaintId: randomUUID(),
        reference: `C20261129-W${randomUUID()
          .replace(/[^0-9]/g, '')
          .slice(0, 5)}`,
        channel: 'web' as const,
        receivedAt: now,
        source: { system: 'test', messageId: null, receivedAt: now },
        customer: { contact: {} },
        content: { text, language: 'en' as const },
        context: {},
      },
    });
  }

  const send = (event: ComplaintReceivedV1) =>
    publisher.send(topic, [{ key: event.complaint.complaintId, value: JSON.stringify(event), headers: envelopeHeaders(event) }]);

  async function run(handle: (event: ComplaintReceivedV1) => Promise<void>): Promise<string> {
    const groupId = `test-${randomUUID()}`;
    const consumer = new EventConsumer(kafka, publisher, { groupId, topic, contract: ComplaintReceivedV1, handle }, logger, {
      attempts: 3,
      initialBackoffMs: 50,
      maxBackoffMs: 200,
    });
    consumers.push(consumer);
    await consumer.start();
    return groupId;
  }

  it('refuses to publish an event that breaks its contract', async () => {
    const bad = received('x');
    bad.complaint.reference = 'not-a-reference';
    await expect(publisher.publish(ComplaintReceivedV1, bad, { key: bad.complaint.complaintId })).rejects.toThrow(/reference/);
  });

  it('retries a transient failure, then processes the event, with its correlation id in headers', async () => {
    const event = received('transient');
    const seen: string[] = [];
    let failures = 0;
    await run(async (e) => {
      if (e.complaint.complaintId !== event.complaint.complaintId) return;
      if (failures++ < 2) throw new Error('database briefly unavailable');
      seen.push(e.correlationId);
    });
    await send(event);
    await eventually(async () => (seen.length > 0 ? true : undefined), 30_000);
    expect(seen).toEqual([event.correlationId]);
    expect(failures).toBe(3);
  });

  it('sends poison messages to the dead-letter topic with the error in headers, and goes on', async () => {
    const good = received('good after poison');
    const poisonKey = randomUUID();
    const processed: string[] = [];
    const groupId = await run(async (e) => {
      processed.push(e.complaint.complaintId);
    });

    const dlq = raw.consumer({ groupId: `dlq-${randomUUID()}` });
    const deadLetters: Record<string, string>[] = [];
    await dlq.connect();
    await dlq.subscribe({ topic: dlqTopic(topic), fromBeginning: true });
    await dlq.run({
      eachMessage: async ({ message }) => {
        // Consumers of the earlier tests read the same topic and dead-letter it too: keep this group's.
        const headers = decodeHeaders(message.headers);
        if (message.key?.toString() === poisonKey && headers['dlq-consumer-group'] === groupId) deadLetters.push(headers);
      },
    });

    await publisher.send(topic, [{ key: poisonKey, value: '{"not": "a complaint"' }]);
    await send(good);

    await eventually(async () => (deadLetters.length > 0 && processed.includes(good.complaint.complaintId) ? true : undefined), 30_000);
    await dlq.disconnect();
    expect(deadLetters[0]).toMatchObject({
      'dlq-original-topic': topic,
      'dlq-consumer-group': groupId,
      'dlq-error-type': 'SyntaxError',
    });
    expect(deadLetters[0]['dlq-error-message']).toBeTruthy();
  });
});
