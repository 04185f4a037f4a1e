import type { SurveyChange } from '../../domain/outstanding-survey';

export type SurveyChangeResult = 'applied' | 'stale';

/**
 * Port: the surveys awaiting an answer from social-channel customers (PostgreSQL), fed by case
 * events. Answers are recorded with the customer's message (ConversationStore.record), in the same
 * transaction as their response in the outbox (see SurveyAnswersRelay).
 */
export abstract class SurveyStore {
  /** Applies a change unless a later one of the same survey was applied already, or it would reopen an answered survey (`stale`). */
  abstract apply(change: SurveyChange): Promise<SurveyChangeResult>;
  /** Deletes the surveys whose answer is no longer awaited at `now` (expired), answered or not; answers how many. */
  abstract purgeExpired(now: Date): Promise<number>;
}

/**
 * Port: publishes the outbox of survey answers on `complaints.customer-responses.v1` until Kafka
 * acknowledges them; `kick` starts a pass now (after an answer was recorded).
 */
export abstract class SurveyAnswersRelay {
  abstract kick(): void;
}
