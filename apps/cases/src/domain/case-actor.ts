import type { CaseEventKind } from '@complaints/contracts';
import { ActionForbiddenError } from './case-errors';

/** Who acts on a case: a member of staff (with roles), the system (the SLA watcher) or the customer (survey answers). */
export interface CaseActor {
  type: 'staff' | 'system' | 'customer';
  id: string;
  roles: readonly string[];
}

export const SYSTEM_ACTOR: CaseActor = { type: 'system', id: 'sla-watcher', roles: ['system'] };

/** Roles that may change cases; auditors only read. */
export const ACTING_ROLES = ['agent', 'supervisor', 'consumer-protection', 'admin'] as const;
export const SUPERVISING_ROLES = ['supervisor', 'consumer-protection', 'admin'] as const;

export function requireRole(actor: CaseActor, roles: readonly string[], what: string): void {
  if (actor.type === 'system') return;
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new ActionForbiddenError(`${what} needs one of the roles ${roles.join(', ')}`);
  }
}

export function requireActing(actor: CaseActor, what: string): void {
  requireRole(actor, ACTING_ROLES, what);
}

/** One thing that happened to a case, before it becomes a `CaseEventV1` (timeline, audit and Kafka). */
export interface CaseChangeEvent {
  kind: CaseEventKind;
  customerVisible: boolean;
  message?: string;
  data?: Record<string, unknown>;
}
