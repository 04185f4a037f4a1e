import { randomUUID } from 'node:crypto';
import { ComplaintReceivedV1, ComplaintV1 } from '@complaints/contracts';
import { IdempotentAcceptance, IdempotentRecord } from './idempotent-acceptance';

/** A complaint an intake issued a reference for, kept for idempotent replays and unique references. */
export interface ComplaintSubmissionRecord extends IdempotentRecord<ComplaintReceivedV1> {
  complaintId: string;
}

/** What an intake answers for an accepted complaint. */
export interface SubmissionResult {
  reference: string;
  complaintId: string;
  receivedAt: string;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  attachments: Array<{ id: string; contentType: string; sizeBytes: number; sha256: string }>;
}

/** Port: publishes `complaints.received.v1`; throws when Kafka did not acknowledge. */
export abstract class ReceivedComplaintPublisher {
  abstract publish(event: ComplaintReceivedV1): Promise<void>;
}

/** The `complaints.received.v1` event of a complaint an intake (`source`) received. */
export function receivedComplaintEvent(
  complaint: ComplaintV1,
  fields: { source: string; receivedAt: Date; correlationId: string },
): ComplaintReceivedV1 {
  return Object.assign(new ComplaintReceivedV1(), {
    eventId: randomUUID(),
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1 as const,
    occurredAt: fields.receivedAt.toISOString(),
    correlationId: fields.correlationId,
    causationId: null,
    source: fields.source,
    complaint,
  });
}

/** The answer for a stored submission: its reference and the evidence it carries (metadata only). */
export function submissionResult(record: ComplaintSubmissionRecord, replayed: boolean): SubmissionResult {
  return {
    reference: record.reference,
    complaintId: record.complaintId,
    receivedAt: record.receivedAt.toISOString(),
    replayed,
    attachments: (record.event.complaint.content.attachments ?? []).map((a) => ({
      id: a.id,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
    })),
  };
}

/** Accepts an intake's submissions: publishes their events, marks them accepted by complaint id, answers `SubmissionResult`. */
export class SubmissionAcceptance<R extends ComplaintSubmissionRecord> extends IdempotentAcceptance<R, SubmissionResult> {
  constructor(store: { markAccepted(complaintId: string): Promise<void> }, publisher: ReceivedComplaintPublisher) {
    super({
      publish: (event) => publisher.publish(event),
      markAccepted: (record) => store.markAccepted(record.complaintId),
      answer: submissionResult,
    });
  }
}
