import type { KpiSeries } from '@complaints/contracts/kpi-series';
/** The shapes of the cases, router and analytics APIs as the console reads them (see their OpenAPI documents). */
export interface SlaView {
  feedbackDueAt: string;
  decisionDueAt: string;
  decisionDeadlineDays: number;
  firstFeedbackAt: string | null;
  decidedAt: string | null;
  paused: boolean;
  pauseReason: string | null;
  pendingExtension: { toDays: number; reason: string; requestedBy: string } | null;
  feedbackBreached: boolean;
  decisionBreached: boolean;
}

export interface CaseSummary {
  reference: string;
  channel: string;
  status: string;
  department: string;
  assignee: string | null;
  priority: 'P1' | 'P2' | 'P3';
  escalation: boolean;
  needsTriage: boolean;
  category: { product: string; reason: string; servicePoint: string };
  receivedAt: string;
  sla: SlaView;
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
}

export interface TimelineItem {
  type: string;
  at: string;
  actor: string;
  /** The event that wrote the entry: an audit entry's `eventIds` name it. */
  eventId: string;
  details: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary {
  actions: string[];
  content: {
    text: string;
    language: string;
    subject?: string;
    transcript?: { speaker: 'customer' | 'agent'; text: string; offsetMs?: number }[];
    /** `downloadUrl`: a signed link to the intake that keeps the file (absent when its channel has none). */
    attachments?: { id: string; contentType: string; sizeBytes: number; sha256: string; downloadUrl?: string }[];
  };
  customer: { customerId: string | null; phoneLast4: string | null };
  context: { extra?: Record<string, string>; branch?: string; accountRef?: string; amount?: { value: number; currency: string } };
  routing: { ruleId: string; rulesVersion: string; matchedTerms: string[]; confidence: Record<string, number> };
  timeline: TimelineItem[];
}

export interface ConsoleConfig {
  signIn: { development: boolean; oidc: { issuer: string; clientId: string; authorizationEndpoint: string } | null };
  routerUrl: string;
  analyticsUrl: string;
}

export interface RuleCondition {
  product?: string[];
  reason?: string[];
  servicePoint?: string[];
  priority?: string[];
  escalation?: boolean;
}

export interface RoutingRule {
  id: string;
  description: string;
  department: string;
  when: RuleCondition[];
}

export interface RuleSet {
  version: number;
  createdBy: string;
  createdAt: string;
  comment: string;
  rules: RoutingRule[];
}

export interface DryRunResult {
  rulesVersion: string;
  classification: {
    product: string;
    reason: string;
    servicePoint: string;
    priority: string;
    escalation: boolean;
    confidence: Record<'product' | 'reason' | 'servicePoint' | 'escalation' | 'priority', number>;
    matchedTerms: string[];
  };
  evaluations: { position: number; ruleId: string; department: string; description: string; matched: boolean; winner: boolean }[];
  outcome: { department: string; ruleId: string; needsTriage: boolean };
  triage: { applied: boolean; threshold: number; reason: string };
}

export type GroupBy = 'department' | 'channel' | 'product' | 'reason' | 'servicePoint' | 'priority';

/** GET /v1/kpis (analytics): the parts the dashboard shows. */
export interface KpiGroup {
  key: string;
  volume: number;
  cases: number;
  firstFeedback: { within48h: number; shareWithin48h: number | null };
  decision: { within15d: number; shareWithin15d: number | null };
  breaches: { feedback: number; decision: number; complaints: number };
}

export interface KpiReport {
  from: string;
  to: string;
  groupBy: GroupBy | null;
  total: KpiGroup;
  groups: KpiGroup[];
}

/** GET /v1/kpis/series (analytics). */
export interface KpiSeriesReport {
  from: string;
  to: string;
  groupBy: GroupBy | null;
  days: string[];
  series: KpiSeries[];
}

/** GET /v1/hotspots (analytics). */
export interface HotspotAlert {
  id: string;
  kind: 'spike' | 'term';
  key: string;
  dimension?: 'product-reason' | 'department' | 'channel' | 'branch';
  subject: string;
  since: string;
  until: string;
  observed: number;
  expected: number;
  ratio: number;
  samples: string[];
  raisedAt: string;
}
