/** The shapes of the cases and router APIs as the console reads them (see their OpenAPI documents). */
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
  details: Record<string, unknown>;
}

export interface CaseDetail extends CaseSummary {
  actions: string[];
  content: {
    text: string;
    language: string;
    subject?: string;
    transcript?: { speaker: 'customer' | 'agent'; text: string; offsetMs?: number }[];
    attachments?: { id: string; contentType: string; sizeBytes: number; sha256: string }[];
  };
  customer: { customerId: string | null; phoneLast4: string | null };
  context: { extra?: Record<string, string>; branch?: string; accountRef?: string; amount?: { value: number; currency: string } };
  routing: { ruleId: string; rulesVersion: string; matchedTerms: string[]; confidence: Record<string, number> };
  timeline: TimelineItem[];
}

export interface ConsoleConfig {
  signIn: { development: boolean; oidc: { issuer: string; clientId: string; authorizationEndpoint: string } | null };
  routerUrl: string;
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
