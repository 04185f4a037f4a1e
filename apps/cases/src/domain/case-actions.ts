import type { Case } from './case';
import { CaseActor, CaseChangeEvent, requireActing, requireRole, SUPERVISING_ROLES } from './case-actor';
import { CaseConflictError } from './case-errors';
import { OPEN_STATUSES } from './case-status';
import { assertMutable, CaseAction, nextStatus } from './case-transitions';

/** The case after an action, with what happened (in order). */
export interface CaseChange {
  case: Case;
  events: CaseChangeEvent[];
}

const NOT_ARCHIVED = [
  'RECEIVED',
  'ASSIGNED',
  'IN_PROGRESS',
  'RESPONDED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
  'ESCALATED',
  'MEDIATION',
  'WITHDRAWN',
] as const;

/** Moves the case along the state machine and records the status change in the event's data. */
export function step(c: Case, action: CaseAction, event: CaseChangeEvent, patch: Partial<Case> = {}): CaseChange {
  const to = nextStatus(c.status, action);
  const data = to === c.status ? event.data : { ...event.data, from: c.status, to };
  return { case: { ...c, ...patch, status: to }, events: [{ ...event, data }] };
}

function then(first: CaseChange, next: (c: Case) => CaseChange): CaseChange {
  const second = next(first.case);
  return { case: second.case, events: [...first.events, ...second.events] };
}

export function claim(c: Case, actor: CaseActor): CaseChange {
  requireActing(actor, 'claiming a case');
  if (c.assignee === actor.id) throw new CaseConflictError('you already hold this case');
  return step(
    c,
    'claim',
    { kind: 'claimed', customerVisible: false, data: { assignee: actor.id, previousAssignee: c.assignee } },
    { assignee: actor.id },
  );
}

export function assign(c: Case, actor: CaseActor, assignee: string): CaseChange {
  requireRole(actor, SUPERVISING_ROLES, 'assigning a case to someone');
  return step(c, 'assign', { kind: 'assigned', customerVisible: false, data: { assignee, previousAssignee: c.assignee } }, { assignee });
}

/**
 * The router moved the case off the handler it had given it (deactivated, or no longer fitting): to
 * another handler, or back to the department's queue when nobody fits.
 */
export function moveOffHandler(c: Case, actor: CaseActor, to: string | null, reason: string): CaseChange {
  requireRole(actor, SUPERVISING_ROLES, 'moving a case off its handler');
  const event: CaseChangeEvent = { kind: 'assigned', customerVisible: false, data: { assignee: to, previousAssignee: c.assignee, reason } };
  return step(c, to ? 'assign' : 'release', event, { assignee: to });
}

/** The handler starts working the case. */
export function start(c: Case, actor: CaseActor): CaseChange {
  requireActing(actor, 'starting work on a case');
  return step(c, 'start', { kind: 'status_changed', customerVisible: false });
}

export function sendFeedback(c: Case, actor: CaseActor, now: Date, message: string): CaseChange {
  requireActing(actor, 'sending feedback');
  const first = c.sla.firstFeedbackAt === null;
  return step(
    c,
    'send-feedback',
    { kind: 'feedback_sent', customerVisible: true, message, data: { first } },
    { sla: { ...c.sla, firstFeedbackAt: c.sla.firstFeedbackAt ?? now } },
  );
}

export function addNote(c: Case, actor: CaseActor, note: string): CaseChange {
  requireActing(actor, 'adding a note');
  assertMutable(c.status, 'add a note to', NOT_ARCHIVED);
  return { case: c, events: [{ kind: 'note_added', customerVisible: false, message: note }] };
}

/** The proposed resolution is the decision the regulatory clock waits for (and counts as feedback). */
export function proposeResolution(c: Case, actor: CaseActor, now: Date, proposal: string): CaseChange {
  requireActing(actor, 'proposing a resolution');
  return step(
    c,
    'propose-resolution',
    { kind: 'resolution_proposed', customerVisible: true, message: proposal },
    {
      lifecycle: { ...c.lifecycle, resolution: { proposal, proposedBy: actor.id, proposedAt: now } },
      sla: { ...c.sla, firstFeedbackAt: c.sla.firstFeedbackAt ?? now, decidedAt: c.sla.decidedAt ?? now },
    },
  );
}

export function resolve(c: Case, actor: CaseActor, summary?: string): CaseChange {
  requireActing(actor, 'resolving a case');
  return step(c, 'resolve', { kind: 'resolved', customerVisible: true, message: summary ?? c.lifecycle.resolution?.proposal });
}

export function close(c: Case, actor: CaseActor, now: Date, closure: { rootCause: string; correctiveAction: string }): CaseChange {
  requireActing(actor, 'closing a case');
  return step(
    c,
    'close',
    { kind: 'closed', customerVisible: true, data: { rootCause: closure.rootCause, correctiveAction: closure.correctiveAction } },
    { lifecycle: { ...c.lifecycle, closure: { ...closure, closedBy: actor.id, closedAt: now } } },
  );
}

