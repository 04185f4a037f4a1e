import { randomUUID } from 'node:crypto';
import { CaseEventV1, caseEventType, CustomerContactV1, parseContract } from '@complaints/contracts';
import type { Case } from '../domain/case';
import type { CaseActor, CaseChangeEvent } from '../domain/case-actor';

export const CASES_SOURCE = 'cases';

function contactOf(c: Case): CustomerContactV1 {
  const { phone, phoneLast4, email, openId, uid } = c.customer.contact;
  return Object.fromEntries(Object.entries({ phone, phoneLast4, email, openId, uid }).filter(([, v]) => v !== undefined));
}

/** A domain change as the `CaseEventV1` contract publishes it, validated (a bad event fails before it is stored). */
export function toCaseEvent(c: Case, change: CaseChangeEvent, actor: CaseActor, at: Date, causationId: string | null): CaseEventV1 {
  const event = {
    eventId: randomUUID(),
    eventType: caseEventType(change.kind),
    eventVersion: 1 as const,
    occurredAt: at.toISOString(),
    correlationId: c.correlationId ?? c.complaintId,
    causationId,
    source: CASES_SOURCE,
    case: {
      reference: c.reference,
      complaintId: c.complaintId,
      channel: c.channel,
      source: { system: c.source.system, messageId: c.source.messageId, receivedAt: c.source.receivedAt ?? c.receivedAt.toISOString() },
      contact: contactOf(c),
      ...(c.customer.customerId ? { customerId: c.customer.customerId } : {}),
      language: c.content.language as 'zh' | 'en' | 'other',
      status: c.status,
      department: c.department,
      priority: c.priority,
      assignee: c.assignee,
    },
    actor: { type: actor.type, id: actor.id },
    customerVisible: change.customerVisible,
    ...(change.message ? { message: change.message } : {}),
    ...(change.data ? { data: change.data } : {}),
    at: at.toISOString(),
  };
  return parseContract(CaseEventV1, JSON.parse(JSON.stringify(event)));
}
