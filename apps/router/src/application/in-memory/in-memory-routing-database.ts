import type { ComplaintRoutedV1, HandlerReassignmentV1 } from '@complaints/contracts';
import type { Handler } from '../../domain/handler';
import type { Assignment, HandlerAuditEntry } from '../handlers/handler.store';
import type { MatterRecord } from '../repeat-complaints/matter.store';

export interface RoutingTables {
  decisions: Map<string, ComplaintRoutedV1>;
  /** The matters of routed complaints, with whether their case is still open. */
  matters: Map<string, MatterRecord & { open: boolean }>;
  handlers: Map<string, Handler>;
  assignments: Map<string, Assignment & { open: boolean }>;
  handlerAudit: (HandlerAuditEntry & { id: number; at: string })[];
  /** `complaints.assignments.v1` events committed with their moves, not yet relayed. */
  outbox: HandlerReassignmentV1[];
}

/**
 * The router's schema in memory, shared by the in-memory adapters of its ports as the PostgreSQL
 * tables are: a transaction works on a copy that replaces the tables only when the work returns.
 */
export class InMemoryRoutingDatabase {
  tables: RoutingTables = {
    decisions: new Map(),
    matters: new Map(),
    handlers: new Map(),
    assignments: new Map(),
    handlerAudit: [],
    outbox: [],
  };
  /** When set, every statement fails as a database that does not answer would. */
  unavailable: Error | null = null;

  async statement(): Promise<RoutingTables> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
    return this.tables;
  }

  async transaction<R>(work: (tables: RoutingTables) => Promise<R>): Promise<R> {
    const draft = structuredClone(await this.statement());
    const result = await work(draft);
    this.tables = draft;
    return result;
  }

  /** Open assignments per handler. */
  openCases(tables: RoutingTables, handlerId: string): number {
    return [...tables.assignments.values()].filter((a) => a.open && a.handlerId === handlerId).length;
  }
}
