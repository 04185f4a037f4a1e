import type { Case } from './case';
import { CaseChange, assertOpen, step } from './case-actions';
import { CaseActor, CaseChangeEvent, requireActing, requireRole } from './case-actor';
import { ActionForbiddenError, CaseConflictError } from './case-errors';
import { isOpen } from './case-status';
import * as clock from './sla-clock';
import { SlaPolicy } from './sla-policy';

const iso = (d: Date) => d.toISOString();

/** When the SLA watcher next needs to look at the case: never once it is no longer open. */
export function nextWatchAt(c: Case, policy: SlaPolicy): Date | null {
  return isOpen(c.status) ? clock.nextAlertAt(c.sla, policy) : null;
}

export function requestExtension(c: Case, actor: CaseActor, now: Date, toDays: number, reason: string): CaseChange {
  requireActing(actor, 'requesting an extension');
  assertOpen(c, 'extend the deadline of');
  const sla = clock.requestExtension(c.sla, toDays, reason, actor.id, now);
  return {
    case: { ...c, sla },
    events: [
      {
        kind: 'extension_requested',
        customerVisible: false,
        message: reason,
        data: { toDays, approverRoles: clock.approverRoles(toDays) },
      },
    ],
  };
}

/** 30 days: a supervisor approves; 60 days: consumer protection or an admin. Nobody approves their own request. */
export function decideExtension(c: Case, actor: CaseActor, now: Date, approve: boolean, comment?: string): CaseChange {
  assertOpen(c, 'decide an extension of');
  const request = c.sla.pendingExtension;
  if (!request) throw new CaseConflictError('there is no extension request to decide');
  requireRole(actor, clock.approverRoles(request.toDays), `deciding an extension to ${request.toDays} days`);
  if (request.requestedBy === actor.id)
    throw new ActionForbiddenError('an extension must be approved by someone other than who requested it');
  if (!approve) {
    return {
      case: { ...c, sla: clock.rejectExtension(c.sla) },
      events: [{ kind: 'extension_rejected', customerVisible: false, message: comment, data: { toDays: request.toDays } }],
    };
  }
  const sla = clock.approveExtension(c.sla, c.receivedAt, actor.id, now);
  return {
    case: { ...c, sla },
    events: [
      {
        kind: 'extension_approved',
        customerVisible: true,
        message: comment,
        data: { toDays: request.toDays, reason: request.reason, decisionDueAt: iso(sla.decisionDueAt), requestedBy: request.requestedBy },
      },
    ],
  };
}

export function pauseClock(c: Case, actor: CaseActor, now: Date, reason: string): CaseChange {
  requireActing(actor, 'pausing the clock');
  assertOpen(c, 'pause the clock of');
  return {
    case: { ...c, sla: clock.pauseClock(c.sla, now, reason, actor.id) },
    events: [{ kind: 'clock_paused', customerVisible: false, message: reason, data: { reason } }],
  };
}

export function resumeClock(c: Case, actor: CaseActor, now: Date): CaseChange {
  requireActing(actor, 'resuming the clock');
  assertOpen(c, 'resume the clock of');
  const pause = clock.runningPause(c.sla);
  const sla = clock.resumeClock(c.sla, c.receivedAt, now);
  const pausedMs = pause ? now.getTime() - pause.from.getTime() : 0;
  return {
    case: { ...c, sla },
    events: [
      { kind: 'clock_resumed', customerVisible: false, data: { pausedMs, reason: pause?.reason, decisionDueAt: iso(sla.decisionDueAt) } },
    ],
  };
}

/**
 * The SLA watcher's look at one case at `now`: a warning before a due time, and on a breach an
 * `sla_breached` event and an escalation to the supervisor and CONSUMER_PROTECTION. Each is reported once.
 */
export function checkClocks(c: Case, actor: CaseActor, now: Date, policy: SlaPolicy): CaseChange {
  if (!isOpen(c.status)) return { case: c, events: [] };
  let current = c;
  const events: CaseChangeEvent[] = [];
  for (const alert of clock.dueAlerts(c.sla, policy, now)) {
    const key = `${alert.clock}${alert.kind === 'sla_warning' ? 'WarnedAt' : 'BreachedAt'}` as keyof typeof c.sla.alerts;
    current = { ...current, sla: { ...current.sla, alerts: { ...current.sla.alerts, [key]: now } } };
    const data = { clock: alert.clock, dueAt: iso(alert.dueAt), notify: ['supervisor', 'CONSUMER_PROTECTION'] };
    events.push({ kind: alert.kind, customerVisible: false, data });
    if (alert.kind === 'sla_breached' && current.status !== 'ESCALATED') {
      const reason = `${alert.clock} deadline ${iso(alert.dueAt)} breached`;
      const escalation = { at: now, by: actor.id, reason, to: 'CONSUMER_PROTECTION' as const };
      const escalated = step(
        current,
        'escalate',
        {
          kind: 'escalated',
          customerVisible: false,
          message: reason,
          data: { escalatedTo: 'CONSUMER_PROTECTION', notify: ['supervisor', 'CONSUMER_PROTECTION'], department: c.department },
        },
        { escalation: true, lifecycle: { ...current.lifecycle, escalations: [...current.lifecycle.escalations, escalation] } },
      );
      current = escalated.case;
      events.push(...escalated.events);
    }
  }
  return { case: current, events };
}
