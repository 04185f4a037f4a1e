import type { ComplaintRoutedV1, Priority } from '@complaints/contracts';
import { Case, openCase } from '../case';
import type { CaseActor } from '../case-actor';
import type { CaseStatus } from '../case-status';

let sequence = 0;

/** For unit tests: a routed complaint (a fresh complaintId and reference each time), received at `receivedAt`. */
export function routedComplaint(options: { receivedAt?: Date; priority?: Priority } = {}): ComplaintRoutedV1 {
  sequence += 1;
  const at = (options.receivedAt ?? new Date('2026-11-01T00:00:00.000Z')).toISOString();
  const n = String(sequence).padStart(12, '0');
  return {
    eventId: `00000000-0000-4000-8000-${n}`,
    eventType: 'complaint.routed',
    eventVersion: 1,
    occurredAt: at,
    correlationId: 'corr-1',
    causationId: null,
    source: 'router',
    complaint: {
      complaintId: `00000000-0000-4000-9000-${n}`,
      reference: `C20261101-W${String(sequence).padStart(5, '0')}`,
      channel: 'web',
      receivedAt: at,
      source: { system: 'web-form', messageId: null, receivedAt: at },
      customer: { contact: { phoneLast4: '1234' } },
      content: { text: 'fee charged twice', language: 'en' },
      context: {},
    },
    routing: {
      department: 'CARD_CENTER',
      category: { product: 'CREDIT_CARD', reason: 'FEES', servicePoint: 'OTHER' },
      priority: options.priority ?? 'P2',
      escalation: false,
      needsTriage: false,
      confidence: { product: 1, reason: 1, servicePoint: 1, escalation: 1, priority: 1 },
      ruleId: 'R5',
      rulesVersion: '1',
      classifierVersion: '1',
      matchedTerms: [],
      routedAt: at,
    },
  } as unknown as ComplaintRoutedV1;
}

/** For unit tests: a freshly opened case (received at `receivedAt`), optionally in another status. */
export function caseFixture(receivedAt = new Date('2026-11-01T00:00:00.000Z'), overrides: Partial<Case> = {}): Case {
  return { ...openCase(routedComplaint({ receivedAt })).case, ...overrides };
}

export function inStatus(status: CaseStatus, overrides: Partial<Case> = {}): Case {
  return caseFixture(undefined, { status, assignee: 'agent-1', ...overrides });
}

export const staff = (id: string, ...roles: string[]): CaseActor => ({ type: 'staff', id, roles });
export const agent = staff('agent-1', 'agent');
export const supervisor = staff('sup-1', 'supervisor');
export const protection = staff('cp-1', 'consumer-protection');
export const auditor = staff('aud-1', 'auditor');
