import type { CustomerResponseV1 } from '@complaints/contracts';
import type { SurveyChange } from '../../domain/outstanding-survey';

export type SurveyChangeResult = 'applied' | 'stale';

/** A survey answer recorded with its message, waiting to be published (or whose publish failed). */
export interface PendingResponse {
  channel: string;
  account: string;
  messageId: string;
  response: CustomerResponseV1;
}

/**
 * Port: the surveys awaiting an answer from social-channel customers (PostgreSQL), fed by case
 * events, and the answers recorded against them until Kafka has them. Answers themselves are
 * recorded with the customer's message (ConversationStore.record), in the same transaction.
 */
export abstract class SurveyStore {
  /** Applies a change unless a later one of the same survey was applied already (`stale`). */
  abstract apply(change: SurveyChange): Promise<SurveyChangeResult>;
  /** Claims answers not yet published (or whose earlier publish failed), leasing them for `leaseMs`. */
  abstract claimPendingResponses(now: Date, limit: number, leaseMs: number): Promise<PendingResponse[]>;
  abstract markResponsesPublished(responses: readonly PendingResponse[], now: Date): Promise<void>;
  /** Deletes the surveys whose answer is no longer awaited at `now` (expired), answered or not; answers how many. */
  abstract purgeExpired(now: Date): Promise<number>;
}

/** Port: publishes `complaints.customer-responses.v1`; throws when Kafka did not acknowledge. */
export abstract class CustomerResponsesPublisher {
  abstract publishAll(responses: readonly CustomerResponseV1[]): Promise<void>;
}
