import type { CustomerResponseV1 } from '@complaints/contracts';
import type { Notification } from '../../domain/notification';
import type { SmsSurvey, SmsSurveyChange } from '../../domain/sms-survey';

export type SmsSurveyChangeResult = 'applied' | 'stale';

/** What became of an SMS reply: it answered the phone's latest outstanding survey, it was no score, or there was no survey to answer. */
export type SmsReplyOutcome = 'survey-answered' | 'not-an-answer' | 'no-survey';

/** An SMS the gateway delivered, as it is recorded: the sender only as a phone fingerprint, not the text. */
export interface InboundSms {
  gatewayId: string;
  messageId: string;
  phoneFingerprint: string;
  receivedAt: Date;
  /** The score the text reads as (parseSurveyReply), or null. */
  score: number | null;
}

export interface RecordedReply {
  outcome: SmsReplyOutcome;
  reference?: string;
  score?: number;
}

/** What answering a survey produces: the response to publish and the thank-you to text. */
export interface SurveyAnswer {
  response: CustomerResponseV1;
  thanks: Notification;
}

/**
 * Port: the surveys texted to customers awaiting their answer (keyed by phone fingerprint), and the
 * replies the SMS gateway delivered (PostgreSQL).
 */
export abstract class SmsSurveyStore {
  /** Applies a change unless a later one of the same survey was applied already, or it would reopen an answered survey (`stale`). */
  abstract apply(phoneFingerprint: string, change: SmsSurveyChange): Promise<SmsSurveyChangeResult>;
  /**
   * Records a reply once per gateway message: a redelivered message gets the outcome recorded the
   * first time. A score answers the phone's most recent survey outstanding at `receivedAt`: in one
   * transaction the survey is closed, `answer(survey)`'s response goes into the outbox for Kafka and its
   * thank-you into the deliveries. No outstanding survey: `no-survey`.
   * Throws SmsStoreUnavailableError when the database did not answer.
   */
  abstract recordReply(reply: InboundSms, answer: (survey: SmsSurvey) => SurveyAnswer, now: Date): Promise<RecordedReply>;
  /** Deletes surveys expired at `now` (answered or not); answers how many. */
  abstract purgeExpired(now: Date): Promise<number>;
  /** Deletes the records of replies recorded at or before `before`; answers how many. */
  abstract purgeRepliesRecordedBefore(before: Date): Promise<number>;
}

/** The notifier's store (PostgreSQL) did not answer. */
export class SmsStoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}

/** Port: publishes what the outbox holds; `kick` starts a pass now (after an answer was recorded). */
export abstract class AnswersRelay {
  abstract kick(): void;
}
