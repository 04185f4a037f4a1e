import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import pino from 'pino';
import { CaseEventV1, ComplaintReceivedV1, ComplaintRoutedV1, CustomerV1 } from '@complaints/contracts';
import { createKafka, EventPublisher } from '@complaints/messaging';

/** Shared by the router's integration tests: real Kafka publishing/reading and real Postgres look-ups. */
export const brokers = () => process.env.KAFKA_BROKERS!.split(',');

export function testPublisher(): EventPublisher {
  return new EventPublisher(createKafka({ brokers: brokers(), clientId: 'router-test', logger: pino({ level: 'silent' }) }));
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function reference(): string {
  const chars = Array.from({ length: 6 }, () => CROCKFORD[Math.floor(Math.random() * 32)]).join('');
  return `C20261129-${chars}`;
}

export function receivedComplaint(text: string, customer: CustomerV1 = { contact: {} }, receivedAt = new Date()): ComplaintReceivedV1 {
  const at = receivedAt.toISOString();
  return Object.assign(new ComplaintReceivedV1(), {
    eventId: randomUUID(),
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: `corr-${randomUUID()}`,
    causationId: null,
    source: 'router-test',
    complaint: {
      complaintId: randomUUID(),
      reference: reference(),
      channel: 'web' as const,
      receivedAt: at,
      source: { system: 'router-test', messageId: null, receivedAt: at },
      customer,
      content: { text, language: 'zh' as const },
      context: {},
    },
  });
}

export function caseEvent(routed: ComplaintRoutedV1, kind: 'closed' | 'reopened' | 'assigned'): CaseEventV1 {
  const at = new Date().toISOString();
  const { complaint } = routed;
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType: `case.${kind}` as const,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: routed.correlationId,
    causationId: routed.eventId,
    source: 'router-test',
    case: {
      reference: complaint.reference,
      complaintId: complaint.complaintId,
      channel: complaint.channel,
      source: complaint.source,
      contact: complaint.customer.contact,
      customerId: complaint.customer.customerId,
      language: complaint.content.language,
      status: kind === 'closed' ? ('CLOSED' as const) : ('IN_PROGRESS' as const),
      department: routed.routing.department,
      priority: routed.routing.priority,
      assignee: null,
    },
    actor: { type: 'staff' as const, id: 'staff-1' },
    customerVisible: false,
    at,
  });
}

/** The stored routing decision of a complaint (the routed event as published), or undefined. */
export async function storedDecision(db: Client, complaintId: string): Promise<ComplaintRoutedV1 | undefined> {
  const { rows } = await db.query('SELECT routed_event FROM routing.decisions WHERE complaint_id = $1', [complaintId]);
  return rows[0]?.routed_event;
}

export async function connectDb(): Promise<Client> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  return db;
}

/** Reads `complaints.routed.v1` from the beginning with a fresh group, collecting every event. */
export async function routedEventReader(): Promise<{ events: ComplaintRoutedV1[]; stop: () => Promise<void> }> {
  const kafka = new Kafka({ brokers: brokers(), clientId: 'router-test-reader', logLevel: logLevel.NOTHING });
  const consumer: Consumer = kafka.consumer({ groupId: `router-test-${randomUUID()}` });
  const events: ComplaintRoutedV1[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: ComplaintRoutedV1.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      events.push(JSON.parse(message.value!.toString('utf8')));
    },
  });
  return { events, stop: () => consumer.disconnect() };
}
