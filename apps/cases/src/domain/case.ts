import type {
  AttachmentV1,
  Channel,
  ComplaintRoutedV1,
  Department,
  Priority,
  Product,
  Reason,
  ServicePoint,
  TranscriptTurnV1,
} from '@complaints/contracts';
import type { CaseStatus } from './case-status';
import { SlaClocks, SlaPolicy, startClocks } from './sla-policy';

export interface TimelineEntry {
  type: string;
  at: Date;
  actor: string;
  /** The event that produced the entry (dedupe key). */
  sourceEventId: string;
  details: Record<string, unknown>;
}

export interface Escalation {
  at: Date;
  by: string;
  reason: string;
  to: Department;
}

/** What happened to the case beyond its status: escalations, resolution, mediation, satisfaction, closure. */
export interface CaseLifecycle {
  escalations: Escalation[];
  resolution: { proposal: string; proposedBy: string; proposedAt: Date } | null;
  mediation: {
    organisation: string;
    mediator?: string;
    referredBy: string;
    referredAt: Date;
    outcome?: 'settled' | 'not_settled';
    summary?: string;
    concludedAt?: Date;
  } | null;
  satisfaction: { score: number; comment?: string; recordedBy: string; at: Date }[];
  closure: { rootCause: string; correctiveAction: string; closedBy: string; closedAt: Date } | null;
  withdrawal: { reason: string; by: string; at: Date } | null;
  reopenCount: number;
  /** Repeat complaints merged into this case (CBIRC allows merging): their own references stay findable. */
  linkedComplaints: { reference: string; complaintId: string; channel: Channel; at: Date }[];
}

export function emptyLifecycle(): CaseLifecycle {
  return {
    escalations: [],
    resolution: null,
    mediation: null,
    satisfaction: [],
    closure: null,
    withdrawal: null,
    reopenCount: 0,
    linkedComplaints: [],
  };
}

/** A complaint case as the staff work it. */
export interface Case {
  complaintId: string;
  reference: string;
  channel: Channel;
  status: CaseStatus;
  department: Department;
  assignee: string | null;
  priority: Priority;
  escalation: boolean;
  needsTriage: boolean;
  category: { product: Product; reason: Reason; servicePoint: ServicePoint };
  receivedAt: Date;
  routedAt: Date;
  sla: SlaClocks;
  content: { text: string; language: string; subject?: string; transcript?: TranscriptTurnV1[]; attachments?: AttachmentV1[] };
  customer: { customerId?: string; phoneLast4?: string; contact: Record<string, string | undefined>; name?: string; idNumber?: string };
  context: Record<string, unknown>;
  source: { system: string; messageId: string | null; receivedAt?: string };
  /** Follows the complaint across services (the routed event's correlation id). */
  correlationId?: string;
  lifecycle: CaseLifecycle;
  routing: {
    ruleId: string;
    rulesVersion: string;
    classifierVersion: string;
    matchedTerms: string[];
    confidence: Record<string, number>;
    /** An open case the router found related through an unverified identity (a typed phone): for handlers only. */
    relatedCaseReference?: string;
  };
}

/** Opens a case from a routed complaint: status RECEIVED, clocks started at receipt. */
export function openCase(routed: ComplaintRoutedV1, policy?: SlaPolicy): { case: Case; timeline: TimelineEntry[] } {
  const { complaint, routing } = routed;
  const receivedAt = new Date(complaint.receivedAt);
  const routedAt = new Date(routing.routedAt);
  const opened: Case = {
    complaintId: complaint.complaintId,
    reference: complaint.reference,
    channel: complaint.channel,
    // A handler the router picked takes the case straight away.
    status: routing.assignee ? 'ASSIGNED' : 'RECEIVED',
    department: routing.department,
    assignee: routing.assignee ?? null,
    priority: routing.priority,
    escalation: routing.escalation,
    needsTriage: routing.needsTriage,
    category: { ...routing.category },
    receivedAt,
    routedAt,
    sla: startClocks(receivedAt, routing.priority, policy),
    content: {
      text: complaint.content.text,
      language: complaint.content.language,
      subject: complaint.content.subject,
      transcript: complaint.content.transcript,
      // Evidence metadata (id, type, size, sha256); the bytes stay with the intake that received them.
      attachments: complaint.content.attachments,
    },
    customer: {
      customerId: complaint.customer.customerId,
      phoneLast4: complaint.customer.contact.phoneLast4,
      contact: { ...complaint.customer.contact },
      name: complaint.customer.name,
      idNumber: complaint.customer.idNumber,
    },
    context: { ...complaint.context },
    source: { system: complaint.source.system, messageId: complaint.source.messageId ?? null, receivedAt: complaint.source.receivedAt },
    correlationId: routed.correlationId,
    lifecycle: emptyLifecycle(),
    routing: {
      ruleId: routing.ruleId,
      rulesVersion: routing.rulesVersion,
      classifierVersion: routing.classifierVersion,
      matchedTerms: routing.matchedTerms,
      confidence: { ...routing.confidence },
      ...(routing.relatedCaseReference ? { relatedCaseReference: routing.relatedCaseReference } : {}),
    },
  };
  const timeline: TimelineEntry[] = [
    {
      type: 'received',
      at: receivedAt,
      actor: `channel:${complaint.channel}`,
      sourceEventId: routed.causationId ?? routed.eventId,
      details: { system: complaint.source.system },
    },
    {
      type: 'routed',
      at: routedAt,
      actor: 'router',
      sourceEventId: routed.eventId,
      details: {
        department: routing.department,
        ruleId: routing.ruleId,
        needsTriage: routing.needsTriage,
        ...(routing.relatedCaseReference ? { relatedCaseReference: routing.relatedCaseReference } : {}),
      },
    },
  ];
  return { case: opened, timeline };
}
