import type { ComplaintRoutedV1, Department } from '@complaints/contracts';
import type { HandlerLoad } from '../../domain/handler';
import type { EarlierMatter, EarlierMatterQuery } from '../repeat-complaints/matter.store';
import { NewDecision, RoutingDecisionStore, RoutingSession } from '../route-complaint/routing-decision.store';
import type { InMemoryRoutingDatabase, RoutingTables } from './in-memory-routing-database';

/** Routing decisions in memory, at most one per complaint, with their assignments and matters. */
export class InMemoryRoutingDecisionStore extends RoutingDecisionStore {
  /** Decisions another router commits while this one's transaction runs (seen by saveNew's conflict, as in PostgreSQL). */
  private readonly racing: ComplaintRoutedV1[] = [];

  constructor(private readonly db: InMemoryRoutingDatabase) {
    super();
  }

  async findMany(complaintIds: readonly string[]): Promise<Map<string, ComplaintRoutedV1>> {
    const { decisions } = await this.db.statement();
    return new Map(complaintIds.flatMap((id) => (decisions.has(id) ? [[id, structuredClone(decisions.get(id)!)] as const] : [])));
  }

  inTransaction<R>(work: (session: RoutingSession) => Promise<R>): Promise<R> {
    return this.db.transaction((tables) => work(new InMemoryRoutingSession(this.db, tables, this.racing)));
  }

  /** Another router stores this decision while the next transaction of this one runs. */
  storedMeanwhileByAnotherRouter(event: ComplaintRoutedV1): void {
    this.racing.push(event);
  }
}

class InMemoryRoutingSession implements RoutingSession {
  constructor(
    private readonly db: InMemoryRoutingDatabase,
    private readonly tables: RoutingTables,
    private readonly racing: ComplaintRoutedV1[],
  ) {}

  async lockAndFindStored(
    _locks: { customers: readonly string[]; departments: readonly Department[] },
    complaintIds: readonly string[],
  ): Promise<Map<string, ComplaintRoutedV1>> {
    await Promise.resolve();
    const { decisions } = this.tables;
    return new Map(complaintIds.flatMap((id) => (decisions.has(id) ? [[id, structuredClone(decisions.get(id)!)] as const] : [])));
  }

  async lookUp(
    queries: readonly EarlierMatterQuery[],
    departments: readonly Department[],
  ): Promise<{ earlier: (EarlierMatter | null)[]; loads: HandlerLoad[] }> {
    await Promise.resolve();
    const matters = [...this.tables.matters.values()];
    const earlier = queries.map((q) => {
      const found = matters
        .filter(
          (m) =>
            m.open &&
            m.complaintId !== q.complaintId &&
            m.product === q.product &&
            m.reason === q.reason &&
            Date.parse(m.receivedAt) >= q.since.getTime() &&
            Date.parse(m.receivedAt) <= q.until.getTime() &&
            (q.customerFingerprint === null || m.customerFingerprint === null || m.customerFingerprint === q.customerFingerprint) &&
            (q.kind === 'merge' ? m.verifiedFingerprints : m.fingerprints).some((f) => q.fingerprints.includes(f)),
        )
        .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.complaintId.localeCompare(b.complaintId))[0];
      return found ? { complaintId: found.complaintId, reference: found.reference, receivedAt: found.receivedAt } : null;
    });
    const loads = [...this.tables.handlers.values()]
      .filter((h) => h.active && departments.includes(h.department))
      .map((handler) => ({ handler: structuredClone(handler), openCases: this.db.openCases(this.tables, handler.id) }));
    return { earlier, loads };
  }

  async saveNew(decisions: readonly NewDecision[]): Promise<Set<string>> {
    await Promise.resolve();
    for (const event of this.racing.splice(0)) {
      // Committed by the other router: it stays whatever becomes of this transaction.
      this.tables.decisions.set(event.complaint.complaintId, event);
      this.db.tables.decisions.set(event.complaint.complaintId, event);
    }
    const saved = new Set<string>();
    for (const { event, matter, assignment } of decisions) {
      const id = event.complaint.complaintId;
      if (this.tables.decisions.has(id)) continue;
      this.tables.decisions.set(id, structuredClone(event));
      this.tables.assignments.set(id, { ...structuredClone(assignment), open: true });
      if (matter) this.tables.matters.set(id, { ...structuredClone(matter), open: true });
      saved.add(id);
    }
    return saved;
  }
}
