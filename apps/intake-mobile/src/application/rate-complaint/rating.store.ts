import type { CustomerResponseV1 } from '@complaints/contracts';

/** A rating the customer sent, keyed by their Idempotency-Key; `pending` until Kafka acknowledged it. */
export interface RatingRecord {
  customerId: string;
  idempotencyKey: string;
  complaintId: string;
  reference: string;
  requestHash: string;
  status: 'pending' | 'accepted';
  event: CustomerResponseV1;
  receivedAt: Date;
}

/** Port: the ratings the app sent (PostgreSQL), one per customer and Idempotency-Key. */
export abstract class RatingStore {
  abstract findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null>;
  /** Stores the rating before it is published; `key-taken` when a concurrent request with the key won. */
  abstract reserve(record: RatingRecord): Promise<'reserved' | 'key-taken'>;
  abstract markAccepted(customerId: string, idempotencyKey: string): Promise<void>;
}

/** Port: publishes `complaints.customer-responses.v1`; throws when Kafka did not acknowledge. */
export abstract class CustomerResponsePublisher {
  abstract publish(response: CustomerResponseV1): Promise<void>;
}
