import { randomUUID } from 'node:crypto';
import { CaseEventV1, ComplaintReceivedV1, ComplaintV1 } from '@complaints/contracts';

let sequence = 0;

/** For unit tests: a received complaint (fresh ids and reference unless given). */
export function receivedComplaint(
  text: string,
  overrides: Partial<ComplaintV1> = {},
  receivedAt = '2026-11-29T02:00:00.000Z',
): ComplaintReceivedV1 {
  sequence += 1;
  return Object.assign(new ComplaintReceivedV1(), {
    eventId: randomUUID(),
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1 as const,
    occurredAt: receivedAt,
    correlationId: `corr-${sequence}`,
    causationId: null,
    source: 'intake-web',
    complaint: {
      complaintId: randomUUID(),
      reference: `C20261129-W${String(sequence).padStart(5, '0')}`,
      channel: 'web' as const,
      receivedAt,
      source: { system: 'web-form', messageId: null, receivedAt },
      customer: { contact: { phoneLast4: '8000' } },
      content: { text, language: 'zh' as const },
      context: {},
      ...overrides,
    },
  });
}

/** For unit tests: a case event of `complaintId`'s case. */
export function caseEventOf(
  complaintId: string,
  eventType: string,
  data: Record<string, unknown> = {},
  at = '2026-11-29T03:00:00.000Z',
): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: 'corr',
    causationId: null,
    source: 'cases',
    case: {
      reference: 'C20261129-W00001',
      complaintId,
      channel: 'web' as const,
      source: { system: 'web-form', messageId: null, receivedAt: at },
      contact: {},
      language: 'zh' as const,
      status: 'IN_PROGRESS' as const,
      department: 'FRAUD' as const,
      priority: 'P1' as const,
      assignee: null,
    },
    actor: { type: 'system' as const, id: 'cases' },
    customerVisible: false,
    data,
    at,
  });
}
