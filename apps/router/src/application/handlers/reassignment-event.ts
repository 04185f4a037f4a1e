import { randomUUID } from 'node:crypto';
import { HandlerReassignmentV1, ReassignmentReason } from '@complaints/contracts';
import type { Reassignment } from './handler.store';

export const ROUTER_SOURCE = 'router';

/** The event that tells cases a case moved to another handler (or back to the queue). */
export function reassignmentEvent(move: Reassignment, reason: ReassignmentReason, changedBy: string, at: Date): HandlerReassignmentV1 {
  return Object.assign(new HandlerReassignmentV1(), {
    eventId: randomUUID(),
    eventType: HandlerReassignmentV1.type,
    eventVersion: 1 as const,
    occurredAt: at.toISOString(),
    correlationId: move.complaintId,
    causationId: null,
    source: ROUTER_SOURCE,
    complaintId: move.complaintId,
    reference: move.reference,
    department: move.department,
    from: move.from,
    to: move.to,
    reason,
    changedBy,
  });
}
