import type { ComplaintRoutedV1 } from '@complaints/contracts';

/** Port: where routing decisions are kept, at most one per complaint. */
export abstract class RoutingDecisionStore {
  abstract find(complaintId: string): Promise<ComplaintRoutedV1 | null>;
  /** Stores the decision unless one exists; returns the one that is stored (first wins). */
  abstract saveIfAbsent(event: ComplaintRoutedV1): Promise<ComplaintRoutedV1>;
}

/** Port: publishes routed complaints (acks=all). */
export abstract class RoutedComplaintPublisher {
  abstract publish(event: ComplaintRoutedV1): Promise<void>;
}
