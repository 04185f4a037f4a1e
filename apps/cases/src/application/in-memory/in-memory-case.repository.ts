import type { CaseEventV1, Channel } from '@complaints/contracts';
import { CASE_CUSTOMER } from '../../domain/answering-customer';
import type { Case, TimelineEntry } from '../../domain/case';
import {
  AlreadyAnsweredError,
  AuditEntry,
  CaseFilter,
  CaseRepository,
  CaseWriter,
  CustomerAnswer,
  Opening,
  PreparedChange,
} from '../case.repository';

interface Stored {
  case: Case;
  nextAlertAt: Date | null;
  /** Order of the last write (the adapter's updated_at). */
  writtenAt: number;
}

interface State {
  cases: Map<string, Stored>;
  timeline: Map<string, TimelineEntry[]>;
  audit: Map<string, AuditEntry[]>;
  answers: Map<string, CustomerAnswer>;
  /** The outbox: events stored with their change, not yet handed to the relay. */
  outbox: CaseEventV1[];
  writes: number;
}

/**
 * The case store in memory, for unit tests of the use cases: a transaction works on a copy of the
 * state that replaces it only when the work returns (a throw leaves nothing behind), one answer per
 * case and customer, a change without events only moves the SLA watcher's next look.
 */
export class InMemoryCaseRepository extends CaseRepository {
  private state: State = { cases: new Map(), timeline: new Map(), audit: new Map(), answers: new Map(), outbox: [], writes: 0 };
  /** When set, every call fails as a database that does not answer would. */
  unavailable: Error | null = null;

  createIfAbsent(openings: readonly Opening[]): Promise<boolean[]> {
    return this.write((writer) => writer.createIfAbsent(openings));
  }

  async write<T>(work: (writer: CaseWriter) => Promise<T>): Promise<T> {
    await this.check();
    const draft = structuredClone(this.state);
    const result = await work(new InMemoryCaseWriter(draft));
    this.state = draft;
    return result;
  }

  change(reference: string, decide: (current: Case) => PreparedChange, answer?: (current: Case) => CustomerAnswer) {
    return this.write((writer) => writer.change(reference, decide, answer));
  }

  async findByReference(reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null> {
    await this.check();
    const found =
      this.all().find((s) => s.case.reference === reference) ??
      this.all().find((s) => s.case.lifecycle.linkedComplaints.some((l) => l.reference === reference));
    return found ? structuredClone({ case: found.case, timeline: this.state.timeline.get(found.case.complaintId) ?? [] }) : null;
  }

  async findAwaitingSurvey(channel: Channel, identity: { customerId?: string; openId?: string; uid?: string }): Promise<string | null> {
    await this.check();
    if (!identity.customerId && !identity.openId && !identity.uid) return null;
    const awaiting = this.all()
      .filter(({ case: c }) => c.channel === channel && (c.status === 'RESPONDED' || c.status === 'RESOLVED'))
      .filter(({ case: c }) => !this.state.answers.has(answerKey(c.complaintId, CASE_CUSTOMER)))
      .filter(
        ({ case: c }) =>
          (identity.customerId && c.customer.customerId === identity.customerId) ||
          (identity.openId && c.customer.contact.openId === identity.openId) ||
          (identity.uid && c.customer.contact.uid === identity.uid),
      )
      .sort((a, b) => b.writtenAt - a.writtenAt);
    return awaiting[0]?.case.reference ?? null;
  }

  async list(filter: CaseFilter): Promise<{ items: Case[]; total: number }> {
    await this.check();
    const matching = this.all()
      .map((s) => s.case)
      .filter((c) => !filter.departments || filter.departments.includes(c.department))
      .filter((c) => !filter.status || c.status === filter.status)
      .filter((c) => !filter.priority || c.priority === filter.priority)
      .filter((c) => !filter.assignee || c.assignee === filter.assignee)
      .filter((c) => !filter.unassigned || c.assignee === null)
      .filter((c) => filter.escalated === undefined || c.escalation === filter.escalated)
      .filter(
        (c) =>
          !filter.dueBefore ||
          c.sla.decisionDueAt <= filter.dueBefore ||
          (c.sla.firstFeedbackAt === null && c.sla.feedbackDueAt <= filter.dueBefore),
      )
      .sort((a, b) => a.sla.decisionDueAt.getTime() - b.sla.decisionDueAt.getTime() || a.receivedAt.getTime() - b.receivedAt.getTime());
    return structuredClone({ items: matching.slice(filter.offset, filter.offset + filter.limit), total: matching.length });
  }

  async auditTrail(reference: string): Promise<AuditEntry[]> {
    await this.check();
    return structuredClone(this.state.audit.get(reference) ?? []);
  }

  async dueForAlerts(now: Date, limit: number): Promise<string[]> {
    await this.check();
    return this.all()
      .filter((s) => s.nextAlertAt !== null && s.nextAlertAt <= now && s.case.status !== 'ARCHIVED')
      .sort((a, b) => a.nextAlertAt!.getTime() - b.nextAlertAt!.getTime())
      .slice(0, limit)
      .map((s) => s.case.reference);
  }

  /** For arranging: puts a case in the store as it stands (no timeline, audit or events). */
  put(c: Case, nextAlertAt: Date | null): void {
    this.state.cases.set(c.complaintId, { case: structuredClone(c), nextAlertAt, writtenAt: ++this.state.writes });
  }

  /** For assertions: the stored case (without going through a port method). */
  stored(reference: string): { case: Case; nextAlertAt: Date | null } | undefined {
    const found = this.all().find((s) => s.case.reference === reference);
    return found && structuredClone({ case: found.case, nextAlertAt: found.nextAlertAt });
  }

  /** The outbox's events, oldest first; `take` empties it (what the relay does once Kafka acknowledged). */
  pendingEvents(): CaseEventV1[] {
    return structuredClone(this.state.outbox);
  }

  takePendingEvents(): CaseEventV1[] {
    const taken = this.state.outbox;
    this.state.outbox = [];
    return taken;
  }

  answers(): CustomerAnswer[] {
    return structuredClone([...this.state.answers.values()]);
  }

  private all(): Stored[] {
    return [...this.state.cases.values()];
  }

  /** Every call answers asynchronously, as a database does; or fails when it is unavailable. */
  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
  }
}

