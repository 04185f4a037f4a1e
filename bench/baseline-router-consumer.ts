import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@complaints/contracts';

/**
 * The router scenario's baseline: the least a consumer can do to "route" complaints. A bare kafkajs
 * consumer (in the bench process) that reads `complaints.received.v1` and, for every batch kafkajs
 * delivers (eachBatch), INSERTs one row per event into `bench.routing_decisions` (the shape of
 * `routing.decisions`, with a fixed department and the event plus a fixed routing as routed_event)
 * in one statement, then lets kafkajs commit the batch. No contract validation, no classification,
 * no rules, no repeat look-up, no Kafka publish.
 */

export const BASELINE_TABLE = 'bench.routing_decisions';
export const BASELINE_GROUP = 'bench-router-baseline';

const FIXED_ROUTING = {
  department: 'CUSTOMER_SERVICE',
  category: { product: 'OTHER', reason: 'OTHER', servicePoint: 'OTHER' },
  priority: 'P2',
  escalation: false,
  needsTriage: true,
  ruleId: 'BASELINE',
  rulesVersion: 'v0',
  classifierVersion: 'none',
  matchedTerms: [],
};

/** Creates (empty) the scratch table, same columns as routing.decisions. */
export async function createBaselineTable(db: Client): Promise<void> {
  await db.query('CREATE SCHEMA IF NOT EXISTS bench');
  await db.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`);
  await db.query(`
    CREATE TABLE ${BASELINE_TABLE} (
      complaint_id uuid PRIMARY KEY,
      reference text NOT NULL,
      department text NOT NULL,
      rule_id text NOT NULL,
      needs_triage boolean NOT NULL,
      routed_event jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  await db.query(`CREATE INDEX routing_decisions_department_idx ON ${BASELINE_TABLE} (department, created_at)`);
}

/** A running baseline consumer; `stop` disconnects it and its database connection. */
export interface BaselineConsumer {
  stop(): Promise<void>;
}

/** Joins BASELINE_GROUP (whose offsets the caller has set) and starts inserting. */
export async function startBaselineConsumer(brokers: string[], databaseUrl: string): Promise<BaselineConsumer> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const kafka = new Kafka({ clientId: 'bench-router-baseline', brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({
    groupId: BASELINE_GROUP,
    allowAutoTopicCreation: false,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.complaintReceivedV1, fromBeginning: true });
  await consumer.run({
    // kafkajs hands these over as closures that do not use `this`, though its types declare them as methods.
    /* eslint-disable @typescript-eslint/unbound-method */
    eachBatch: async ({ batch, heartbeat }) => {
      /* eslint-enable @typescript-eslint/unbound-method */
      await insertRows(db, batch.messages);
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

async function insertRows(db: Client, messages: KafkaMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const ids: string[] = [];
  const references: string[] = [];
  const events: string[] = [];
  for (const message of messages) {
    const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as { complaint: { complaintId: string; reference: string } };
    ids.push(event.complaint.complaintId);
    references.push(event.complaint.reference);
    events.push(
      JSON.stringify({
        ...event,
        eventType: 'complaint.routed',
        source: 'bench-baseline',
        routing: { ...FIXED_ROUTING, routedAt: new Date().toISOString() },
      }),
    );
  }
  await db.query(
    `INSERT INTO ${BASELINE_TABLE} (complaint_id, reference, department, rule_id, needs_triage, routed_event)
     SELECT id, ref, $3, $4, $5, ev FROM unnest($1::uuid[], $2::text[], $6::jsonb[]) AS t(id, ref, ev)
     ON CONFLICT (complaint_id) DO NOTHING`,
    [ids, references, FIXED_ROUTING.department, FIXED_ROUTING.ruleId, FIXED_ROUTING.needsTriage, events],
  );
}
