import type { ComplaintRoutedV1, Department } from '@complaints/contracts';
import type { HandlerLoad } from '../../domain/handler';
import type { Assignment } from '../handlers/handler.store';
import type { EarlierMatter, EarlierMatterQuery, MatterRecord } from '../repeat-complaints/matter.store';

/** A decision to store: the routed event, the complaint's matter (if it has one) and its assignment. */
export interface NewDecision {
  event: ComplaintRoutedV1;
  matter: MatterRecord | null;
  assignment: Assignment;
}

/** What a batch of routing decisions reads and writes, inside one transaction. */
export interface RoutingSession {
  /**
   * Takes locks held until the transaction ends: the customers' (fingerprints), so that a customer's
   * complaints on other partitions or routers see each other, and the departments' (handler loads),
   * all in one fixed order, so that two routers (or a handler change) never deadlock; then returns
   * the decisions already stored for these complaints (redelivered, or routed by another router).
   */
  lockAndFindStored(
    locks: { customers: readonly string[]; departments: readonly Department[] },
    complaintIds: readonly string[],
  ): Promise<Map<string, ComplaintRoutedV1>>;
  /**
   * Per query, the earliest received open matter it repeats (see EarlierMatterQuery) or null; and the
   * active handlers of these departments with their open cases.
   */
  lookUp(
    queries: readonly EarlierMatterQuery[],
    departments: readonly Department[],
  ): Promise<{ earlier: (EarlierMatter | null)[]; loads: HandlerLoad[] }>;
  /**
   * Stores each decision with its assignment and matter unless the complaint already has a decision
   * (another router got there first); returns the complaint ids it stored.
   */
  saveNew(decisions: readonly NewDecision[]): Promise<Set<string>>;
}

/** Port: where routing decisions are kept, at most one per complaint. */
export abstract class RoutingDecisionStore {
  /** The stored decisions of these complaints, by complaint id. */
  abstract findMany(complaintIds: readonly string[]): Promise<Map<string, ComplaintRoutedV1>>;
  /** Runs `work` in one transaction: everything it does commits together, or nothing does. */
  abstract inTransaction<R>(work: (session: RoutingSession) => Promise<R>): Promise<R>;
}

/** Port: publishes routed complaints (acks=all), all of them in one request. */
export abstract class RoutedComplaintPublisher {
  abstract publishAll(events: readonly ComplaintRoutedV1[]): Promise<void>;
}
