import type { Channel, Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';
import { AnalyticsEvent, compareEvents } from './analytics-event';
import { correctiveActionCategory, CorrectiveActionCategory, rootCauseCategory, RootCauseCategory } from './closure-category';
import { shanghaiDay } from './shanghai-time';

/** One row per complaint: what the KPIs count. Durations are in milliseconds with paused time taken out. */
export interface ComplaintFact {
  complaintId: string;
  reference: string | null;
  channel: Channel | null;
  product: Product | null;
  reason: Reason | null;
  servicePoint: ServicePoint | null;
  priority: Priority | null;
  department: Department | null;
  branch: string | null;
  region: string | null;
  receivedAt: string | null;
  /** The Asia/Shanghai calendar day of `receivedAt`: the day the complaint counts on. */
  receivedDay: string | null;
  /** A case of its own was opened (a repeat complaint merged into an open case has none). */
  hasCase: boolean;
  status: string | null;
  firstFeedbackAt: string | null;
  feedbackMs: number | null;
  decidedAt: string | null;
  decisionMs: number | null;
  /** The latest resolution still standing (null while a reopened case is unresolved). */
  resolvedAt: string | null;
  resolutionMs: number | null;
  everResolved: boolean;
  pausedMs: number;
  feedbackBreaches: number;
  decisionBreaches: number;
  extensions: number;
  /** The longest deadline granted by an approved extension (30 or 60 days), else null. */
  extendedToDays: number | null;
  escalated: boolean;
  mediationReferred: boolean;
  mediationOutcome: 'settled' | 'not_settled' | null;
  reopenCount: number;
  /** The router found an earlier complaint by the same customer on the same matter. */
  repeat: boolean;
  linkedCaseReference: string | null;
  /** The case this complaint was merged into, when it was. */
  mergedIntoReference: string | null;
  /** The customer's latest satisfaction score 1-5. */
  satisfactionScore: number | null;
  withdrawn: boolean;
  closedAt: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  rootCauseCategory: RootCauseCategory | null;
  correctiveActionCategory: CorrectiveActionCategory | null;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

interface Pause {
  from: number;
  to: number | null;
}

/** The part of [start, end] during which the clock was paused (a pause still running counts up to `end`). */
export function pausedWithin(pauses: readonly Pause[], start: number, end: number): number {
  let total = 0;
  for (const p of pauses) {
    const from = Math.max(p.from, start);
    const to = Math.min(p.to ?? end, end);
    if (to > from) total += to - from;
  }
  return total;
}

function emptyFact(complaintId: string): ComplaintFact {
  return {
    complaintId,
    reference: null,
    channel: null,
    product: null,
    reason: null,
    servicePoint: null,
    priority: null,
    department: null,
    branch: null,
    region: null,
    receivedAt: null,
    receivedDay: null,
    hasCase: false,
    status: null,
    firstFeedbackAt: null,
    feedbackMs: null,
    decidedAt: null,
    decisionMs: null,
    resolvedAt: null,
    resolutionMs: null,
    everResolved: false,
    pausedMs: 0,
    feedbackBreaches: 0,
    decisionBreaches: 0,
    extensions: 0,
    extendedToDays: null,
    escalated: false,
    mediationReferred: false,
    mediationOutcome: null,
    reopenCount: 0,
    repeat: false,
    linkedCaseReference: null,
    mergedIntoReference: null,
    satisfactionScore: null,
    withdrawn: false,
    closedAt: null,
    rootCause: null,
    correctiveAction: null,
    rootCauseCategory: null,
    correctiveActionCategory: null,
  };
}

/**
 * Folds every applied event of one complaint into its fact row. The result depends only on the set of
 * events, never on the order they arrived in (they are sorted by time, topic and offset first), so a
 * case event that overtakes the routed event, a redelivery or a rebuild all give the same row.
 */
export function foldComplaintFact(complaintId: string, events: readonly AnalyticsEvent[]): ComplaintFact {
  const fact = emptyFact(complaintId);
  const sorted = [...events].sort(compareEvents);
  const pauses: Pause[] = [];
  let caseReceivedAt: string | null = null;
  let caseSeen = false;

  for (const e of sorted) {
    if (e.complaint) {
      fact.reference = e.complaint.reference;
      fact.channel = e.complaint.channel;
      fact.receivedAt = e.complaint.receivedAt;
      fact.branch = e.complaint.branch ?? fact.branch;
      fact.region = e.complaint.region ?? fact.region;
    }
    if (e.routing) {
      const r = e.routing;
      fact.product = r.product;
      fact.reason = r.reason;
      fact.servicePoint = r.servicePoint;
      fact.escalated = fact.escalated || r.escalation;
      fact.repeat = fact.repeat || r.linkedCaseReference !== null;
      fact.linkedCaseReference = r.linkedCaseReference ?? fact.linkedCaseReference;
      // The case's own snapshot (later) wins: linking may raise the priority.
      if (!caseSeen) {
        fact.department = r.department;
        fact.priority = r.priority;
      }
    }
    const c = e.caseEvent;
    if (!c) continue;
    const at = e.at;
    const t = Date.parse(at);
    if (c.kind === 'linked_complaint' && c.data.linkedComplaintId === complaintId) {
      // The event of the case this complaint was merged into: it says nothing else about this complaint.
      fact.mergedIntoReference = c.reference;
      continue;
    }
    caseSeen = true;
    fact.reference ??= c.reference;
    fact.channel ??= c.channel;
    caseReceivedAt ??= c.sourceReceivedAt;
    fact.status = c.status;
    fact.department = c.department;
    fact.priority = c.priority;
    switch (c.kind) {
      case 'opened':
        fact.hasCase = true;
        break;
      case 'feedback_sent':
        fact.firstFeedbackAt ??= at;
        break;
      case 'resolution_proposed':
        fact.firstFeedbackAt ??= at;
        fact.decidedAt ??= at;
        break;
      case 'mediation_referred':
        fact.mediationReferred = true;
        break;
      case 'mediation_concluded':
        fact.mediationOutcome = c.data.outcome === 'settled' ? 'settled' : 'not_settled';
        if (fact.mediationOutcome === 'settled') fact.decidedAt ??= at;
        break;
      case 'clock_paused':
        if (!pauses.some((p) => p.to === null)) pauses.push({ from: t, to: null });
        break;
      case 'clock_resumed': {
        const running = pauses.find((p) => p.to === null);
        if (running) running.to = t;
        break;
      }
      case 'extension_approved':
        fact.extensions += 1;
        if (typeof c.data.toDays === 'number') fact.extendedToDays = Math.max(fact.extendedToDays ?? 0, c.data.toDays);
        break;
      case 'sla_breached':
        if (c.data.clock === 'feedback') fact.feedbackBreaches += 1;
        else fact.decisionBreaches += 1;
        break;
      case 'escalated':
        fact.escalated = true;
        break;
      case 'reopened':
        fact.reopenCount += 1;
        fact.resolvedAt = null;
        fact.closedAt = null;
        break;
      case 'satisfaction_recorded':
        if (typeof c.data.score === 'number') fact.satisfactionScore = c.data.score;
        break;
      case 'withdrawn':
        fact.withdrawn = true;
        break;
      case 'closed':
        fact.closedAt = at;
        fact.rootCause = c.data.rootCause ?? null;
        fact.correctiveAction = c.data.correctiveAction ?? null;
        break;
    }
    // Every way into RESOLVED (resolve, a settled mediation) carries the status change in its data.
    if (c.data.to === 'RESOLVED' && c.data.from !== 'RESOLVED') {
      fact.resolvedAt = at;
      fact.everResolved = true;
    }
  }

  fact.receivedAt ??= caseReceivedAt;
  fact.receivedDay = fact.receivedAt ? shanghaiDay(fact.receivedAt) : null;
  fact.pausedMs = pauses.reduce((sum, p) => sum + (p.to !== null ? p.to - p.from : 0), 0);
  fact.rootCauseCategory = rootCauseCategory(fact.rootCause);
  fact.correctiveActionCategory = correctiveActionCategory(fact.correctiveAction);
  if (fact.receivedAt) {
    const start = Date.parse(fact.receivedAt);
    const net = (end: string | null) => {
      if (end === null) return null;
      const e = Date.parse(end);
      return Math.max(0, e - start - pausedWithin(pauses, start, e));
    };
    fact.feedbackMs = net(fact.firstFeedbackAt);
    fact.decisionMs = net(fact.decidedAt);
    fact.resolutionMs = net(fact.resolvedAt);
  }
  return fact;
}
