import type { Department } from '@complaints/contracts';
import type { Handler, HandlerLoad, HandlerLanguage, HandlingNeed } from '../../domain/handler';

/** The router's assignment of a routed complaint to a handler (null: the department's queue). */
export interface Assignment extends HandlingNeed {
  complaintId: string;
  reference: string;
  handlerId: string | null;
}

export interface Reassignment {
  complaintId: string;
  reference: string;
  department: Department;
  from: string;
  to: string | null;
}

export type { HandlerLanguage };

export interface HandlerAuditEntry {
  actor: string;
  handlerId: string;
  before: Handler | null;
  after: Handler;
  reassigned: Reassignment[];
}

/** What became of a complaint's case: open or not, and who has it; an absent field did not change. */
export interface CaseTracking {
  complaintId: string;
  open?: boolean;
  handlerId?: string | null;
}

/** Port: department handlers, their open assignments, and moving those when a handler stops fitting. */
export abstract class HandlerStore {
  abstract list(department?: Department): Promise<HandlerLoad[]>;
  abstract find(id: string): Promise<HandlerLoad | null>;
  /** Stores the handler; returns how they were before (null: new). */
  abstract save(handler: Handler, actor: string): Promise<Handler | null>;
  /** Appends to the handler audit trail. */
  abstract audit(entry: HandlerAuditEntry): Promise<void>;
  abstract auditTrail(limit: number, offset: number): Promise<{ items: (HandlerAuditEntry & { id: number; at: string })[]; total: number }>;
  /**
   * Moves the handler's open assignments that they no longer fit (inactive, other department,
   * language or skills) to the fitting handler with the fewest open cases, or to the queue; each move
   * is committed with its `complaints.assignments.v1` event in the outbox, so cases hears of every one.
   */
  abstract reassignFrom(handlerId: string, changedBy: string): Promise<Reassignment[]>;
  /** Follows the cases (one change per complaint): open/closed and who has each (staff may reassign in the cases service). */
  abstract trackCases(changes: readonly CaseTracking[]): Promise<void>;
}
