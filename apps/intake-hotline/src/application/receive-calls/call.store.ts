import type { ComplaintReceivedV1 } from '@complaints/contracts';

/** A call the intake issued a reference for. `pending` until Kafka acknowledged its complaint. */
export interface CallRecord {
  callcenterId: string;
  callId: string;
  complaintId: string;
  reference: string;
  status: 'pending' | 'accepted';
  event: ComplaintReceivedV1;
  receivedAt: Date;
}

/** Port: the intake's own record of the calls it took in, unique per (call centre, callId) and per reference. */
export abstract class CallStore {
  abstract findByCallIds(callcenterId: string, callIds: readonly string[]): Promise<CallRecord[]>;
  /** Inserts the records that do not clash with an existing call or reference; returns the complaintIds inserted. */
  abstract reserve(records: readonly CallRecord[]): Promise<Set<string>>;
  abstract markAccepted(complaintIds: readonly string[]): Promise<void>;
}

/** Port: publishes `complaints.received.v1` for many complaints at once; throws when Kafka did not acknowledge. */
export abstract class ReceivedComplaintsPublisher {
  abstract publishAll(events: readonly ComplaintReceivedV1[]): Promise<void>;
}

/** The intake's store (PostgreSQL) did not answer. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}
