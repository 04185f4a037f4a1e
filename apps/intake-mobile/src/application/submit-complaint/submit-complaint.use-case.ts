import { complaintIdFor, Evidence, newReference } from '@complaints/contracts';
import { ReceivedComplaintPublisher, receivedComplaintEvent, SubmissionAcceptance, SubmissionResult } from '@complaints/intake';
import { PiiCipher } from '@complaints/security';
import { fingerprint, MOBILE_SOURCE_SYSTEM, MobileSubmission, normaliseMobileSubmission } from '../../domain/mobile-submission';
import { SubmissionRecord, SubmissionStore } from './submission.store';

export interface SubmitComplaintCommand {
  customerId: string;
  idempotencyKey: string;
  submission: MobileSubmission;
  evidence: readonly Evidence[];
  correlationId: string;
}

/**
 * Accepts an app complaint: stores it with its evidence (unique reference, idempotency key per
 * customer), publishes `complaints.received.v1` and only then reports success. A retry with the
 * same key and body (a flaky mobile network) answers the same reference, publishing again if the
 * first attempt was not acknowledged, so one submission never makes two cases.
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
    const requestHash = fingerprint(command.submission, command.evidence);
    const stored = () => this.store.findByKey(command.customerId, command.idempotencyKey);
    const existing = await stored();
    if (existing) return this.acceptance.replay(existing, requestHash);
    const receivedAt = this.now();
    // The key is the customer's: the same key of another customer is another complaint.
    const complaintId = complaintIdFor('mobile', MOBILE_SOURCE_SYSTEM, `${command.customerId}|${command.idempotencyKey}`);
    return this.acceptance.reserveAndPublish({
      requestHash,
      draft: () => this.newRecord(command, { complaintId, receivedAt, requestHash }),
      reserve: (record) => this.store.reserve(record, command.evidence),
      winner: stored,
    });
  }

  private newRecord(
    command: SubmitComplaintCommand,
    ids: { complaintId: string; receivedAt: Date; requestHash: string },
  ): SubmissionRecord {
    const reference = newReference('mobile', ids.receivedAt);
    const complaint = normaliseMobileSubmission(
      command.submission,
      command.evidence,
      {
        complaintId: ids.complaintId,
        reference,
        customerId: command.customerId,
        idempotencyKey: command.idempotencyKey,
        receivedAt: ids.receivedAt,
      },
      this.cipher,
    );
    return {
      complaintId: ids.complaintId,
      customerId: command.customerId,
      idempotencyKey: command.idempotencyKey,
      reference,
      requestHash: ids.requestHash,
      status: 'pending',
      event: receivedComplaintEvent(complaint, {
        source: 'intake-mobile',
        receivedAt: ids.receivedAt,
        correlationId: command.correlationId,
      }),
      receivedAt: ids.receivedAt,
    };
  }
}
