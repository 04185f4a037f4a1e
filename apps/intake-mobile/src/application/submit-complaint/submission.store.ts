import { ComplaintReceivedV1, Evidence } from '@complaints/contracts';

/** An app submission the intake issued a reference for; `pending` until Kafka acknowledged it. */
export interface SubmissionRecord {
  complaintId: string;
  customerId: string;
  idempotencyKey: string;
  reference: string;
  requestHash: string;
  status: 'pending' | 'accepted';
  event: ComplaintReceivedV1;
  receivedAt: Date;
}

export type ReserveResult = 'reserved' | 'reference-taken' | 'key-taken';

/** Port: the intake's record of what it issued, with the evidence files, keyed per customer. */
export abstract class SubmissionStore {
  abstract findByKey(customerId: string, idempotencyKey: string): Promise<SubmissionRecord | null>;
  /** Stores the submission and its evidence together before it is published; refuses a taken reference or key. */
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
