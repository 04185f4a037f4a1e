import type { Evidence } from '@complaints/contracts';
import type { ComplaintSubmissionRecord, ReserveOutcome } from '@complaints/intake';

/** An accepted (or in-flight) web submission, kept for idempotent replays and unique references. */
export interface SubmissionRecord extends ComplaintSubmissionRecord {
  /** The customer's Idempotency-Key; web customers may send none. */
  idempotencyKey: string | null;
}

/** Port: the intake's own record of what it issued. */
export abstract class SubmissionStore {
  abstract findByKey(idempotencyKey: string): Promise<SubmissionRecord | null>;
  abstract findByReference(reference: string): Promise<SubmissionRecord | null>;
  /** Records a submission and its evidence files before it is published; refuses a reference or key already issued. */
  abstract reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome>;
  abstract markAccepted(complaintId: string): Promise<void>;
}
