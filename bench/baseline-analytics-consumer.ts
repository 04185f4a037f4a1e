import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@complaints/contracts';

/**
 * The analytics scenario's baseline: the least a consumer can do to record the events. A bare kafkajs
 * consumer (in the bench process, one group for the three topics) that, for every batch kafkajs
 * delivers (eachBatch), INSERTs the rows analytics writes for each event first: one into
 * `bench.applied_events` (event id, topic) and one into `bench.complaint_events` (complaint id, event
 * id, topic, offset, time, the event as jsonb), one multi-row statement per table and batch, then lets
 * kafkajs commit. No contract check, no fact folding, no rollup, no per-complaint lock.
 */

export const BASELINE_APPLIED_TABLE = 'bench.applied_events';
export const BASELINE_ANALYTICS_GROUP = 'bench-analytics-baseline';
export const ANALYTICS_TOPICS = [Topics.complaintReceivedV1, Topics.complaintRoutedV1, Topics.caseEventsV1];

export async function createBaselineAnalyticsTables(db: Client): Promise<void> {
  await db.query('CREATE SCHEMA IF NOT EXISTS bench');
  await db.query('DROP TABLE IF EXISTS bench.applied_events, bench.complaint_events');
  await db.query(
    'CREATE TABLE bench.applied_events (event_id uuid PRIMARY KEY, topic text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  await db.query(`
    CREATE TABLE bench.complaint_events (
      complaint_id uuid NOT NULL, event_id uuid NOT NULL, topic text NOT NULL, kafka_offset bigint NOT NULL,
      at timestamptz NOT NULL, body jsonb NOT NULL, PRIMARY KEY (complaint_id, event_id)
    )`);
}

export interface BaselineAnalyticsConsumer {
  stop(): Promise<void>;
}

/** Joins BASELINE_ANALYTICS_GROUP (whose offsets the caller has set) and starts inserting. */
export async function startBaselineAnalyticsConsumer(brokers: string[], databaseUrl: string): Promise<BaselineAnalyticsConsumer> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const kafka = new Kafka({ clientId: 'bench-analytics-baseline', brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({
    groupId: BASELINE_ANALYTICS_GROUP,
    allowAutoTopicCreation: false,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: ANALYTICS_TOPICS, fromBeginning: true });
  await consumer.run({
    // kafkajs hands these over as closures that do not use `this`, though its types declare them as methods.
    /* eslint-disable @typescript-eslint/unbound-method */
    eachBatch: async ({ batch, heartbeat }) => {
      /* eslint-enable @typescript-eslint/unbound-method */
      await insertRows(db, batch.topic, batch.messages);
      await heartbeat();
    },
  });
  return {
    stop: async () => {
      await consumer.disconnect();
      await db.end();
    },
  };
}

async function insertRows(db: Client, topic: string, messages: KafkaMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => {
    const event = JSON.parse(m.value?.toString('utf8') ?? 'null') as {
      eventId: string;
      occurredAt: string;
      complaint?: { complaintId: string };
      case?: { complaintId: string };
    };
    return { event, complaintId: event.complaint?.complaintId ?? event.case!.complaintId, offset: m.offset };
  });
  await db.query('BEGIN');
  await db.query('INSERT INTO bench.applied_events (event_id, topic) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [
    rows.map((r) => r.event.eventId),
    topic,
  ]);
  await db.query(
    `INSERT INTO bench.complaint_events (complaint_id, event_id, topic, kafka_offset, at, body)
     SELECT c, e, $3, o, a, b FROM unnest($1::uuid[], $2::uuid[], $4::bigint[], $5::timestamptz[], $6::jsonb[]) AS t(c, e, o, a, b)
     ON CONFLICT DO NOTHING`,
    [
      rows.map((r) => r.complaintId),
      rows.map((r) => r.event.eventId),
      topic,
      rows.map((r) => r.offset),
      rows.map((r) => r.event.occurredAt),
      rows.map((r) => JSON.stringify(r.event)),
    ],
  );
  await db.query('COMMIT');
}
