import { randomUUID } from 'node:crypto';
import { CaseStatus, satisfactionResponse } from '@complaints/contracts';
import { CustomerResponsePublisher, IdempotentAcceptance, StoreUnavailableError } from '@complaints/intake';
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

/** How long a stored rating may still be on its way to Kafka from the request that stored it. */
const IN_FLIGHT_MS = 30_000;

/** The customer answered this complaint's survey already (under another Idempotency-Key): one answer per complaint. */
export class ComplaintAlreadyRatedError extends Error {
  readonly code = 'COMPLAINT_ALREADY_RATED';
  constructor(readonly earlier: { reference: string; score: number; receivedAt: Date }) {
    super(`You already rated the handling of complaint ${earlier.reference} (${earlier.score}/5); a complaint is rated once.`);
  }
}

/**
 * The customer rates the handling of their own app complaint (the survey sent on resolution): once
 * its case has an answer, as the intake's view of the case events shows. The rating is stored under
 * the customer's Idempotency-Key, then published as `complaints.customer-responses.v1` for the cases
 * service to record; a retry with the same key and body answers the same (publishing again, with the
 * same event id, if the first attempt was not acknowledged), another body is refused. One rating per
 * complaint and customer: a rating under another key once the complaint was rated is refused
 * (ComplaintAlreadyRatedError), publishing nothing new; the first rating, if Kafka never acknowledged
 * it and its request is over, is published then (its own event), so the answer kept is never lost.
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
    const earlier = await this.ratings.findAnswerTo(command.customerId, complaint.complaintId);
    if (earlier) return this.refuseInFavourOf(earlier);
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
    // One attempt: a rating draws no reference of its own; its key or its complaint can be taken.
    const reserved = await this.ratings.reserve(record);
    if (reserved === 'key-taken') {
      // A concurrent retry with the same key won the race: answer as it did.
      const winner = await this.ratings.findByKey(command.customerId, command.idempotencyKey);
      if (winner) return this.acceptance.replay(winner, requestHash);
    }
    if (reserved === 'reference-taken') {
      // A concurrent rating of the same complaint under another key won the race.
      const winner = await this.ratings.findAnswerTo(command.customerId, complaint.complaintId);
      if (winner) return this.refuseInFavourOf(winner);
    }
    if (reserved !== 'reserved') throw new StoreUnavailableError('the rating was not stored and the one that took its place was not found');
    return this.acceptance.publish(record, false);
  }

  /**
   * Refuses a second rating; the first goes out first if Kafka never acknowledged it and its own
   * request is over (a younger pending rating is still being published by the request that stored it).
   */
  private async refuseInFavourOf(earlier: RatingRecord): Promise<never> {
    const abandoned = earlier.status === 'pending' && this.now().getTime() - earlier.receivedAt.getTime() > IN_FLIGHT_MS;
    if (abandoned) await this.acceptance.publish(earlier, true);
    throw new ComplaintAlreadyRatedError({
      reference: earlier.reference,
      score: earlier.event.satisfaction.score,
      receivedAt: earlier.receivedAt,
    });
  }
}

function result(record: RatingRecord, replayed: boolean): RateComplaintResult {
  return { reference: record.reference, score: record.event.satisfaction.score, receivedAt: record.receivedAt.toISOString(), replayed };
}
