import type { CaseEventV1, Channel, Department, Priority } from '@complaints/contracts';
import type { Case, TimelineEntry } from '../domain/case';
import type { CaseActor } from '../domain/case-actor';
import type { CaseStatus } from '../domain/case-status';

export interface CaseFilter {
  /** Departments the caller may see; undefined means all. */
  departments?: readonly Department[];
  status?: CaseStatus;
  priority?: Priority;
  assignee?: string;
  unassigned?: boolean;
  escalated?: boolean;
  /** Only cases whose decision is due before this time. */
  dueBefore?: Date;
  limit: number;
  offset: number;
}

/** A change ready to be stored: the case after it, its events, and what the audit trail records. */
export interface PreparedChange {
  case: Case;
  events: CaseEventV1[];
  action: string;
  actor: CaseActor;
  at: Date;
  nextAlertAt: Date | null;
}

/** A customer's survey answer as the case keeps it: one per case and customer (`customerKey`, see answeringCustomer). */
export interface CustomerAnswer {
  customerKey: string;
  responseEventId: string;
  channel: Channel;
  score: number;
  at: Date;
}

/** The customer already answered the case's survey: the change is not stored (nothing changes, no event). */
export class AlreadyAnsweredError extends Error {
  constructor(readonly earlier: Pick<CustomerAnswer, 'responseEventId' | 'score' | 'at'>) {
    super(`the customer already answered this case's survey (score ${earlier.score})`);
  }
}

export interface AuditEntry {
  action: string;
  actorType: string;
  actorId: string;
  actorRoles: string[];
  at: Date;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  eventIds: string[];
}

/** A case to open: the case with its first events and audit entry, and the timeline entries before its events. */
export interface Opening {
  change: PreparedChange;
  timeline: TimelineEntry[];
}

/** The writes of one transaction (see CaseRepository.write). */
export interface CaseWriter {
  /**
   * Creates the cases that do not exist yet (by complaint id), each with its timeline entries, audit
   * entry and outbox events, all at once; for each opening, whether it created its case (a complaint
   * named twice is created once, by its first opening).
   */
  createIfAbsent(openings: readonly Opening[]): Promise<boolean[]>;
  /** As CaseRepository.change, in this transaction. */
  change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null>;
}

/** Port: the case store. Every write stores the case, its timeline, its audit entry and its outbox events in one transaction. */
export abstract class CaseRepository {
  /** CaseWriter.createIfAbsent in a transaction of its own (one statement). */
  abstract createIfAbsent(openings: readonly Opening[]): Promise<boolean[]>;
  /** Runs `work` in one transaction: everything it writes is committed together, or nothing if it throws. */
  abstract write<T>(work: (writer: CaseWriter) => Promise<T>): Promise<T>;
  /**
   * Locks the case, lets `decide` compute the change from its current state (it may throw to refuse),
   * and stores the result; null when there is no such case. With `answer`, it first files the customer
   * answer that it names for the current case, and throws AlreadyAnsweredError (storing nothing, not
   * calling `decide`) when the same customer's answer is already filed. A change without events only
   * updates when the SLA watcher next looks at the case.
   */
  abstract change(
    reference: string,
    decide: (current: Case) => PreparedChange,
    answer?: (current: Case) => CustomerAnswer,
  ): Promise<PreparedChange | null>;
  abstract findByReference(reference: string): Promise<{ case: Case; timeline: TimelineEntry[] } | null>;
  /** The reference of the customer's latest case on this channel that has an answer awaiting their rating (RESPONDED or RESOLVED). */
  abstract findAwaitingSurvey(channel: Channel, identity: { customerId?: string; openId?: string; uid?: string }): Promise<string | null>;
  abstract list(filter: CaseFilter): Promise<{ items: Case[]; total: number }>;
  abstract auditTrail(reference: string): Promise<AuditEntry[]>;
  /** References of the cases the SLA watcher must look at by `now`. */
  abstract dueForAlerts(now: Date, limit: number): Promise<string[]>;
}
