import type { CustomerResponseV1 } from '@complaints/contracts';
import type { IdempotentRecord } from '@complaints/intake';

/** A rating the customer sent, keyed by their Idempotency-Key; `pending` until Kafka acknowledged it. */
export interface RatingRecord extends IdempotentRecord<CustomerResponseV1> {
  customerId: string;
  idempotencyKey: string;
  complaintId: string;
}

/** Port: the ratings the app sent (PostgreSQL), one per customer and Idempotency-Key. */
export abstract class RatingStore {
  abstract findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null>;
  /** Stores the rating before it is published; `key-taken` when a concurrent request with the key won. */
  abstract reserve(record: RatingRecord): Promise<'reserved' | 'key-taken'>;
  abstract markAccepted(customerId: string, idempotencyKey: string): Promise<void>;
}
