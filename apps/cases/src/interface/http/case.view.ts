import type { Case, TimelineEntry } from '../../domain/case';

/** The case as the staff API shows it. Sealed personal data is never returned. */
export function caseSummaryView(c: Case) {
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
    sla: {
      feedbackDueAt: c.sla.feedbackDueAt.toISOString(),
      decisionDueAt: c.sla.decisionDueAt.toISOString(),
      decisionDeadlineDays: c.sla.decisionDeadlineDays,
    },
  };
}

export function caseDetailView(c: Case, timeline: TimelineEntry[]) {
  return {
    ...caseSummaryView(c),
    routedAt: c.routedAt.toISOString(),
    content: c.content,
    customer: { customerId: c.customer.customerId ?? null, phoneLast4: c.customer.phoneLast4 ?? null },
    context: c.context,
    source: c.source,
    routing: c.routing,
    timeline: timeline.map((e) => ({ type: e.type, at: e.at.toISOString(), actor: e.actor, details: e.details })),
  };
}