const answerKey = (complaintId: string, customerKey: string) => `${complaintId}|${customerKey}`;

class InMemoryCaseWriter implements CaseWriter {
  constructor(private readonly state: State) {}

  async createIfAbsent(openings: readonly Opening[]): Promise<boolean[]> {
    await Promise.resolve();
    return openings.map(({ change, timeline }) => {
      const c = change.case;
      if (this.state.cases.has(c.complaintId)) return false;
      if ([...this.state.cases.values()].some((s) => s.case.reference === c.reference)) {
        throw new Error(`the reference ${c.reference} is already used by another complaint`);
      }
      this.record(null, change, timeline);
      return true;
    });
  }

  async change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null> {
    await Promise.resolve();
    const stored = [...this.state.cases.values()].find((s) => s.case.reference === reference);
    if (!stored) return null;
    const before = structuredClone(stored.case);
    if (answer) {
      const filed = answer(before);
      const key = answerKey(before.complaintId, filed.customerKey);
      const earlier = this.state.answers.get(key);
      if (earlier) throw new AlreadyAnsweredError({ responseEventId: earlier.responseEventId, score: earlier.score, at: earlier.at });
      this.state.answers.set(key, filed);
    }
    const change = decide(before);
    if (change.events.length === 0) {
      stored.nextAlertAt = change.nextAlertAt;
      return change;
    }
    this.record(before, change, []);
    return change;
  }

  private record(before: Case | null, change: PreparedChange, timeline: readonly TimelineEntry[]): void {
    const c = structuredClone(change.case);
    this.state.cases.set(c.complaintId, { case: c, nextAlertAt: change.nextAlertAt, writtenAt: ++this.state.writes });
    const entries = change.events.map((e): TimelineEntry => ({
      type: e.eventType.replace(/^case\./, ''),
      at: new Date(e.at),
      actor: `${e.actor.type}:${e.actor.id}`,
      sourceEventId: e.eventId,
      details: { customerVisible: e.customerVisible, message: e.message, ...e.data },
    }));
    this.state.timeline.set(c.complaintId, [...(this.state.timeline.get(c.complaintId) ?? []), ...timeline, ...entries]);
    const trail = this.state.audit.get(c.reference) ?? [];
    trail.push({
      action: change.action,
      actorType: change.actor.type,
      actorId: change.actor.id,
      actorRoles: [...change.actor.roles],
      at: change.at,
      before: before && auditState(before),
      after: auditState(c),
      eventIds: change.events.map((e) => e.eventId),
    });
    this.state.audit.set(c.reference, trail);
    this.state.outbox.push(...structuredClone(change.events));
  }
}

function auditState(c: Case): Record<string, unknown> {
  const { status, department, assignee, priority, escalation, sla, lifecycle } = c;
  return structuredClone({ status, department, assignee, priority, escalation, sla, lifecycle });
}
