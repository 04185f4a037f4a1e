import type { ComplaintFact } from '../../domain/complaint-fact';

/** The fact table's columns in insert order, each with how it is read from a fact. */
export const FACT_COLUMNS: readonly [string, (f: ComplaintFact) => unknown][] = [
  ['complaint_id', (f) => f.complaintId],
  ['reference', (f) => f.reference],
  ['channel', (f) => f.channel],
  ['product', (f) => f.product],
  ['reason', (f) => f.reason],
  ['service_point', (f) => f.servicePoint],
  ['priority', (f) => f.priority],
  ['department', (f) => f.department],
  ['branch', (f) => f.branch],
  ['region', (f) => f.region],
  ['received_at', (f) => f.receivedAt],
  ['received_day', (f) => f.receivedDay],
  ['has_case', (f) => f.hasCase],
  ['status', (f) => f.status],
  ['first_feedback_at', (f) => f.firstFeedbackAt],
  ['feedback_ms', (f) => f.feedbackMs],
  ['decided_at', (f) => f.decidedAt],
  ['decision_ms', (f) => f.decisionMs],
  ['resolved_at', (f) => f.resolvedAt],
  ['resolution_ms', (f) => f.resolutionMs],
  ['ever_resolved', (f) => f.everResolved],
  ['paused_ms', (f) => f.pausedMs],
  ['feedback_breaches', (f) => f.feedbackBreaches],
  ['decision_breaches', (f) => f.decisionBreaches],
  ['extensions', (f) => f.extensions],
  ['extended_to_days', (f) => f.extendedToDays],
  ['escalated', (f) => f.escalated],
  ['mediation_referred', (f) => f.mediationReferred],
  ['mediation_outcome', (f) => f.mediationOutcome],
  ['reopen_count', (f) => f.reopenCount],
  ['repeat', (f) => f.repeat],
  ['linked_case_reference', (f) => f.linkedCaseReference],
  ['merged_into_reference', (f) => f.mergedIntoReference],
  ['satisfaction_score', (f) => f.satisfactionScore],
  ['withdrawn', (f) => f.withdrawn],
  ['closed_at', (f) => f.closedAt],
  ['root_cause', (f) => f.rootCause],
  ['corrective_action', (f) => f.correctiveAction],
  ['root_cause_category', (f) => f.rootCauseCategory],
  ['corrective_action_category', (f) => f.correctiveActionCategory],
];

/** A fact as a row of `analytics.complaint_facts`, keyed by column name (for jsonb_populate_recordset). */
export function factRow(f: ComplaintFact): Record<string, unknown> {
  return Object.fromEntries(FACT_COLUMNS.map(([column, read]) => [column, read(f)]));
}
