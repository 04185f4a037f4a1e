import { randomUUID } from 'node:crypto';
import { CaseStatus, satisfactionResponse } from '@complaints/contracts';
import { CustomerResponsePublisher, IdempotentAcceptance } from '@complaints/intake';
import { isRateable, ratingFingerprint, SatisfactionRating } from '../../domain/satisfaction-rating';
import { ComplaintViewStore } from '../track-complaints/complaint-view.store';
import { ComplaintNotFoundError } from '../track-complaints/view-my-complaints.use-case';
import { RatingRecord, RatingStore } from './rating.store';

export interface RateComplaintCommand {
  customerId: string;
  idempotencyKey: string;
  reference: string;
  rating: SatisfactionRating;
  correlationId: string;
}

export interface RateComplaintResult {
  reference: string;
  score: number;
  receivedAt: string;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** The complaint has no answer yet (its case is not responded, resolved or closed). */
export class ComplaintNotRateableError extends Error {
  readonly code = 'COMPLAINT_NOT_RATEABLE';
  constructor(readonly status: CaseStatus) {
    super(`This complaint has no answer yet (it is ${status}); you can rate it once we have responded.`);
  }
}

/**
 * The customer rates the handling of their own app complaint (the survey sent on resolution): once
 * its case has an answer, as the intake's view of the case events shows. The rating is stored under
 * the customer's Idempotency-Key, then published as `complaints.customer-responses.v1` for the cases
 * service to record; a retry with the same key and body answers the same (publishing again, with the
 * same event id, if the first attempt was not acknowledged), another body is refused.
 */
export class RateComplaintUseCase {
  private readonly acceptance: IdempotentAcceptance<RatingRecord, RateComplaintResult>;

  constructor(
    private readonly ratings: RatingStore,
    private readonly complaints: ComplaintViewStore,
    publisher: CustomerResponsePublisher,
    private readonly source: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.acceptance = new IdempotentAcceptance({
      publish: (event) => publisher.publish(event),
      markAccepted: (record) => ratings.markAccepted(record.customerId, record.idempotencyKey),
      answer: result,
    });
  }

  async execute(command: RateComplaintCommand): Promise<RateComplaintResult> {
    const requestHash = ratingFingerprint(command.reference, command.rating);
    const existing = await this.ratings.findByKey(command.customerId, command.idempotencyKey);
    if (existing) return this.acceptance.replay(existing, requestHash);
    const complaint = await this.complaints.findFor(command.customerId, command.reference);
    if (!complaint) throw new ComplaintNotFoundError(`No complaint ${command.reference} was found for you.`);
    if (!isRateable(complaint.status)) throw new ComplaintNotRateableError(complaint.status);
    const receivedAt = this.now();
    const record: RatingRecord = {
      customerId: command.customerId,
      idempotencyKey: command.idempotencyKey,
      complaintId: complaint.complaintId,
      reference: complaint.reference,
      requestHash,
      status: 'pending',
      receivedAt,
      event: satisfactionResponse({
        eventId: randomUUID(),
        source: this.source,
        channel: 'mobile',
        reference: complaint.reference,
        complaintId: complaint.complaintId,
        identity: { customerId: command.customerId },
        score: command.rating.score,
        comment: command.rating.comment,
        correlationId: command.correlationId,
        receivedAt,
      }),
    };
    // One attempt: a rating draws no reference of its own, so only its key can be taken.
    if ((await this.ratings.reserve(record)) === 'key-taken') {
      // A concurrent retry with the same key won the race: answer as it did.
      const winner = await this.ratings.findByKey(command.customerId, command.idempotencyKey);
      if (winner) return this.acceptance.replay(winner, requestHash);
    }
    return this.acceptance.publish(record, false);
  }
}

function result(record: RatingRecord, replayed: boolean): RateComplaintResult {
  return { reference: record.reference, score: record.event.satisfaction.score, receivedAt: record.receivedAt.toISOString(), replayed };
}
