import { regionCode, type CaseEventV1, type ComplaintReceivedV1, type ComplaintRoutedV1, type ComplaintV1 } from '@complaints/contracts';
import type { AnalyticsEvent, CaseFacts, ComplaintFacts } from '../../domain/analytics-event';

/** Only these fields of a case event's data are kept: no free text but the closure's root cause and action. */
const KEPT_DATA = [
  'first',
  'from',
  'to',
  'score',
  'outcome',
  'toDays',
  'clock',
  'pausedMs',
  'linkedComplaintId',
  'linkedReference',
  'rootCause',
  'correctiveAction',
] as const;

/** The region is the province-level division's GB/T 2260 code; anything the intake sent that is none (or nothing) counts as unknown. */
function complaintFacts(c: ComplaintV1): ComplaintFacts {
  const { region, branch } = c.context.extra ?? {};
  return {
    reference: c.reference,
    channel: c.channel,
    receivedAt: c.receivedAt,
    branch: c.context.branch ?? (typeof branch === 'string' ? branch : null),
    region: typeof region === 'string' ? regionCode(region) : null,
  };
}

export function projectReceived(event: ComplaintReceivedV1, offset: number): AnalyticsEvent[] {
  return [
    {
      eventId: event.eventId,
      complaintId: event.complaint.complaintId,
      topic: 'received',
      offset,
      at: event.occurredAt,
      complaint: complaintFacts(event.complaint),
    },
  ];
}

export function projectRouted(event: ComplaintRoutedV1, offset: number): AnalyticsEvent[] {
  const r = event.routing;
  return [
    {
      eventId: event.eventId,
      complaintId: event.complaint.complaintId,
      topic: 'routed',
      offset,
      at: r.routedAt,
      complaint: complaintFacts(event.complaint),
      routing: {
        product: r.category.product,
        reason: r.category.reason,
        servicePoint: r.category.servicePoint,
        department: r.department,
        priority: r.priority,
        escalation: r.escalation,
        linkedCaseReference: r.linkedCaseReference ?? null,
      },
    },
  ];
}

/** A case event concerns its case's complaint, and a merged repeat complaint concerns the complaint merged too. */
export function projectCaseEvent(event: CaseEventV1, offset: number): AnalyticsEvent[] {
  const data = event.data ?? {};
  const kept = Object.fromEntries(
    KEPT_DATA.filter((k) => data[k] !== undefined && data[k] !== null).map((k) => [k, data[k]]),
  ) as CaseFacts['data'];
  const facts: CaseFacts = {
    kind: event.eventType.slice('case.'.length),
    reference: event.case.reference,
    channel: event.case.channel,
    sourceReceivedAt: event.case.source.receivedAt,
    status: event.case.status,
    department: event.case.department,
    priority: event.case.priority,
    data: kept,
  };
  const base = { eventId: event.eventId, topic: 'case' as const, offset, at: event.at, caseEvent: facts };
  const projections: AnalyticsEvent[] = [{ ...base, complaintId: event.case.complaintId }];
  const linked = kept.linkedComplaintId;
  if (facts.kind === 'linked_complaint' && typeof linked === 'string' && linked !== event.case.complaintId)
    projections.push({ ...base, complaintId: linked });
  return projections;
}
