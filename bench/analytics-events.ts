import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import {
  CaseEventV1,
  ComplaintReceivedV1,
  ComplaintRoutedV1,
  DEPARTMENTS,
  newReference,
  parseContract,
  PRODUCTS,
  REASONS,
  Topics,
} from '@complaints/contracts';

const HOUR = 3_600_000;

/** The events of the analytics scenario, per topic, keyed by complaintId as the services publish them. */
export type TopicMessages = Record<string, Message[]>;

/**
 * `complaints` complaints' events as intake, router and cases publish them (each passes its contract):
 * received, routed, case opened, first feedback after 12 h, resolved after 3 days: 5 events each,
 * received on days spread over the month before `now`. Texts are short: analytics keeps no text.
 */
export function analyticsEventMessages(complaints: number, now = Date.now()): { byTopic: TopicMessages; events: number } {
  const byTopic: TopicMessages = { [Topics.complaintReceivedV1]: [], [Topics.complaintRoutedV1]: [], [Topics.caseEventsV1]: [] };
  for (let i = 0; i < complaints; i++) {
    const complaintId = randomUUID();
    const receivedAt = new Date(now - ((i * 7919) % (30 * 24)) * HOUR);
    const reference = newReference('web', receivedAt);
    const at = (hours: number) => new Date(receivedAt.getTime() + hours * HOUR).toISOString();
    const product = PRODUCTS[i % PRODUCTS.length];
    const reason = REASONS[i % REASONS.length];
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    const complaint = {
      complaintId,
      reference,
      channel: 'web',
      receivedAt: receivedAt.toISOString(),
      source: { system: 'bench', messageId: null, receivedAt: receivedAt.toISOString() },
      customer: { contact: { phoneLast4: '0000' } },
      content: { text: '信用卡年费未经同意被扣除,要求退还。', language: 'zh' },
      context: { extra: { region: i % 3 === 0 ? 'Beijing' : 'Shanghai' } },
    };
    const envelope = (eventType: string, occurredAt: string, source: string) => ({
      eventId: randomUUID(),
      eventType,
      eventVersion: 1,
      occurredAt,
      correlationId: complaintId,
      causationId: null,
      source,
    });
    const key = complaintId;
    byTopic[Topics.complaintReceivedV1].push({
      key,
      value: JSON.stringify(parseContract(ComplaintReceivedV1, { ...envelope('complaint.received', at(0), 'intake-web'), complaint })),
    });
    byTopic[Topics.complaintRoutedV1].push({
      key,
      value: JSON.stringify(
        parseContract(ComplaintRoutedV1, {
          ...envelope('complaint.routed', at(0.01), 'router'),
          complaint,
          routing: {
            department,
            category: { product, reason, servicePoint: 'ONLINE' },
            priority: 'P2',
            escalation: false,
            needsTriage: false,
            confidence: { product: 0.9, reason: 0.9, servicePoint: 0.9, escalation: 0.9, priority: 0.9 },
            ruleId: 'bench',
            rulesVersion: 'bench',
            classifierVersion: 'bench',
            matchedTerms: [],
            routedAt: at(0.01),
          },
        }),
      ),
    });
    let status = 'RECEIVED';
    const caseEvent = (kind: string, hours: number, to?: string, data: Record<string, unknown> = {}) => {
      const move = to ? { from: status, to } : {};
      if (to) status = to;
      return {
        key,
        value: JSON.stringify(
          parseContract(CaseEventV1, {
            ...envelope(`case.${kind}`, at(hours), 'cases'),
            case: {
              reference,
              complaintId,
              channel: 'web',
              source: complaint.source,
              contact: {},
              language: 'zh',
              status,
              department,
              priority: 'P2',
              assignee: null,
            },
            actor: { type: 'staff', id: 'agent-1' },
            customerVisible: false,
            ...(Object.keys({ ...data, ...move }).length ? { data: { ...data, ...move } } : {}),
            at: at(hours),
          }),
        ),
      };
    };
    byTopic[Topics.caseEventsV1].push(
      caseEvent('opened', 0.1),
      caseEvent('feedback_sent', 12, 'IN_PROGRESS', { first: true }),
      caseEvent('resolved', 72, 'RESOLVED'),
    );
  }
  return { byTopic, events: complaints * 5 };
}
