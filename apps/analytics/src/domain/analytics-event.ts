import type { Channel, Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';

/** Where an event came from; events of one complaint are folded in (at, topic rank, offset) order. */
export type SourceTopic = 'received' | 'routed' | 'case';

export const TOPIC_RANK: Record<SourceTopic, number> = { received: 0, routed: 1, case: 2 };

/** The complaint as an intake or the router described it (no personal data). */
export interface ComplaintFacts {
  reference: string;
  channel: Channel;
  receivedAt: string;
  branch: string | null;
  region: string | null;
}

export interface RoutingFacts {
  product: Product;
  reason: Reason;
  servicePoint: ServicePoint;
  department: Department;
  priority: Priority;
  escalation: boolean;
  linkedCaseReference: string | null;
}

/** A case event reduced to what the KPIs need. */
export interface CaseFacts {
  kind: string;
  reference: string;
  channel: Channel;
  sourceReceivedAt: string;
  status: string;
  department: Department;
  priority: Priority;
  data: {
    first?: boolean;
    from?: string;
    to?: string;
    score?: number;
    outcome?: string;
    toDays?: number;
    clock?: string;
    pausedMs?: number;
    linkedComplaintId?: string;
    linkedReference?: string;
    rootCause?: string;
    correctiveAction?: string;
  };
}

/**
 * One applied event of one complaint, as the read model keeps it: enough to fold the complaint's
 * fact row again from scratch in any arrival order.
 */
export interface AnalyticsEvent {
  eventId: string;
  complaintId: string;
  topic: SourceTopic;
  /** Kafka offset within its topic-partition: orders events with the same time on one topic. */
  offset: number;
  /** When it happened (the event's `at` for case events, else `occurredAt`). */
  at: string;
  complaint?: ComplaintFacts;
  routing?: RoutingFacts;
  caseEvent?: CaseFacts;
}

export function compareEvents(a: AnalyticsEvent, b: AnalyticsEvent): number {
  const t = Date.parse(a.at) - Date.parse(b.at);
  if (t !== 0) return t;
  const r = TOPIC_RANK[a.topic] - TOPIC_RANK[b.topic];
  if (r !== 0) return r;
  if (a.offset !== b.offset) return a.offset - b.offset;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
