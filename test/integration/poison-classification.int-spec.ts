import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { ComplaintReceivedV1, dlqTopic } from '@complaints/contracts';
import {
  classifyFailure,
  createKafka,
  decodeHeaders,
  ensureTopics,
  envelopeHeaders,
  EventConsumer,
  EventPublisher,
} from '@complaints/messaging';
import { receivedComplaint } from './router-fixtures';
import { eventually } from '../support/running-app';

/**
 * The failure classification with the errors PostgreSQL really raises (through TypeORM, as the services
 * meet them), and what a consumer on the real broker does with a unique violation: a race resolved by a
 * retry is processed, one that persists is dead-lettered instead of stopping the partition.
 */
describe('failure classification with real PostgreSQL errors', () => {
  const schema = `poison_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const db = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

  beforeAll(async () => {
    await db.initialize();
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`CREATE TABLE ${schema}.parents (id int PRIMARY KEY)`);
    await db.query(`CREATE TABLE ${schema}.rows (
      id int PRIMARY KEY, doc jsonb, note text, code varchar(4), score int CHECK (score BETWEEN 1 AND 5), parent int REFERENCES ${schema}.parents (id), needed text NOT NULL DEFAULT 'x')`);
  });
  afterAll(async () => {
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.destroy();
  });

  async function failureOf(sql: string, parameters: unknown[]) {
    const error = await db.query(sql, parameters).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    return classifyFailure(error);
  }

  it.each([
    ['a lone surrogate in jsonb', 'doc', JSON.stringify({ comment: 'bad \ud800' }), 'data-error', /^22P0[25]$/],
    ['a NUL escape in jsonb', 'doc', JSON.stringify({ comment: 'bad \u0000' }), 'data-error', /^22P05$/],
    ['a NUL in text', 'note', 'bad \u0000 text', 'data-error', /^22021$/],
    ['a value too long', 'code', 'toolong', 'data-error', /^22001$/],
    ['a check violation', 'score', 9, 'integrity-violation', /^23514$/],
    ['a foreign key violation', 'parent', 42, 'integrity-violation', /^23503$/],
  ])('%s is permanent', async (_, column, value, reason, sqlState) => {
    const failure = await failureOf(`INSERT INTO ${schema}.rows (id, ${column}) VALUES ($1, $2)`, [Math.floor(Math.random() * 1e9), value]);
    expect(failure).toMatchObject({ disposition: 'permanent', reason });
    expect(failure.sqlState).toMatch(sqlState);
  });

  it('a not-null violation is permanent', async () => {
    expect(await failureOf(`INSERT INTO ${schema}.rows (id, needed) VALUES ($1, NULL)`, [2])).toMatchObject({
      disposition: 'permanent',
      reason: 'integrity-violation',
      sqlState: '23502',
    });
  });

  it('a unique violation is a conflict, with its constraint', async () => {
    await db.query(`INSERT INTO ${schema}.parents (id) VALUES (7)`);
    expect(await failureOf(`INSERT INTO ${schema}.parents (id) VALUES ($1)`, [7])).toEqual({
      disposition: 'conflict',
      reason: 'unique-violation',
      sqlState: '23505',
      constraint: 'parents_pkey',
    });
  });

  it('a query on a table that does not exist (yet) stays transient', async () => {
    expect(await failureOf(`SELECT * FROM ${schema}.missing WHERE id = $1`, [1])).toMatchObject({
      disposition: 'transient',
      sqlState: '42P01',
    });
  });

  describe('a consumer meeting unique violations (real broker)', () => {
    const brokers = process.env.KAFKA_BROKERS!.split(',');
    const logger = pino({ level: 'silent' });
    const kafka = createKafka({ brokers, clientId: 'poison-classification-test', logger });
    const raw = new Kafka({ brokers, logLevel: logLevel.NOTHING });
    const publisher = new EventPublisher(kafka);
    const topic = `test.poison-classification.${randomUUID()}`;
    const consumers: EventConsumer<ComplaintReceivedV1>[] = [];

    beforeAll(async () => {
      await ensureTopics(raw, [topic, dlqTopic(topic)], { partitions: 1, replicationFactor: 1 });
      await publisher.connect();
      await db.query(`CREATE TABLE ${schema}.seen (complaint_id uuid PRIMARY KEY)`);
    });
    afterAll(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await publisher.disconnect();
    });

    it('retries a unique violation a concurrent writer caused, then processes; dead-letters one that persists, and goes on', async () => {
      const racing = receivedComplaint('race');
      const stuck = receivedComplaint('stuck');
      const after = receivedComplaint('after');
      // `stuck` collides with a row written by someone else, whatever the handler does.
      await db.query(`INSERT INTO ${schema}.seen (complaint_id) VALUES ($1)`, [stuck.complaint.complaintId]);
      const attempts = new Map<string, number>();
      const processed: string[] = [];
      const groupId = `test-${randomUUID()}`;
      const consumer = new EventConsumer(
        kafka,
        publisher,
        {
          groupId,
          topic,
          contract: ComplaintReceivedV1,
          handle: async (event) => {
            const id = event.complaint.complaintId;
            const attempt = (attempts.get(id) ?? 0) + 1;
            attempts.set(id, attempt);
            // The first attempt of `racing` loses a race: another writer holds the row, and gives it up right after.
            const other = id === racing.complaint.complaintId && attempt === 1;
            if (other) await db.query(`INSERT INTO ${schema}.seen (complaint_id) VALUES ($1)`, [id]);
            try {
              await db.query(`INSERT INTO ${schema}.seen (complaint_id) VALUES ($1)`, [id]);
            } finally {
              if (other) await db.query(`DELETE FROM ${schema}.seen WHERE complaint_id = $1`, [id]);
            }
            processed.push(id);
          },
        },
        logger,
        { attempts: 3, initialBackoffMs: 20, maxBackoffMs: 50 },
      );
      consumers.push(consumer);
      await consumer.start();

      const dlq = raw.consumer({ groupId: `dlq-${randomUUID()}` });
      const deadLetters: Record<string, string>[] = [];
      await dlq.connect();
      await dlq.subscribe({ topic: dlqTopic(topic), fromBeginning: true });
      await dlq.run({ eachMessage: async ({ message }) => void deadLetters.push(decodeHeaders(message.headers)) });

      await publisher.send(
        topic,
        [racing, stuck, after].map((e) => ({ key: e.complaint.complaintId, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
      );
      await eventually(async () => (processed.includes(after.complaint.complaintId) && deadLetters.length > 0 ? true : undefined), 30_000);
      await dlq.disconnect();

      expect(processed).toEqual([racing.complaint.complaintId, after.complaint.complaintId]);
      expect(attempts.get(racing.complaint.complaintId)).toBe(2);
      expect(attempts.get(stuck.complaint.complaintId)).toBe(3);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]).toMatchObject({
        'correlation-id': stuck.correlationId,
        'dlq-reason': 'unique-violation',
        'dlq-sqlstate': '23505',
        'dlq-constraint': 'seen_pkey',
        'dlq-attempts': '3',
        'dlq-consumer-group': groupId,
      });
    });

    it('dead-letters a message that no longer fits the dead-letter topic without its value, and goes on', async () => {
      // A pair of topics of its own whose dead-letter topic takes smaller messages than the topic.
      const small = `test.poison-too-large.${randomUUID()}`;
      const admin = raw.admin();
      await admin.connect();
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          { topic: small, numPartitions: 1, replicationFactor: 1 },
          {
            topic: dlqTopic(small),
            numPartitions: 1,
            replicationFactor: 1,
            configEntries: [{ name: 'max.message.bytes', value: '20000' }],
          },
        ],
      });
      await admin.disconnect();
      const processed: string[] = [];
      const groupId = `test-${randomUUID()}`;
      const consumer = new EventConsumer(
        kafka,
        publisher,
        { groupId, topic: small, contract: ComplaintReceivedV1, handle: async (e) => void processed.push(e.complaint.complaintId) },
        logger,
        {
          attempts: 2,
          initialBackoffMs: 20,
          maxBackoffMs: 50,
        },
      );
      consumers.push(consumer);
      await consumer.start();
      const dlq = raw.consumer({ groupId: `dlq-${randomUUID()}` });
      const deadLetters: { value: Buffer | null; headers: Record<string, string> }[] = [];
      await dlq.connect();
      await dlq.subscribe({ topic: dlqTopic(small), fromBeginning: true });
      await dlq.run({
        eachMessage: async ({ message }) => void deadLetters.push({ value: message.value, headers: decodeHeaders(message.headers) }),
      });

      const big = receivedComplaint('x'.repeat(30_000)); // over the contract's 20,000, and over what the dead-letter topic takes
      const after = receivedComplaint('after');
      await publisher.send(
        small,
        [big, after].map((e) => ({ key: e.complaint.complaintId, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
      );
      await eventually(async () => (processed.includes(after.complaint.complaintId) && deadLetters.length > 0 ? true : undefined), 30_000);
      await dlq.disconnect();

      expect(processed).toEqual([after.complaint.complaintId]);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0].value).toBeNull();
      expect(deadLetters[0].headers).toMatchObject({
        'correlation-id': big.correlationId,
        'dlq-reason': 'contract-violation',
        'dlq-original-topic': small,
        'dlq-original-offset': '0',
      });
      expect(deadLetters[0].headers['dlq-value-omitted']).toMatch(/too large/);
    });
  });
});
