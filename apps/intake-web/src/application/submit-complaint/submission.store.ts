import type { ComplaintReceivedV1, Evidence } from '@complaints/contracts';

/** An accepted (or in-flight) web submission, kept for idempotent replays and unique references. */
export interface SubmissionRecord {
  complaintId: string;
  reference: string;
  idempotencyKey: string | null;
  requestHash: string;
  status: 'pending' | 'accepted';
  event: ComplaintReceivedV1;
  receivedAt: Date;
}

export type ReserveResult = 'reserved' | 'reference-taken' | 'key-taken';

/** Port: the intake's own record of what it issued. */
export abstract class SubmissionStore {
  abstract findByKey(idempotencyKey: string): Promise<SubmissionRecord | null>;
  abstract findByReference(reference: string): Promise<SubmissionRecord | null>;
  /** Records a submission and its evidence files before it is published; refuses a reference or key already issued. */
  abstract reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveResult>;
  abstract markAccepted(complaintId: string): Promise<void>;
}

/** Port: publishes `complaints.received.v1`; throws when Kafka did not acknowledge. */
export abstract class ReceivedComplaintPublisher {
  abstract publish(event: ComplaintReceivedV1): Promise<void>;
}

/** The intake's store (PostgreSQL) did not answer. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}
