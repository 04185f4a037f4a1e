import type { Department } from '@complaints/contracts';
import { Handler, handlerFits, HandlerLoad, pickHandler } from '../../domain/handler';
import { CaseTracking, HandlerAuditEntry, HandlerStore, Reassignment } from '../handlers/handler.store';
import { reassignmentEvent } from '../handlers/reassignment-event';
import type { InMemoryRoutingDatabase, RoutingTables } from './in-memory-routing-database';

/** Handlers and their assignments in memory; each move is committed with its event in the outbox. */
export class InMemoryHandlerStore extends HandlerStore {
  constructor(
    private readonly db: InMemoryRoutingDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async list(department?: Department): Promise<HandlerLoad[]> {
    const tables = await this.db.statement();
    return [...tables.handlers.values()]
      .filter((h) => !department || h.department === department)
      .sort((a, b) => a.department.localeCompare(b.department) || a.id.localeCompare(b.id))
      .map((h) => this.load(tables, h));
  }

  async find(id: string): Promise<HandlerLoad | null> {
    const tables = await this.db.statement();
    const handler = tables.handlers.get(id);
    return handler ? this.load(tables, handler) : null;
  }

  async save(handler: Handler, _actor: string): Promise<Handler | null> {
    const tables = await this.db.statement();
    const before = tables.handlers.get(handler.id) ?? null;
    tables.handlers.set(handler.id, structuredClone(handler));
    return before;
  }

  async audit(entry: HandlerAuditEntry): Promise<void> {
    const tables = await this.db.statement();
    tables.handlerAudit.push({ ...structuredClone(entry), id: tables.handlerAudit.length + 1, at: this.now().toISOString() });
  }

  async auditTrail(limit: number, offset: number) {
    const { handlerAudit } = await this.db.statement();
    return { items: [...handlerAudit].reverse().slice(offset, offset + limit), total: handlerAudit.length };
  }

  async reassignFrom(handlerId: string, changedBy: string): Promise<Reassignment[]> {
    const current = await this.find(handlerId);
    if (!current) return [];
    const reason = current.handler.active ? 'handler_unfit' : 'handler_inactive';
    const open = [...(await this.db.statement()).assignments.values()].filter(
      (a) => a.open && a.handlerId === handlerId && !handlerFits(current.handler, a),
    );
    const moves: Reassignment[] = [];
    for (const need of open) {
      moves.push(
        await this.db.transaction(async (tables) => {
          await Promise.resolve();
          const loads = [...tables.handlers.values()]
            .filter((h) => h.active && h.department === need.department)
            .map((h) => this.load(tables, h));
          const to = pickHandler(loads, need)?.id ?? null;
          tables.assignments.set(need.complaintId, { ...need, handlerId: to });
          const move = { complaintId: need.complaintId, reference: need.reference, department: need.department, from: handlerId, to };
          tables.outbox.push(reassignmentEvent(move, reason, changedBy, this.now()));
          return move;
        }),
      );
    }
    return moves;
  }

  async trackCases(changes: readonly CaseTracking[]): Promise<void> {
    const tables = await this.db.statement();
    for (const change of changes) {
      const assignment = tables.assignments.get(change.complaintId);
      if (!assignment) continue;
      if (change.open !== undefined) assignment.open = change.open;
      if (change.handlerId !== undefined) assignment.handlerId = change.handlerId;
    }
  }

  private load(tables: RoutingTables, handler: Handler): HandlerLoad {
    return { handler: structuredClone(handler), openCases: this.db.openCases(tables, handler.id) };
  }
}
