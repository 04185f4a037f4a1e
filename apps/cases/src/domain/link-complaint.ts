import type { ComplaintRoutedV1, Priority } from '@complaints/contracts';
import type { Case } from './case';
import type { CaseChange } from './case-actions';
import type { CaseStatus } from './case-status';
import { reprioritiseFeedback } from './sla-clock';
import { DEFAULT_SLA_POLICY, SlaPolicy } from './sla-policy';

/** A repeat complaint is merged only into a case still being worked. */
const FINISHED: readonly CaseStatus[] = ['CLOSED', 'ARCHIVED', 'WITHDRAWN'];

const RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3 };

export function acceptsLinkedComplaints(c: Case): boolean {
  return !FINISHED.includes(c.status);
}

/**
 * Merges a repeat complaint (the router found the same customer on the same matter) into the open
 * case: recorded with its own reference, the case takes the higher of the two priorities (a raised
 * priority moves the first-feedback clock while no feedback was given), and the customer is told that
 * both are handled together. Linking the same complaint again changes nothing.
 */
export function linkComplaint(c: Case, routed: ComplaintRoutedV1, now: Date, policy: SlaPolicy = DEFAULT_SLA_POLICY): CaseChange {
  const { complaint, routing } = routed;
  if (c.lifecycle.linkedComplaints.some((l) => l.complaintId === complaint.complaintId)) return { case: c, events: [] };
  const priority = RANK[routing.priority] < RANK[c.priority] ? routing.priority : c.priority;
  const sla = priority === c.priority ? c.sla : reprioritiseFeedback(c.sla, c.receivedAt, priority, policy);
  const linked = { reference: complaint.reference, complaintId: complaint.complaintId, channel: complaint.channel, at: now };
  return {
    case: { ...c, priority, sla, lifecycle: { ...c.lifecycle, linkedComplaints: [...c.lifecycle.linkedComplaints, linked] } },
    events: [
      {
        kind: 'linked_complaint',
        customerVisible: true,
        message:
          c.content.language === 'en'
            ? `Your new complaint ${complaint.reference} is about the same matter as ${c.reference}; we are handling both together under ${c.reference}.`
            : `您的新投诉 ${complaint.reference} 与投诉 ${c.reference} 为同一事项，我们将合并处理，请以 ${c.reference} 查询进度。`,
        data: {
          linkedReference: complaint.reference,
          linkedComplaintId: complaint.complaintId,
          channel: complaint.channel,
          priority,
          previousPriority: c.priority,
          ...(sla !== c.sla ? { feedbackDueAt: sla.feedbackDueAt.toISOString() } : {}),
          text: complaint.content.text,
        },
      },
    ],
  };
}
