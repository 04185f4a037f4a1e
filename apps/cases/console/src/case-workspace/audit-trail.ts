/**
 * GET /v1/cases/{reference}/audit as the console reads it, and what each entry changed, worked out from
 * the case's state before and after it (pure: no framework, no texts; the page puts it in words).
 */

/** The case state the audit trail keeps (cases' `auditState`: no contact data). */
export interface AuditState {
  status?: string;
  department?: string;
  assignee?: string | null;
  priority?: string;
  escalation?: boolean;
  sla?: {
    decisionDeadlineDays?: number;
    firstFeedbackAt?: string | null;
    decidedAt?: string | null;
    pauses?: { from: string; to: string | null; reason: string; by: string }[];
    pendingExtension?: { toDays: number; reason: string; requestedBy: string } | null;
    extensions?: { toDays: number; approvedBy: string }[];
    alerts?: Partial<Record<'feedbackWarnedAt' | 'feedbackBreachedAt' | 'decisionWarnedAt' | 'decisionBreachedAt', string | null>>;
  };
  lifecycle?: {
    escalations?: { reason: string; to: string }[];
    resolution?: { proposal: string } | null;
    mediation?: { organisation: string; outcome?: string; summary?: string } | null;
    satisfaction?: { score: number; comment?: string }[];
    closure?: { rootCause: string; correctiveAction: string } | null;
    withdrawal?: { reason: string } | null;
    reopenCount?: number;
    linkedComplaints?: { reference: string; channel: string }[];
  };
}

export interface AuditEntry {
  action: string;
  actorType: string;
  actorId: string;
  actorRoles: string[];
  at: string;
  before: AuditState | null;
  after: AuditState;
  eventIds: string[];
}

export interface AuditTrail {
  items: AuditEntry[];
}

/** The roles the cases service lets read audit trails (FindCasesQuery's AUDIT_READERS). */
export const AUDIT_READERS = ['auditor', 'supervisor', 'consumer-protection', 'admin'];
export const canReadAudit = (roles: readonly string[]) => roles.some((r) => AUDIT_READERS.includes(r));

/** One fact of an entry: a field that changed (`from` → `to`) or what was recorded (`to` alone). */
export type AuditDetail =
  | { field: 'assignee' | 'department' | 'priority'; from: string | null; to: string | null }
  | { field: 'escalation'; from: boolean | null; to: boolean }
  | { field: 'deadlineDays'; from: number | null; to: number }
  | {
      field: 'firstFeedbackAt' | 'decidedAt' | 'feedbackWarnedAt' | 'feedbackBreachedAt' | 'decisionWarnedAt' | 'decisionBreachedAt';
      to: string;
    }
  | { field: 'clockPaused'; to: string }
  | { field: 'clockResumed'; to: true }
  | { field: 'extensionRequested'; to: number; reason: string }
  | { field: 'extensionDecided'; to: 'approved' | 'rejected' }
  | { field: 'escalatedTo'; to: string; reason: string }
  | {
      field:
        | 'resolution'
        | 'rootCause'
        | 'correctiveAction'
        | 'withdrawalReason'
        | 'mediationOrganisation'
        | 'mediationSummary'
        | 'satisfactionComment'
        | 'linkedComplaint';
      to: string;
    }
  | { field: 'mediationOutcome'; to: string }
  | { field: 'satisfaction'; to: number }
  | { field: 'reopenCount'; to: number };

export interface AuditDescription {
  /** The status change, or null when the status stayed; `from` is null when the entry opened the case. */
  status: { from: string | null; to: string } | null;
  details: AuditDetail[];
}

const ALERTS = ['feedbackWarnedAt', 'feedbackBreachedAt', 'decisionWarnedAt', 'decisionBreachedAt'] as const;

