import type { ComplaintRoutedV1 } from '@complaints/contracts';
import type { Assignment } from '../handlers/handler.store';
import type { MatterRecord } from '../repeat-complaints/matter.store';

/** Port: where routing decisions are kept, at most one per complaint. */
export abstract class RoutingDecisionStore {
  abstract find(complaintId: string): Promise<ComplaintRoutedV1 | null>;
  /**
   * Stores the decision, the complaint's matter (if it has one) and its assignment unless a decision
   * exists, in one transaction; returns the decision that is stored (first wins).
   */
  abstract saveIfAbsent(event: ComplaintRoutedV1, matter: MatterRecord | null, assignment: Assignment): Promise<ComplaintRoutedV1>;
}

/** Port: publishes routed complaints (acks=all). */
export abstract class RoutedComplaintPublisher {
  abstract publish(event: ComplaintRoutedV1): Promise<void>;
}
