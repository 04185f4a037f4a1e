import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { ComplaintReceivedV1, dlqTopic } from '@complaints/contracts';
import { createKafka, decodeHeaders, ensureTopics, EventPublisher, outboxTableSql, PostgresOutboxRelay } from '@complaints/messaging';
import { receivedComplaint } from './router-fixtures';
import { eventually } from '../support/running-app';

/**
 * The publishing side of poison pills: an outbox event that breaks its contract can never go out. It
 * must not hold back the events behind it (the outbox is published in order): it goes to
 * `<topic>.dlq` with why, and is marked done with the error.
 */
describe('an outbox holding an event that breaks its contract (real Kafka and PostgreSQL)', () => {
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const silent = pino({ level: 'silent' });
  const publisher = new EventPublisher(createKafka({ brokers, clientId: 'poison-outbox-test', logger: silent }));
  const raw = new Kafka({ brokers, logLevel: logLevel.NOTHING });
  const topic = `test.poison-outbox.${randomUUID()}`;
  const schema = `poison_outbox_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const table = `${schema}.outbox`;
  const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  // The received-complaint contract, on a topic of this test's own.
  const contract = Object.assign(class extends ComplaintReceivedV1 {}, { topic });

  beforeAll(async () => {
    await ensureTopics(raw, [topic, dlqTopic(topic)], { partitions: 1, replicationFactor: 1 });
    await db.initialize();
    await db.query(`CREATE SCHEMA ${schema}`);
    for (const statement of outboxTableSql(table)) await db.query(statement);
  });
  afterAll(async () => {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.destroy();
    await publisher.disconnect();
  });

  async function read(
    name: string,
  ): Promise<{ messages: { key: string | null; value: string; headers: Record<string, string> }[]; stop: () => Promise<void> }> {
    const consumer = raw.consumer({ groupId: `poison-outbox-${randomUUID()}` });
    const messages: { key: string | null; value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: name, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void messages.push({
          key: message.key?.toString() ?? null,
          value: message.value!.toString(),
          headers: decodeHeaders(message.headers),
        }),
    });
    return { messages, stop: () => consumer.disconnect() };
  }

  it('sends the bad event to <topic>.dlq and publishes the events after it, in order', async () => {
    const key = randomUUID();
    const first = receivedComplaint('信用卡年费被扣');
    const bad = JSON.parse(JSON.stringify(receivedComplaint('没有编号的投诉'))) as Record<string, any>;
    delete bad.complaint.reference;
    const last = receivedComplaint('贷款利息算错了');
    for (const payload of [first, bad, last]) {
      await db.query(`INSERT INTO ${table} (event_id, topic, message_key, payload) VALUES ($1, $2, $3, $4)`, [
        payload.eventId,
        topic,
        key,
        JSON.stringify(payload),
      ]);
    }
    const relay = new PostgresOutboxRelay(db, publisher, silent, {
      table,
      lockKey: 924_001,
      contracts: [contract],
      pollMs: 0,
      retentionHours: 24,
      metricsPrefix: 'poison_outbox_test',
    });
    const [published, dead] = await Promise.all([read(topic), read(dlqTopic(topic))]);

    expect(await relay.drain()).toBe(3);

    await eventually(async () => (published.messages.length >= 2 && dead.messages.length >= 1 ? true : undefined), 30_000);
    await Promise.all([published.stop(), dead.stop()]);
    expect(published.messages.map((m) => JSON.parse(m.value).eventId)).toEqual([first.eventId, last.eventId]);
    expect(dead.messages).toHaveLength(1);
    expect(JSON.parse(dead.messages[0].value)).toEqual(bad);
    expect(dead.messages[0].key).toBe(key);
    expect(dead.messages[0].headers).toMatchObject({
      'correlation-id': bad.correlationId,
      'dlq-reason': 'contract-violation',
      'dlq-original-topic': topic,
      'dlq-outbox': table,
    });
    expect(dead.messages[0].headers['dlq-error-message']).toMatch(/reference/);
    const rows = await db.query<{ event_id: string; published_at: Date | null; last_error: string | null }[]>(
      `SELECT event_id, published_at, last_error FROM ${table} ORDER BY id`,
    );
    expect(rows.map((r) => r.published_at !== null)).toEqual([true, true, true]);
    expect(rows.map((r) => r.last_error?.startsWith('dead-lettered:') ?? false)).toEqual([false, true, false]);
    // Nothing is left for a later pass.
    expect(await relay.drain()).toBe(0);
  });
});