/** What an audit entry changed, in the order a reader wants it: status first, then the rest. */
export function describeAudit(entry: Pick<AuditEntry, 'before' | 'after'>): AuditDescription {
  const before: AuditState = entry.before ?? {};
  const after = entry.after;
  const opened = entry.before === null;
  const details: AuditDetail[] = [];

  for (const field of ['department', 'priority', 'assignee'] as const) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to && !(opened && to === null)) details.push({ field, from: opened ? null : from, to });
  }
  if (after.escalation !== undefined && before.escalation !== after.escalation && !(opened && !after.escalation)) {
    details.push({ field: 'escalation', from: opened ? null : (before.escalation ?? null), to: after.escalation });
  }

  const slaBefore = before.sla ?? {};
  const slaAfter = after.sla ?? {};
  if (!opened && slaAfter.decisionDeadlineDays !== undefined && slaBefore.decisionDeadlineDays !== slaAfter.decisionDeadlineDays) {
    details.push({ field: 'deadlineDays', from: slaBefore.decisionDeadlineDays ?? null, to: slaAfter.decisionDeadlineDays });
  }
  for (const field of ['firstFeedbackAt', 'decidedAt'] as const) {
    const to = slaAfter[field];
    if (to && to !== slaBefore[field]) details.push({ field, to });
  }
  for (const field of ALERTS) {
    const to = slaAfter.alerts?.[field];
    if (to && to !== slaBefore.alerts?.[field]) details.push({ field, to });
  }
  const pausesBefore = slaBefore.pauses ?? [];
  const pausesAfter = slaAfter.pauses ?? [];
  const running = <P extends { to: string | null }>(p: P[]) => p.find((pause) => pause.to === null);
  const pauseNow = running(pausesAfter);
  const pauseThen = running(pausesBefore);
  if (pauseNow && pauseNow.from !== pauseThen?.from) details.push({ field: 'clockPaused', to: pauseNow.reason });
  if (pauseThen && !pauseNow) details.push({ field: 'clockResumed', to: true });
  const pending = slaAfter.pendingExtension;
  if (pending && (slaBefore.pendingExtension?.toDays !== pending.toDays || slaBefore.pendingExtension?.reason !== pending.reason)) {
    details.push({ field: 'extensionRequested', to: pending.toDays, reason: pending.reason });
  }
  if (slaBefore.pendingExtension && !pending) {
    details.push({
      field: 'extensionDecided',
      to: (slaAfter.extensions?.length ?? 0) > (slaBefore.extensions?.length ?? 0) ? 'approved' : 'rejected',
    });
  }

  const lifeBefore = before.lifecycle ?? {};
  const lifeAfter = after.lifecycle ?? {};
  for (const escalation of (lifeAfter.escalations ?? []).slice(lifeBefore.escalations?.length ?? 0)) {
    details.push({ field: 'escalatedTo', to: escalation.to, reason: escalation.reason });
  }
  const text = (field: Extract<AuditDetail, { to: string }>['field'], to: string | undefined, from: string | undefined) => {
    if (to && to !== from) details.push({ field, to } as AuditDetail);
  };
  text('resolution', lifeAfter.resolution?.proposal, lifeBefore.resolution?.proposal);
  text('mediationOrganisation', lifeAfter.mediation?.organisation, lifeBefore.mediation?.organisation);
  text('mediationOutcome', lifeAfter.mediation?.outcome, lifeBefore.mediation?.outcome);
  text('mediationSummary', lifeAfter.mediation?.summary, lifeBefore.mediation?.summary);
  for (const answer of (lifeAfter.satisfaction ?? []).slice(lifeBefore.satisfaction?.length ?? 0)) {
    details.push({ field: 'satisfaction', to: answer.score });
    if (answer.comment) details.push({ field: 'satisfactionComment', to: answer.comment });
  }
  text('rootCause', lifeAfter.closure?.rootCause, lifeBefore.closure?.rootCause);
  text('correctiveAction', lifeAfter.closure?.correctiveAction, lifeBefore.closure?.correctiveAction);
  text('withdrawalReason', lifeAfter.withdrawal?.reason, lifeBefore.withdrawal?.reason);
  if ((lifeAfter.reopenCount ?? 0) > (lifeBefore.reopenCount ?? 0)) details.push({ field: 'reopenCount', to: lifeAfter.reopenCount! });
  for (const linked of (lifeAfter.linkedComplaints ?? []).slice(lifeBefore.linkedComplaints?.length ?? 0))
    details.push({ field: 'linkedComplaint', to: linked.reference });

  const status =
    after.status !== undefined && (opened || before.status !== after.status)
      ? { from: opened ? null : (before.status ?? null), to: after.status }
      : null;
  return { status, details };
}

/** The timeline entries an audit entry wrote: those of the events it names. */
export function entriesOf<T extends { eventId: string }>(entry: Pick<AuditEntry, 'eventIds'>, timeline: readonly T[]): T[] {
  const events = new Set(entry.eventIds);
  return timeline.filter((item) => events.has(item.eventId));
}

/** Who acted, as the page names them: a member of staff by id, the system's parts and the customer by kind. */
export type AuditActor = { kind: 'staff'; id: string; roles: string[] } | { kind: 'system'; id: string } | { kind: 'customer' };

export function auditActor(entry: Pick<AuditEntry, 'actorType' | 'actorId' | 'actorRoles'>): AuditActor {
  if (entry.actorType === 'staff') return { kind: 'staff', id: entry.actorId, roles: entry.actorRoles };
  if (entry.actorType === 'customer') return { kind: 'customer' };
  return { kind: 'system', id: entry.actorId };
}
