import type { Evidence } from '@complaints/contracts';
import type { ComplaintSubmissionRecord, ReserveOutcome } from '@complaints/intake';

/** An app submission the intake issued a reference for; `pending` until Kafka acknowledged it. */
export interface SubmissionRecord extends ComplaintSubmissionRecord {
  customerId: string;
  /** The customer's Idempotency-Key (required from the app), unique per customer. */
  idempotencyKey: string;
}

/** Port: the intake's record of what it issued, with the evidence files, keyed per customer. */
export abstract class SubmissionStore {
  abstract findByKey(customerId: string, idempotencyKey: string): Promise<SubmissionRecord | null>;
  /** Stores the submission and its evidence together before it is published; refuses a taken reference or key. */
  abstract reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome>;
  abstract markAccepted(complaintId: string): Promise<void>;
}
