import { randomUUID } from 'node:crypto';
import { complaintIdFor, ComplaintReceivedV1, Evidence, newReference } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { fingerprint, MOBILE_SOURCE_SYSTEM, MobileSubmission, normaliseMobileSubmission } from '../../domain/mobile-submission';
import { ReceivedComplaintPublisher, SubmissionRecord, SubmissionStore } from './submission.store';

export interface SubmitComplaintCommand {
  customerId: string;
  idempotencyKey: string;
  submission: MobileSubmission;
  evidence: readonly Evidence[];
  correlationId: string;
}

export interface SubmitComplaintResult {
  reference: string;
  complaintId: string;
  receivedAt: string;
  attachments: Array<{ id: string; contentType: string; sizeBytes: number; sha256: string }>;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** The customer sent this Idempotency-Key before with a different request. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Accepts an app complaint: stores it with its evidence (unique reference, idempotency key per
 * customer), publishes `complaints.received.v1` and only then reports success. A retry with the
 * same key and body (a flaky mobile network) answers the same reference, publishing again if the
 * first attempt was not acknowledged, so one submission never makes two cases.
 */
export class SubmitComplaintUseCase {
  constructor(
    private readonly store: SubmissionStore,
    private readonly publisher: ReceivedComplaintPublisher,
    private readonly cipher: PiiCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: SubmitComplaintCommand): Promise<SubmitComplaintResult> {
    const requestHash = fingerprint(command.submission, command.evidence);
    const existing = await this.store.findByKey(command.customerId, command.idempotencyKey);
    if (existing) return this.replay(existing, requestHash);
    const receivedAt = this.now();
    const complaintId = complaintIdFor('mobile', MOBILE_SOURCE_SYSTEM, `${command.customerId}|${command.idempotencyKey}`);
    for (let attempt = 1; attempt <= MAX_REFERENCE_ATTEMPTS; attempt++) {
      const record = this.newRecord(command, { complaintId, receivedAt, requestHash });
      const outcome = await this.store.reserve(record, command.evidence);
      if (outcome === 'reserved') return this.publish(record, false);
      if (outcome === 'key-taken') {
        // A concurrent retry with the same key won the race: answer as it did.
        const winner = await this.store.findByKey(command.customerId, command.idempotencyKey);
        if (winner) return this.replay(winner, requestHash);
      }
    }
    throw new Error(`could not allocate a unique reference in ${MAX_REFERENCE_ATTEMPTS} attempts`);
  }

  private async replay(existing: SubmissionRecord, requestHash: string): Promise<SubmitComplaintResult> {
    if (existing.requestHash !== requestHash) {
      throw new IdempotencyKeyReusedError('This Idempotency-Key was already used with a different request.');
    }
    return existing.status === 'accepted' ? result(existing, true) : this.publish(existing, true);
  }

  private async publish(record: SubmissionRecord, replayed: boolean): Promise<SubmitComplaintResult> {
    await this.publisher.publish(record.event);
    await this.store.markAccepted(record.complaintId);
    return result(record, replayed);
  }

  private newRecord(command: SubmitComplaintCommand, ids: { complaintId: string; receivedAt: Date; requestHash: string }): SubmissionRecord {
    const reference = newReference('mobile', ids.receivedAt);
    const complaint = normaliseMobileSubmission(
      command.submission,
      command.evidence,
      { complaintId: ids.complaintId, reference, customerId: command.customerId, idempotencyKey: command.idempotencyKey, receivedAt: ids.receivedAt },
      this.cipher,
    );
    const event = Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1 as const,
      occurredAt: ids.receivedAt.toISOString(),
      correlationId: command.correlationId,
      causationId: null,
      source: 'intake-mobile',
      complaint,
    });
    return {
      complaintId: ids.complaintId,
      customerId: command.customerId,
      idempotencyKey: command.idempotencyKey,
      reference,
      requestHash: ids.requestHash,
      status: 'pending',
      event,
      receivedAt: ids.receivedAt,
    };
  }
}

function result(record: SubmissionRecord, replayed: boolean): SubmitComplaintResult {
  return {
    reference: record.reference,
    complaintId: record.complaintId,
    receivedAt: record.receivedAt.toISOString(),
    attachments: (record.event.complaint.content.attachments ?? []).map((a) => ({ id: a.id, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    replayed,
  };
}
