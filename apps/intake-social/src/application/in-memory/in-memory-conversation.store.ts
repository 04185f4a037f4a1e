import type { CustomerResponseV1 } from '@complaints/contracts';
import type { AttachmentReference, ReplyTarget, SocialChannel } from '../../domain/social-message';
import {
  ClosedConversation,
  ConversationStore,
  PendingReply,
  RecordedMessage,
  RecordMessageCommand,
  RecordOutcome,
  ReferenceTakenError,
  StoreUnavailableError,
} from '../receive-message/conversation.store';
import { InMemorySurveyStore } from './in-memory-survey.store';

export interface StoredConversation {
  complaintId: string;
  reference: string;
  eventId: string;
  correlationId: string;
  channel: SocialChannel;
  account: string;
  userId: string;
  status: 'open' | 'closing' | 'published' | 'rejected';
  openedAt: Date;
  lastMessageAt: Date;
  publishAfter: Date;
  publishAttempts: number;
  publishError?: string;
}

export interface StoredMessage {
  channel: SocialChannel;
  account: string;
  userId: string;
  messageId: string;
  /** The conversation it joined; null for a survey answer, which belongs to none. */
  complaintId: string | null;
  /** The case it was about: its conversation's, or the one whose survey it answered. */
  caseComplaintId: string;
  reference: string;
  outcome: Exclude<RecordOutcome, 'duplicate'>;
  text: string;
  attachment?: AttachmentReference;
  via: string;
  sentAt: Date;
  receivedAt: Date;
  reply: string;
  replyTarget?: ReplyTarget;
  replyStatus: 'in-response' | 'pending' | 'sent' | 'dead';
  replyAfter: Date | null;
  replyAttempts: number;
  replyError: string | null;
}

/**
 * Conversations and their messages in memory, as the PostgreSQL store keeps them: a message is known
 * by its sender and id; a survey answer of a customer whose survey is awaited (in `surveys`) closes
 * it and puts its response in the outbox; otherwise the message joins the customer's open
 * conversation while it is lively, or opens one under a reference no other conversation has.
 * Every call is one step, as a transaction is. `unavailable` makes every call fail.
 */
export class InMemoryConversationStore extends ConversationStore {
  readonly conversations = new Map<string, StoredConversation>();
  readonly messages = new Map<string, StoredMessage>();
  /** The survey answers' responses waiting for the relay. */
  readonly outbox: CustomerResponseV1[] = [];
  /** References issued by someone else: opening a conversation under one of them is a clash. */
  readonly takenReferences = new Set<string>();
  unavailable = false;

  constructor(private readonly surveys: InMemorySurveyStore = new InMemorySurveyStore()) {
    super();
  }

  async record(command: RecordMessageCommand): Promise<RecordedMessage> {
    await this.check();
    const { message, receivedAt } = command;
    const key = messageKey(message);
    const seen = this.messages.get(key);
    if (seen) return { outcome: 'duplicate', complaintId: seen.caseComplaintId, reference: seen.reference, reply: seen.reply };

    const base = {
      channel: message.channel,
      account: message.account,
      userId: message.userId,
      messageId: message.messageId,
      text: message.text,
      ...(message.attachment ? { attachment: message.attachment } : {}),
      via: message.via,
      sentAt: message.sentAt,
      receivedAt,
      ...(message.replyTarget ? { replyTarget: message.replyTarget } : {}),
      replyStatus: message.replyTarget ? ('pending' as const) : ('in-response' as const),
      replyAfter: message.replyTarget ? receivedAt : null,
      replyAttempts: 0,
      replyError: null,
    };

    const survey = command.surveyAnswer && this.surveys.awaitedFrom(message.channel, message.userId, receivedAt);
    if (command.surveyAnswer && survey) {
      const answered = { channel: survey.channel, userId: survey.userId, reference: survey.reference, complaintId: survey.complaintId };
      const reply = command.surveyAnswer.replyFor(answered);
      this.surveys.answered(answered, message.messageId, receivedAt);
      this.outbox.push(command.surveyAnswer.responseFor(answered));
      this.messages.set(key, {
        ...base,
        complaintId: null,
        caseComplaintId: survey.complaintId,
        reference: survey.reference,
        outcome: 'survey-answered',
        reply,
      });
      return { outcome: 'survey-answered', complaintId: survey.complaintId, reference: survey.reference, reply };
    }

    const open = [...this.conversations.values()].find(
      (c) => c.channel === message.channel && c.account === message.account && c.userId === message.userId && c.status === 'open',
    );
    const now = receivedAt.getTime();
    const lively =
      open && now - open.lastMessageAt.getTime() < command.quietWindowMs && now - open.openedAt.getTime() < command.maxConversationMs;
    let conversation: StoredConversation;
    if (open && lively) {
      conversation = Object.assign(open, { lastMessageAt: receivedAt, publishAfter: new Date(now + command.quietWindowMs) });
    } else {
      const { candidate } = command;
      if (
        this.takenReferences.has(candidate.reference) ||
        [...this.conversations.values()].some((c) => c.reference === candidate.reference)
      )
        throw new ReferenceTakenError(candidate.reference);
      if (this.conversations.has(candidate.complaintId)) throw new StoreUnavailableError('conversation id clash');
      // The window passed but the relay has not closed it yet: close it now, and start afresh.
      if (open) Object.assign(open, { status: 'closing', publishAfter: receivedAt });
      conversation = {
        ...candidate,
        correlationId: command.correlationId,
        channel: message.channel,
        account: message.account,
        userId: message.userId,
        status: 'open',
        openedAt: receivedAt,
        lastMessageAt: receivedAt,
        publishAfter: new Date(now + command.quietWindowMs),
        publishAttempts: 0,
      };
      this.conversations.set(conversation.complaintId, conversation);
    }
    const outcome = open && lively ? 'appended' : 'opened';
    const reply = command.replyFor(outcome, conversation.reference);
    this.messages.set(key, {
      ...base,
      complaintId: conversation.complaintId,
      caseComplaintId: conversation.complaintId,
      reference: conversation.reference,
      outcome,
      reply,
    });
    return { outcome, complaintId: conversation.complaintId, reference: conversation.reference, reply };
  }

