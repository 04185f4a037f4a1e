import { randomUUID } from 'node:crypto';
import { CustomerResponseV1 } from '@complaints/contracts';
import { CustomerResponsePublisher } from '@complaints/intake';
import { LookUpComplaintQuery } from '../follow-complaint/look-up-complaint.query';
import { RatingStore } from './rating.store';

export interface RateComplaintCommand {
  reference: string;
  phoneLast4: string;
  score: number;
  comment?: string;
  correlationId: string;
}

/**
 * `not-found`: the reference and digits name no complaint of this customer; `locked`: too many wrong
 * attempts at this reference; `not-resolved`: nothing to rate yet; `already-rated`: one answer per complaint.
 */
export type RateOutcome =
  | { outcome: 'recorded' }
  | { outcome: 'not-found' }
  | { outcome: 'locked'; retryAfterMs: number }
  | { outcome: 'not-resolved' }
  | { outcome: 'already-rated' };

/** A customer rates the handling once there is an answer: the survey goes out on resolution. */
const RATEABLE = new Set(['RESPONDED', 'RESOLVED', 'CLOSED']);

/**
 * Records the customer's satisfaction with the handling of their web complaint (the survey sent on
 * resolution): checked like the status look-up (the same attempt count), once per complaint, then
 * published for the case service to record against the complaint's own case.
 */
export class RateComplaintUseCase {
  constructor(
    private readonly lookUp: LookUpComplaintQuery,
    private readonly ratings: RatingStore,
    private readonly publisher: CustomerResponsePublisher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: RateComplaintCommand): Promise<RateOutcome> {
    const found = await this.lookUp.execute(command.reference, command.phoneLast4);
    if (found.outcome !== 'found') return found;
    const { complaint } = found;
    if (!RATEABLE.has(complaint.status)) return { outcome: 'not-resolved' };
    const now = this.now();
    const at = now.toISOString();
    const event = Object.assign(new CustomerResponseV1(), {
      eventId: randomUUID(),
      eventType: CustomerResponseV1.type,
      eventVersion: 1 as const,
      occurredAt: at,
      correlationId: command.correlationId,
      causationId: null,
      source: 'intake-web',
      kind: 'satisfaction' as const,
      channel: 'web' as const,
      reference: complaint.reference,
      complaintId: complaint.complaintId,
      identity: {},
      satisfaction: { score: command.score, ...(command.comment ? { comment: command.comment } : {}) },
      receivedAt: at,
    });
    const outcome = await this.ratings.recordOnce(complaint.reference, now, () => this.publisher.publish(event));
    return { outcome };
  }
}
