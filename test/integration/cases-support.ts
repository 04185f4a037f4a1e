import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { CaseEventV1, ComplaintRoutedV1, Department, parseContract, Priority, Topics } from '@complaints/contracts';
import { createKafka, EventPublisher } from '@complaints/messaging';
import { Clock } from '../../apps/cases/src/application/clock';
import { eventually } from '../support/running-app';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function randomReference(): string {
  const suffix = Array.from({ length: 6 }, () => CROCKFORD[Math.floor(Math.random() * CROCKFORD.length)]).join('');
  return `C20261129-${suffix}`;
}

export function routedComplaint(
  options: {
    department?: Department;
    priority?: Priority;
    receivedAt?: Date;
    hotline?: boolean;
    complaintId?: string;
    linkedCaseReference?: string;
    relatedCaseReference?: string;
    verified?: boolean;
  } = {},
): ComplaintRoutedV1 {
  const receivedAt = (options.receivedAt ?? new Date()).toISOString();
  const hotline = options.hotline ?? false;
  return parseContract(ComplaintRoutedV1, {
    eventId: randomUUID(),
    eventType: 'complaint.routed',
    eventVersion: 1,
    occurredAt: receivedAt,
    correlationId: `corr-${randomUUID()}`,
    causationId: randomUUID(),
    source: 'router',
    complaint: {
      complaintId: options.complaintId ?? randomUUID(),
      reference: randomReference(),
      channel: hotline ? 'hotline' : 'web',
      receivedAt,
      source: { system: hotline ? 'cc-demo' : 'web-form', messageId: hotline ? `call-${randomUUID()}` : null, receivedAt },
      customer: {
        customerId: 'cust-42',
        ...(options.verified === false ? {} : { verifiedIdentities: ['customerId'] }),
        contact: { phoneLast4: '8000' },
      },
      content: {
        text: '信用卡年费未经同意被扣除,要求退还。',
        language: 'zh',
        ...(hotline
          ? {
              transcript: [
                { speaker: 'customer', text: '我的年费被扣了', offsetMs: 0 },
                { speaker: 'agent', text: '我帮您记录', offsetMs: 4000 },
              ],
            }
          : {}),
      },
      context: {},
    },
    routing: {
      department: options.department ?? 'CARD_CENTER',
      category: { product: 'CREDIT_CARD', reason: 'FEES', servicePoint: 'OTHER' },
      priority: options.priority ?? 'P2',
      escalation: false,
      needsTriage: false,
      confidence: { product: 0.9, reason: 0.9, servicePoint: 0.5, escalation: 0.9, priority: 0.8 },
      ruleId: 'card-center',
      rulesVersion: 'test',
      classifierVersion: 'test',
      matchedTerms: ['信用卡', '年费'],
      routedAt: receivedAt,
      ...(options.linkedCaseReference ? { linkedCaseReference: options.linkedCaseReference } : {}),
      ...(options.relatedCaseReference ? { relatedCaseReference: options.relatedCaseReference } : {}),
    },
  });
}

/** Publishes routed complaints as the router does. */
export class RoutedPublisher {
  private readonly publisher = new EventPublisher(
    createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'cases-test', logger: pino({ level: 'silent' }) }),
  );
  publish(event: ComplaintRoutedV1, key = event.complaint.complaintId): Promise<void> {
    return this.publisher.publish(ComplaintRoutedV1, event, { key });
  }
  close(): Promise<void> {
    return this.publisher.disconnect();
  }
}

/**
 * Reads what `complaints.case-events.v1` receives from the moment it starts, checking every such
 * message against the contract. (It reads the topic from the beginning, so nothing published right
 * after start() is missed, but passes over, unparsed, what earlier tests left there: a long run's
 * backlog would otherwise take longer to check than a test waits.)
 */
export class CaseEventsTap {
  private readonly kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
  private consumer: Consumer | null = null;
  readonly events: { key: string | null; event: CaseEventV1 }[] = [];

  async start(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = new Map((await admin.fetchTopicOffsets(Topics.caseEventsV1)).map((p) => [p.partition, BigInt(p.high)]));
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `cases-test-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.caseEventsV1, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (BigInt(message.offset) < (ends.get(partition) ?? 0n)) return;
        const event = parseContract(CaseEventV1, JSON.parse(message.value!.toString('utf8')));
        this.events.push({ key: message.key?.toString('utf8') ?? null, event });
      },
    });
  }

  of(complaintId: string): CaseEventV1[] {
    return this.events.filter((e) => e.event.case.complaintId === complaintId).map((e) => e.event);
  }

  /** Waits until the case's events include every one of `types` (in any order), and returns its events. */
  waitFor(complaintId: string, ...types: string[]): Promise<CaseEventV1[]> {
    return eventually(async () => {
      const seen = this.of(complaintId);
      return types.every((t) => seen.some((e) => e.eventType === t)) ? seen : undefined;
    }, 30_000);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