export function reopen(c: Case, actor: CaseActor, reason: string): CaseChange {
  requireActing(actor, 'reopening a case');
  return step(
    c,
    'reopen',
    { kind: 'reopened', customerVisible: true, data: { reason } },
    { lifecycle: { ...c.lifecycle, reopenCount: c.lifecycle.reopenCount + 1 } },
  );
}

/** Escalates to the supervision group (CONSUMER_PROTECTION); the department's supervisor is notified too. */
export function escalate(c: Case, actor: CaseActor, now: Date, reason: string): CaseChange {
  requireActing(actor, 'escalating a case');
  const escalation = { at: now, by: actor.id, reason, to: 'CONSUMER_PROTECTION' as const };
  return step(
    c,
    'escalate',
    {
      kind: 'escalated',
      customerVisible: false,
      message: reason,
      data: { escalatedTo: escalation.to, notify: ['supervisor', 'CONSUMER_PROTECTION'], department: c.department },
    },
    { escalation: true, lifecycle: { ...c.lifecycle, escalations: [...c.lifecycle.escalations, escalation] } },
  );
}

export function referToMediation(
  c: Case,
  actor: CaseActor,
  now: Date,
  referral: { organisation: string; mediator?: string; reason?: string },
): CaseChange {
  requireActing(actor, 'referring a case to mediation');
  return step(
    c,
    'refer-to-mediation',
    {
      kind: 'mediation_referred',
      customerVisible: true,
      message: referral.reason,
      data: { organisation: referral.organisation, mediator: referral.mediator ?? null },
    },
    {
      lifecycle: {
        ...c.lifecycle,
        mediation: { organisation: referral.organisation, mediator: referral.mediator, referredBy: actor.id, referredAt: now },
      },
    },
  );
}

export function concludeMediation(c: Case, actor: CaseActor, now: Date, outcome: 'settled' | 'not_settled', summary: string): CaseChange {
  requireActing(actor, 'recording a mediation outcome');
  const mediation = c.lifecycle.mediation;
  return step(
    c,
    outcome === 'settled' ? 'conclude-mediation-settled' : 'conclude-mediation-unsettled',
    {
      kind: 'mediation_concluded',
      customerVisible: true,
      message: summary,
      data: { outcome, organisation: mediation?.organisation ?? null },
    },
    {
      lifecycle: { ...c.lifecycle, mediation: mediation ? { ...mediation, outcome, summary, concludedAt: now } : null },
      sla: outcome === 'settled' ? { ...c.sla, decidedAt: c.sla.decidedAt ?? now } : c.sla,
    },
  );
}

const CUSTOMER_FOLLOW_UP: CaseActor = { type: 'system', id: 'customer-survey', roles: ['system'] };

/** Satisfaction 1-5, from staff or the customer; a dissatisfied customer (1-2) reopens the case and escalates it. */
export function recordSatisfaction(c: Case, actor: CaseActor, now: Date, score: number, comment?: string): CaseChange {
  if (actor.type !== 'customer') requireActing(actor, 'recording satisfaction');
  if (!Number.isInteger(score) || score < 1 || score > 5) throw new CaseConflictError('score must be an integer from 1 to 5', 'score');
  const lifecycle = { ...c.lifecycle, satisfaction: [...c.lifecycle.satisfaction, { score, comment, recordedBy: actor.id, at: now }] };
  const recorded: CaseChangeEvent = { kind: 'satisfaction_recorded', customerVisible: false, message: comment, data: { score } };
  if (score >= 3) return step(c, 'record-satisfaction', recorded, { lifecycle });
  nextStatus(c.status, 'record-satisfaction'); // refused where satisfaction cannot be asked
  const withScore: CaseChange = { case: { ...c, lifecycle }, events: [recorded] };
  // A customer's own answer reopens and escalates through the platform, which acts on their behalf.
  const followUp: CaseActor = actor.type === 'customer' ? CUSTOMER_FOLLOW_UP : actor;
  return then(
    then(withScore, (x) => reopen(x, followUp, `customer dissatisfied (${score}/5)`)),
    (x) => escalate(x, followUp, now, `customer dissatisfied (${score}/5)${comment ? `: ${comment}` : ''}`),
  );
}

export function withdraw(c: Case, actor: CaseActor, now: Date, reason: string): CaseChange {
  requireActing(actor, 'withdrawing a case');
  return step(
    c,
    'withdraw',
    { kind: 'withdrawn', customerVisible: true, data: { reason } },
    { lifecycle: { ...c.lifecycle, withdrawal: { reason, by: actor.id, at: now } } },
  );
}

export function archive(c: Case, actor: CaseActor): CaseChange {
  requireRole(actor, SUPERVISING_ROLES, 'archiving a case');
  return step(c, 'archive', { kind: 'archived', customerVisible: false });
}

export function assertOpen(c: Case, action: string): void {
  assertMutable(c.status, action, OPEN_STATUSES);
}
