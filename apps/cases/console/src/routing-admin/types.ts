/** The router's rule-version and handler answers as the console reads them (see the router's OpenAPI document). */

/** GET /v1/routing/rules/versions: one version without its rules. */
export interface RuleSetSummary {
  version: number;
  createdBy: string;
  createdAt: string;
  comment: string;
  active: boolean;
  ruleCount: number;
}

export interface RuleSetVersions {
  items: RuleSetSummary[];
}

/** A department's handler as the router keeps them; `openCases` as the router counts them. */
export interface Handler {
  id: string;
  name: string;
  department: string;
  skills: string[];
  languages: string[];
  active: boolean;
  openCases: number;
}

export interface HandlerList {
  items: Handler[];
}

/** An open case the router moved off a handler; `to` null: back to the department's queue. */
export interface Reassignment {
  complaintId: string;
  reference: string;
  department: string;
  from: string;
  to: string | null;
}

/** PUT /v1/routing/handlers/{id}. */
export interface SavedHandler {
  handler: Handler;
  reassigned: Reassignment[];
}

/** The handler as an admin sets it (the body of PUT /v1/routing/handlers/{id}). */
export type HandlerChange = Omit<Handler, 'id' | 'openCases'>;

export interface HandlerAuditEntry {
  id: number;
  at: string;
  actor: string;
  handlerId: string;
  before: HandlerChange | null;
  after: HandlerChange;
  reassigned: Reassignment[];
}

export interface HandlerAuditPage {
  items: HandlerAuditEntry[];
  total: number;
  limit: number;
  offset: number;
}
