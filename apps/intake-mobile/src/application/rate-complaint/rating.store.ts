import type { CustomerResponseV1 } from '@complaints/contracts';
import type { IdempotentRecord } from '@complaints/intake';

/** A rating the customer sent, keyed by their Idempotency-Key; `pending` until Kafka acknowledged it. */
export interface RatingRecord extends IdempotentRecord<CustomerResponseV1> {
  customerId: string;
  idempotencyKey: string;
  complaintId: string;
}

/**
 * Port: the ratings the app sent (PostgreSQL), one per customer and Idempotency-Key, and one per
 * customer and complaint (the answer to its survey).
 */
export abstract class RatingStore {
  abstract findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null>;
  /** The rating that answered the complaint's survey for this customer, if any. */
  abstract findAnswerTo(customerId: string, complaintId: string): Promise<RatingRecord | null>;
  /**
   * Stores the rating before it is published: `key-taken` when a concurrent request with the key won,
   * `reference-taken` when the customer's complaint was rated already (under another key).
   */
  abstract reserve(record: RatingRecord): Promise<'reserved' | 'key-taken' | 'reference-taken'>;
  abstract markAccepted(customerId: string, idempotencyKey: string): Promise<void>;
}
