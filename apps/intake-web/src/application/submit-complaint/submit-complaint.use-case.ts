import { complaintIdFor, Evidence, newReference } from '@complaints/contracts';
import { ReceivedComplaintPublisher, receivedComplaintEvent, SubmissionAcceptance, SubmissionResult } from '@complaints/intake';
import { PiiCipher } from '@complaints/security';
import { fingerprint, normaliseWebSubmission, WEB_SOURCE_SYSTEM, WebSubmission } from '../../domain/web-submission';
import { SubmissionRecord, SubmissionStore } from './submission.store';

export interface SubmitComplaintCommand {
  submission: WebSubmission;
  /** Checked evidence files (checkEvidence); none when the customer attached nothing. */
  evidence?: readonly Evidence[];
  idempotencyKey?: string;
  correlationId: string;
}

/**
 * Accepts a web complaint: records it (unique reference, idempotency key), publishes
 * `complaints.received.v1` and only then reports success. A failed publish leaves the record
 * pending; a retry with the same Idempotency-Key publishes that same complaint again, so a
 * customer never gets two references or two cases for one submission. Without a key every
 * request is a new complaint.
 */
export class SubmitComplaintUseCase {
  private readonly acceptance: SubmissionAcceptance<SubmissionRecord>;

  constructor(
    private readonly store: SubmissionStore,
    publisher: ReceivedComplaintPublisher,
    private readonly cipher: PiiCipher,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.acceptance = new SubmissionAcceptance(store, publisher);
  }

  async execute(command: SubmitComplaintCommand): Promise<SubmissionResult> {
    const evidence = command.evidence ?? [];
    const requestHash = fingerprint(command.submission, evidence);
    if (command.idempotencyKey) {
      const existing = await this.store.findByKey(command.idempotencyKey);
      if (existing) return this.acceptance.replay(existing, requestHash);
    }
    const receivedAt = this.now();
    const complaintId = command.idempotencyKey
      ? complaintIdFor('web', WEB_SOURCE_SYSTEM, command.idempotencyKey)
      : complaintIdFor('web', WEB_SOURCE_SYSTEM);
    return this.acceptance.reserveAndPublish({
      requestHash,
      draft: () => this.newRecord(command, { complaintId, receivedAt, requestHash }),
      reserve: (record) => this.store.reserve(record, evidence),
      winner: () => this.store.findByKey(command.idempotencyKey!),
    });
  }

  private newRecord(
    command: SubmitComplaintCommand,
    ids: { complaintId: string; receivedAt: Date; requestHash: string },
  ): SubmissionRecord {
    const reference = newReference('web', ids.receivedAt);
    const complaint = normaliseWebSubmission(
      command.submission,
      { complaintId: ids.complaintId, reference, receivedAt: ids.receivedAt, idempotencyKey: command.idempotencyKey },
      this.cipher,
      command.evidence ?? [],
    );
    return {
      complaintId: ids.complaintId,
      reference,
      idempotencyKey: command.idempotencyKey ?? null,
      requestHash: ids.requestHash,
      status: 'pending',
      event: receivedComplaintEvent(complaint, { source: 'intake-web', receivedAt: ids.receivedAt, correlationId: command.correlationId }),
      receivedAt: ids.receivedAt,
    };
  }
}
