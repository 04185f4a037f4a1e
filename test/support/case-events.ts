import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { CaseEventType, CaseEventV1, CaseSnapshotV1, newReference, Topics } from '@complaints/contracts';

export interface CaseEventSpec {
  type: CaseEventType;
  /** Fields of the case snapshot; the rest get plausible defaults (a fresh reference and complaintId). */
  case: Partial<CaseSnapshotV1> & Pick<CaseSnapshotV1, 'channel'>;
  customerVisible?: boolean;
  message?: string;
  data?: Record<string, unknown>;
}

/** A case event in the shape the cases service publishes on `complaints.case-events.v1`. */
export function caseEvent(spec: CaseEventSpec): CaseEventV1 {
  const now = new Date().toISOString();
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType: spec.type,
    eventVersion: 1 as const,
    occurredAt: now,
    correlationId: randomUUID(),
    causationId: null,
    source: 'cases',
    case: {
      reference: newReference(spec.case.channel, new Date()),
      complaintId: randomUUID(),
      source: { system: 'test', messageId: null, receivedAt: now },
      contact: {},
      language: 'zh',
      status: 'RECEIVED',
      department: 'CUSTOMER_SERVICE',
      priority: 'P2',
      assignee: null,
      ...spec.case,
    },
    actor: { type: 'system', id: 'cases' },
    customerVisible: spec.customerVisible ?? true,
    ...(spec.message ? { message: spec.message } : {}),
    ...(spec.data ? { data: spec.data } : {}),
    at: now,
  });
}

/** A plain producer for tests that publish events themselves (disconnect it in afterAll). */
export async function testProducer(): Promise<Producer> {
  const producer = new Kafka({ clientId: 'test', brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  return producer;
}

/** Publishes case events as they are, keyed by complaintId. */
export async function publishCaseEvents(producer: Producer, ...events: CaseEventV1[]): Promise<void> {
  await producer.send({
    topic: Topics.caseEventsV1,
    messages: events.map((event) => ({ key: event.case.complaintId, value: JSON.stringify(event) })),
  });
}
