import { randomUUID } from 'node:crypto';
import { ComplaintReceivedV1, complaintIdFor, Evidence, newReference } from '@complaints/contracts';
import { PiiCipher } from '@complaints/security';
import { fingerprint, normaliseWebSubmission, WEB_SOURCE_SYSTEM, WebSubmission } from '../../domain/web-submission';
import { ReceivedComplaintPublisher, SubmissionRecord, SubmissionStore } from './submission.store';

export interface SubmitComplaintCommand {
  submission: WebSubmission;
  /** Checked evidence files (checkEvidence); none when the customer attached nothing. */
  evidence?: readonly Evidence[];
  idempotencyKey?: string;
  correlationId: string;
}

export interface SubmitComplaintResult {
  reference: string;
  complaintId: string;
  receivedAt: string;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  attachments: Array<{ id: string; contentType: string; sizeBytes: number; sha256: string }>;
}

/** The same Idempotency-Key was sent with a different request body. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Accepts a web complaint: records it (unique reference, idempotency key), publishes
 * `complaints.received.v1` and only then reports success. A failed publish leaves the record
 * pending; a retry with the same Idempotency-Key publishes that same complaint again, so a
 * customer never gets two references or two cases for one submission.
 */
export class SubmitComplaintUseCase {
  constructor(
    private readonly store: SubmissionStore,
    private readonly publisher: ReceivedComplaintPublisher,
    private readonly cipher: PiiCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: SubmitComplaintCommand): Promise<SubmitComplaintResult> {
    const evidence = command.evidence ?? [];
    const requestHash = fingerprint(command.submission, evidence);
    if (command.idempotencyKey) {
      const existing = await this.store.findByKey(command.idempotencyKey);
      if (existing) return this.replay(existing, requestHash);
    }
    const receivedAt = this.now();
    const complaintId = command.idempotencyKey ? complaintIdFor('web', WEB_SOURCE_SYSTEM, command.idempotencyKey) : complaintIdFor('web', WEB_SOURCE_SYSTEM);
    for (let attempt = 1; attempt <= MAX_REFERENCE_ATTEMPTS; attempt++) {
      const record = this.newRecord(command, { complaintId, receivedAt, requestHash });
      const outcome = await this.store.reserve(record, evidence);
      if (outcome === 'reserved') return this.publish(record, false);
      if (outcome === 'key-taken') {
        // A concurrent request with the same key won the race: answer as it did.
        const winner = await this.store.findByKey(command.idempotencyKey!);
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
    const reference = newReference('web', ids.receivedAt);
    const complaint = normaliseWebSubmission(
      command.submission,
      { complaintId: ids.complaintId, reference, receivedAt: ids.receivedAt, idempotencyKey: command.idempotencyKey },
      this.cipher,
      command.evidence ?? [],
    );
    const event = Object.assign(new ComplaintReceivedV1(), {
      eventId: randomUUID(),
      eventType: ComplaintReceivedV1.type,
      eventVersion: 1 as const,
      occurredAt: ids.receivedAt.toISOString(),
      correlationId: command.correlationId,
      causationId: null,
      source: 'intake-web',
      complaint,
    });
    return {
      complaintId: ids.complaintId,
      reference,
      idempotencyKey: command.idempotencyKey ?? null,
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
    replayed,
    attachments: (record.event.complaint.content.attachments ?? []).map((a) => ({ id: a.id, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
  };
}
