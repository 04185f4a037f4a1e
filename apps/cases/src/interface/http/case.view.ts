import type { AuditEntry } from '../../application/case.repository';
import type { Case, TimelineEntry } from '../../domain/case';
import { effectiveDecisionDueAt, runningPause } from '../../domain/sla-clock';
import type { SlaClocks } from '../../domain/sla-policy';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The clocks as staff see them; while paused, `decisionDueAt` is where the due time stands now. */
export function slaView(sla: SlaClocks, now: Date) {
  const pause = runningPause(sla);
  return {
    feedbackDueAt: iso(sla.feedbackDueAt),
    decisionDueAt: iso(effectiveDecisionDueAt(sla, now)),
    decisionDeadlineDays: sla.decisionDeadlineDays,
    firstFeedbackAt: iso(sla.firstFeedbackAt),
    decidedAt: iso(sla.decidedAt),
    paused: pause !== null,
    pauseReason: pause?.reason ?? null,
    pauses: sla.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to), reason: p.reason, by: p.by })),
    pendingExtension: sla.pendingExtension ? { ...sla.pendingExtension, requestedAt: iso(sla.pendingExtension.requestedAt) } : null,
    extensions: sla.extensions.map((e) => ({ ...e, requestedAt: iso(e.requestedAt), approvedAt: iso(e.approvedAt) })),
    feedbackBreached: sla.alerts.feedbackBreachedAt !== null || (!sla.firstFeedbackAt && now >= sla.feedbackDueAt),
    decisionBreached: sla.alerts.decisionBreachedAt !== null || (!sla.decidedAt && !pause && now >= sla.decisionDueAt),
  };
}

/** The case as the staff API shows it. Sealed personal data is never returned. */
export function caseSummaryView(c: Case, now: Date = new Date()) {
  return {
    reference: c.reference,
    complaintId: c.complaintId,
    channel: c.channel,
    status: c.status,
    department: c.department,
    assignee: c.assignee,
    priority: c.priority,
    escalation: c.escalation,
    needsTriage: c.needsTriage,
    category: c.category,
    receivedAt: c.receivedAt.toISOString(),
    sla: slaView(c.sla, now),
  };
}

/**
 * One case; `actions` are those the caller may take on it now (see availableActions); each attachment
 * with a link in `evidenceUrls` (by id) gets it as `downloadUrl`.
 */
export function caseDetailView(
  c: Case,
  timeline: TimelineEntry[],
  now: Date = new Date(),
  actions: readonly string[] = [],
  evidenceUrls: ReadonlyMap<string, string> = new Map(),
) {
  const { attachments, ...content } = c.content;
  return {
    ...caseSummaryView(c, now),
    actions: [...actions],
    routedAt: c.routedAt.toISOString(),
    content: {
      ...content,
      ...(attachments
        ? { attachments: attachments.map((a) => ({ ...a, ...(evidenceUrls.has(a.id) ? { downloadUrl: evidenceUrls.get(a.id)! } : {}) })) }
        : {}),
    },
    customer: { customerId: c.customer.customerId ?? null, phoneLast4: c.customer.phoneLast4 ?? null },
    context: c.context,
    source: c.source,
    routing: c.routing,
    lifecycle: JSON.parse(JSON.stringify(c.lifecycle)) as unknown,
    timeline: timeline.map((e) => ({ type: e.type, at: e.at.toISOString(), actor: e.actor, eventId: e.sourceEventId, details: e.details })),
  };
}

export function auditView(entries: AuditEntry[]) {
  return { items: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
