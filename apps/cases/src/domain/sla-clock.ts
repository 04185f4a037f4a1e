import { CaseConflictError } from './case-errors';
import type { Priority } from '@complaints/contracts';
import { DAY, HOUR, SlaClocks, SlaPolicy } from './sla-policy';

/** Regulatory ceilings of the decision deadline (CBIRC 2020) and who may grant them. */
export const EXTENSION_STEPS = [30, 60] as const;
export type ExtensionDays = (typeof EXTENSION_STEPS)[number];

export function runningPause(sla: Pick<SlaClocks, 'pauses'>) {
  return sla.pauses.find((p) => p.to === null) ?? null;
}

function finishedPauseMs(sla: Pick<SlaClocks, 'pauses'>): number {
  return sla.pauses.reduce((sum, p) => sum + (p.to ? p.to.getTime() - p.from.getTime() : 0), 0);
}

/** The decision due time from receipt, the granted deadline and the finished pauses. */
export function decisionDueAt(receivedAt: Date, sla: Pick<SlaClocks, 'decisionDeadlineDays' | 'pauses'>): Date {
  return new Date(receivedAt.getTime() + sla.decisionDeadlineDays * DAY + finishedPauseMs(sla));
}

/** The decision due time as of `now`: a running pause pushes it later for as long as it runs. */
export function effectiveDecisionDueAt(sla: SlaClocks, now: Date): Date {
  const pause = runningPause(sla);
  return pause ? new Date(sla.decisionDueAt.getTime() + Math.max(0, now.getTime() - pause.from.getTime())) : sla.decisionDueAt;
}

export function pauseClock(sla: SlaClocks, now: Date, reason: string, by: string): SlaClocks {
  if (runningPause(sla)) throw new CaseConflictError('the clock is already paused', 'reason');
  if (sla.decidedAt) throw new CaseConflictError('the decision was already given; there is no clock to pause');
  return { ...sla, pauses: [...sla.pauses, { from: now, to: null, reason, by }] };
}

export function resumeClock(sla: SlaClocks, receivedAt: Date, now: Date): SlaClocks {
  if (!runningPause(sla)) throw new CaseConflictError('the clock is not paused');
  const pauses = sla.pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
  const next = { ...sla, pauses };
  const due = decisionDueAt(receivedAt, next);
  return { ...next, decisionDueAt: due, alerts: due > sla.decisionDueAt ? { ...sla.alerts, decisionWarnedAt: null } : sla.alerts };
}

/**
 * The first-feedback clock for a new priority (e.g. raised when a repeat complaint was merged), counted
 * from receipt like the original one. Once feedback was given there is no clock left to move; a moved
 * due time is warned about afresh unless it was already reported as breached.
 */
export function reprioritiseFeedback(sla: SlaClocks, receivedAt: Date, priority: Priority, policy: SlaPolicy): SlaClocks {
  if (sla.firstFeedbackAt) return sla;
  const feedbackDueAt = new Date(receivedAt.getTime() + policy.feedbackHours[priority] * HOUR);
  if (feedbackDueAt.getTime() === sla.feedbackDueAt.getTime()) return sla;
  return { ...sla, feedbackDueAt, alerts: sla.alerts.feedbackBreachedAt ? sla.alerts : { ...sla.alerts, feedbackWarnedAt: null } };
}

/** The roles that may approve an extension to `toDays` (30: a supervisor; 60: consumer protection or admin). */
export function approverRoles(toDays: number): readonly string[] {
  return toDays <= 30 ? ['supervisor', 'consumer-protection', 'admin'] : ['consumer-protection', 'admin'];
}

export function requestExtension(sla: SlaClocks, toDays: number, reason: string, by: string, now: Date): SlaClocks {
  if (!(EXTENSION_STEPS as readonly number[]).includes(toDays))
    throw new CaseConflictError(`toDays must be one of ${EXTENSION_STEPS.join(', ')}`, 'toDays');
  if (toDays <= sla.decisionDeadlineDays) throw new CaseConflictError(`the deadline is already ${sla.decisionDeadlineDays} days`, 'toDays');
  if (sla.pendingExtension) throw new CaseConflictError('an extension request is already waiting for approval', 'toDays');
  if (sla.decidedAt) throw new CaseConflictError('the decision was already given');
  return { ...sla, pendingExtension: { toDays, reason, requestedBy: by, requestedAt: now } };
}

export function approveExtension(sla: SlaClocks, receivedAt: Date, by: string, now: Date): SlaClocks {
  const request = sla.pendingExtension;
  if (!request) throw new CaseConflictError('there is no extension request to decide');
  const next: SlaClocks = {
    ...sla,
    decisionDeadlineDays: request.toDays,
    pendingExtension: null,
    extensions: [...sla.extensions, { ...request, approvedBy: by, approvedAt: now }],
    alerts: { ...sla.alerts, decisionWarnedAt: null },
  };
  return { ...next, decisionDueAt: decisionDueAt(receivedAt, next) };
}

export function rejectExtension(sla: SlaClocks): SlaClocks {
  if (!sla.pendingExtension) throw new CaseConflictError('there is no extension request to decide');
  return { ...sla, pendingExtension: null };
}

export type ClockAlert = { clock: 'feedback' | 'decision'; kind: 'sla_warning' | 'sla_breached'; dueAt: Date };

/** The warnings and breaches due at `now` that were not reported yet (each is reported once). */
export function dueAlerts(sla: SlaClocks, policy: SlaPolicy, now: Date): ClockAlert[] {
  const alerts: ClockAlert[] = [];
  const t = now.getTime();
  if (!sla.firstFeedbackAt) {
    const due = sla.feedbackDueAt;
    if (t >= due.getTime() && !sla.alerts.feedbackBreachedAt) alerts.push({ clock: 'feedback', kind: 'sla_breached', dueAt: due });
    else if (t < due.getTime() && t >= due.getTime() - policy.feedbackWarningHours * HOUR && !sla.alerts.feedbackWarnedAt) {
      alerts.push({ clock: 'feedback', kind: 'sla_warning', dueAt: due });
    }
  }
  if (!sla.decidedAt && !runningPause(sla)) {
    const due = sla.decisionDueAt;
    if (t >= due.getTime() && !sla.alerts.decisionBreachedAt) alerts.push({ clock: 'decision', kind: 'sla_breached', dueAt: due });
    else if (t < due.getTime() && t >= due.getTime() - policy.decisionWarningHours * HOUR && !sla.alerts.decisionWarnedAt) {
      alerts.push({ clock: 'decision', kind: 'sla_warning', dueAt: due });
    }
  }
  return alerts;
}

/** When the watcher next needs to look at the case (null: nothing left to report, or the clock is paused). */
export function nextAlertAt(sla: SlaClocks, policy: SlaPolicy): Date | null {
  const times: number[] = [];
  if (!sla.firstFeedbackAt) {
    if (!sla.alerts.feedbackWarnedAt && !sla.alerts.feedbackBreachedAt)
      times.push(sla.feedbackDueAt.getTime() - policy.feedbackWarningHours * HOUR);
    if (!sla.alerts.feedbackBreachedAt) times.push(sla.feedbackDueAt.getTime());
  }
  if (!sla.decidedAt && !runningPause(sla)) {
    if (!sla.alerts.decisionWarnedAt && !sla.alerts.decisionBreachedAt)
      times.push(sla.decisionDueAt.getTime() - policy.decisionWarningHours * HOUR);
    if (!sla.alerts.decisionBreachedAt) times.push(sla.decisionDueAt.getTime());
  }
  return times.length ? new Date(Math.min(...times)) : null;
}
