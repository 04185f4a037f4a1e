import { randomUUID } from 'node:crypto';
import { CaseEventType, CaseEventV1, CaseStatus, Channel } from '@complaints/contracts';

/** A case event of one complaint, as the cases service publishes it (only what the test names differs). */
export function caseEvent(
  complaint: { reference: string; complaintId: string; channel?: Channel },
  eventType: CaseEventType,
  status: CaseStatus,
  at: string,
  extra: { customerVisible?: boolean; message?: string; eventId?: string } = {},
): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventId: extra.eventId ?? randomUUID(),
    eventType,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: 'corr-case',
    causationId: null,
    source: 'cases',
    case: {
      reference: complaint.reference,
      complaintId: complaint.complaintId,
      channel: complaint.channel ?? 'mobile',
      source: { system: 'mobile-app', messageId: null, receivedAt: at },
      contact: {},
      language: 'zh' as const,
      status,
      department: 'CARD_CENTER' as const,
      priority: 'P3' as const,
      assignee: null,
    },
    actor: { type: 'staff' as const, id: 'staff-1' },
    customerVisible: extra.customerVisible ?? false,
    ...(extra.message ? { message: extra.message } : {}),
    at,
  });
}
