import type { ComplaintReceivedV1, CustomerResponseV1 } from '@complaints/contracts';
import type { OutstandingSurvey } from '../../domain/outstanding-survey';
import type { Conversation } from '../../domain/social-complaint';
import type { ReplyTarget, SocialMessage } from '../../domain/social-message';

/** `survey-answered`: the message answered the customer's outstanding survey (no complaint opened or joined). */
export type RecordOutcome = 'opened' | 'appended' | 'survey-answered' | 'duplicate';

export interface RecordedMessage {
  outcome: RecordOutcome;
  complaintId: string;
  reference: string;
  /** The reply the customer got (or gets again on a retry of the same message). */
  reply: string;
}

export interface RecordMessageCommand {
  /** Masked already. */
  message: SocialMessage;
  receivedAt: Date;
  correlationId: string;
  quietWindowMs: number;
  /** A conversation older than this takes no more messages, however lively (a new one opens). */
  maxConversationMs: number;
  /** Identity of the conversation to open if the customer has none open. */
  candidate: { complaintId: string; reference: string; eventId: string };
  /** The reply to store with the message, given what happened to it. */
  replyFor: (outcome: 'opened' | 'appended', reference: string) => string;
  /**
   * Set when the text reads as a survey answer: if the customer has a survey awaiting an answer (not
   * expired at `receivedAt`; the latest one when several), the message answers it instead.
   */
  surveyAnswer?: SurveyAnswer;
}

export interface SurveyAnswer {
  /** The response to publish for the survey answered. */
  responseFor: (survey: OutstandingSurvey) => CustomerResponseV1;
  replyFor: (survey: OutstandingSurvey) => string;
}

/** A conversation whose quiet window has passed: ready to be published as one complaint. */
export interface ClosedConversation extends Conversation {
  eventId: string;
  correlationId: string;
}

/** A reply that must be sent through a channel's API (not in an HTTP response). */
export interface PendingReply {
  channel: string;
  account: string;
  /** The sender of the message answered (a message is identified by sender and message id). */
  userId: string;
  messageId: string;
  target: ReplyTarget;
  text: string;
  attempts: number;
}

/**
 * Port: the intake's durable record of conversations and their messages (PostgreSQL). A message is
 * acknowledged to the customer only once it is recorded here; a relay publishes closed conversations.
 */
export abstract class ConversationStore {
  /**
   * In one transaction: a message seen before returns its first outcome and reply (`duplicate`); a
   * survey answer of a customer with an outstanding survey is recorded with its response to publish
   * and closes that survey (`survey-answered`); otherwise it joins the customer's open conversation when that one's last message is within the
   * quiet window, or opens a new one under `candidate`. Throws ReferenceTakenError on a reference clash.
   */
  abstract record(command: RecordMessageCommand): Promise<RecordedMessage>;
  /** Claims conversations quiet since `cutoff` (or whose earlier publish failed), leasing them for `leaseMs`. */
  abstract claimClosed(cutoff: Date, now: Date, limit: number, leaseMs: number): Promise<ClosedConversation[]>;
  abstract markPublished(complaintIds: readonly string[], now: Date): Promise<void>;
  /** Sets a claimed conversation aside for good (its complaint can never satisfy the contract), with why. */
  abstract markRejected(complaintId: string, reason: string, now: Date): Promise<void>;
  abstract claimPendingReplies(now: Date, limit: number, leaseMs: number): Promise<PendingReply[]>;
  abstract markReplied(reply: PendingReply, now: Date): Promise<void>;
  abstract scheduleReplyRetry(reply: PendingReply, nextAttemptAt: Date, error: string, dead: boolean): Promise<void>;
}

/** Port: publishes `complaints.received.v1`; throws when Kafka did not acknowledge. */
export abstract class ReceivedComplaintsPublisher {
  abstract publishAll(events: readonly ComplaintReceivedV1[]): Promise<void>;
}

export class ReferenceTakenError extends Error {
  readonly code = 'REFERENCE_TAKEN';
}

export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}
