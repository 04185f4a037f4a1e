import { randomUUID } from 'node:crypto';
import { CaseEventType, CaseEventV1, CaseSnapshotV1 } from '@complaints/contracts';

let sequence = 0;

/** For unit tests: a case event as the cases service publishes it (a fresh reference and complaintId unless given). */
export function caseEvent(
  type: CaseEventType,
  snapshot: Partial<CaseSnapshotV1> & Pick<CaseSnapshotV1, 'channel'>,
  options: { at?: Date; customerVisible?: boolean; message?: string; data?: Record<string, unknown> } = {},
): CaseEventV1 {
  sequence += 1;
  const at = (options.at ?? new Date('2026-12-01T10:00:00.000Z')).toISOString();
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType: type,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    source: 'cases',
    case: {
      reference: `C20261201-W${String(sequence).padStart(5, '0')}`,
      complaintId: randomUUID(),
      source: { system: 'test', messageId: null, receivedAt: at },
      contact: {},
      language: 'zh' as const,
      status: 'RECEIVED' as const,
      department: 'CUSTOMER_SERVICE' as const,
      priority: 'P2' as const,
      assignee: null,
      ...snapshot,
    },
    actor: { type: 'system' as const, id: 'cases' },
    customerVisible: options.customerVisible ?? true,
    ...(options.message ? { message: options.message } : {}),
    ...(options.data ? { data: options.data } : {}),
    at,
  });
}
