import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { Case, openCase } from '../case';
import type { CaseActor } from '../case-actor';
import type { CaseStatus } from '../case-status';

/** For unit tests: a freshly opened case (received at `receivedAt`), optionally in another status. */
export function caseFixture(receivedAt = new Date('2026-11-01T00:00:00.000Z'), overrides: Partial<Case> = {}): Case {
  const at = receivedAt.toISOString();
  const routed = {
    eventId: '00000000-0000-4000-8000-000000000001',
    eventType: 'complaint.routed',
    eventVersion: 1,
    occurredAt: at,
    correlationId: 'corr-1',
    causationId: null,
    source: 'router',
    complaint: {
      complaintId: '00000000-0000-4000-8000-000000000002',
      reference: 'C20261101-ABCDEF',
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
      priority: 'P2',
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
  return { ...openCase(routed).case, ...overrides };
}

export function inStatus(status: CaseStatus, overrides: Partial<Case> = {}): Case {
  return caseFixture(undefined, { status, assignee: 'agent-1', ...overrides });
}

export const staff = (id: string, ...roles: string[]): CaseActor => ({ type: 'staff', id, roles });
export const agent = staff('agent-1', 'agent');
export const supervisor = staff('sup-1', 'supervisor');
export const protection = staff('cp-1', 'consumer-protection');
export const auditor = staff('aud-1', 'auditor');