  async claimClosed(cutoff: Date, now: Date, limit: number, leaseMs: number): Promise<ClosedConversation[]> {
    await this.check();
    const claimed = [...this.conversations.values()]
      .filter((c) => (c.status === 'open' && c.lastMessageAt <= cutoff) || (c.status === 'closing' && c.publishAfter <= now))
      .sort((a, b) => a.lastMessageAt.getTime() - b.lastMessageAt.getTime())
      .slice(0, limit);
    for (const c of claimed)
      Object.assign(c, { status: 'closing', publishAfter: new Date(now.getTime() + leaseMs), publishAttempts: c.publishAttempts + 1 });
    return claimed.map((c) => ({
      complaintId: c.complaintId,
      reference: c.reference,
      eventId: c.eventId,
      correlationId: c.correlationId,
      channel: c.channel,
      account: c.account,
      userId: c.userId,
      openedAt: c.openedAt,
      fragments: [...this.messages.values()]
        .filter((m) => m.complaintId === c.complaintId)
        .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime() || a.receivedAt.getTime() - b.receivedAt.getTime())
        .map((m) => ({
          messageId: m.messageId,
          text: m.text,
          sentAt: m.sentAt,
          via: m.via,
          ...(m.attachment ? { attachment: m.attachment } : {}),
        })),
    }));
  }

  async markPublished(complaintIds: readonly string[]): Promise<void> {
    await this.check();
    for (const id of complaintIds) this.update(id, { status: 'published' });
  }

  async markRejected(complaintId: string, reason: string): Promise<void> {
    await this.check();
    this.update(complaintId, { status: 'rejected', publishError: reason });
  }

  async claimPendingReplies(now: Date, limit: number, leaseMs: number): Promise<PendingReply[]> {
    await this.check();
    const due = [...this.messages.values()]
      .filter((m) => m.replyStatus === 'pending' && m.replyAfter !== null && m.replyAfter <= now)
      .sort((a, b) => a.replyAfter!.getTime() - b.replyAfter!.getTime())
      .slice(0, limit);
    for (const m of due) m.replyAfter = new Date(now.getTime() + leaseMs);
    return due.map((m) => ({
      channel: m.channel,
      account: m.account,
      userId: m.userId,
      messageId: m.messageId,
      target: m.replyTarget!,
      text: m.reply,
      attempts: m.replyAttempts,
    }));
  }

  async markReplied(reply: PendingReply): Promise<void> {
    await this.check();
    const message = this.messages.get(messageKey(reply));
    if (message) Object.assign(message, { replyStatus: 'sent', replyAttempts: message.replyAttempts + 1, replyError: null });
  }

  async scheduleReplyRetry(reply: PendingReply, nextAttemptAt: Date, error: string, dead: boolean): Promise<void> {
    await this.check();
    const message = this.messages.get(messageKey(reply));
    if (message)
      Object.assign(message, {
        replyStatus: dead ? 'dead' : 'pending',
        replyAttempts: message.replyAttempts + 1,
        replyAfter: nextAttemptAt,
        replyError: error,
      });
  }

  /** The stored message of a sender's message id. */
  message(channel: string, account: string, userId: string, messageId: string): StoredMessage | undefined {
    return this.messages.get(messageKey({ channel, account, userId, messageId }));
  }

  private update(complaintId: string, changes: Partial<StoredConversation>): void {
    const conversation = this.conversations.get(complaintId);
    if (conversation) Object.assign(conversation, changes);
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the conversations store does not answer');
  }
}

function messageKey(message: { channel: string; account: string; userId: string; messageId: string }): string {
  return [message.channel, message.account, message.userId, message.messageId].join('\u0000');
}
