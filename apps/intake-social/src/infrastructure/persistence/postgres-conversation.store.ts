import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { truncateText } from '@complaints/contracts';
import { rows } from '@complaints/persistence';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  ClosedConversation,
  ConversationStore,
  PendingReply,
  RecordedMessage,
  RecordMessageCommand,
  ReferenceTakenError,
  StoreUnavailableError,
} from '../../application/receive-message/conversation.store';
import type { AttachmentReference, Fragment, ReplyTarget, SocialChannel } from '../../domain/social-message';
import { answerSurvey } from './postgres-survey.store';

const T = 'intake_social';

type ConversationRow = {
  complaint_id: string;
  reference: string;
  event_id: string;
  correlation_id: string;
  channel: SocialChannel;
  account: string;
  user_id: string;
  opened_at: Date;
  last_message_at: Date;
};

@Injectable()
export class PostgresConversationStore extends ConversationStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async record(command: RecordMessageCommand): Promise<RecordedMessage> {
    const { message } = command;
    try {
      return await this.db.transaction(async (tx) => {
        // One customer's messages are taken one at a time, so two fragments never open two conversations.
        await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `${message.channel}|${message.account}|${message.userId}`,
        ]);
        // A survey answer belongs to no conversation: its case is the one its response names. A message is
        // known again by its sender and id together: another customer's message id is another message.
        const seen = rows<{ complaint_id: string; reference: string; reply: string }>(
          await tx.query(
            `SELECT coalesce(m.complaint_id::text, m.response->>'complaintId') AS complaint_id, coalesce(c.reference, m.response->>'reference') AS reference, m.reply
               FROM ${T}.messages m LEFT JOIN ${T}.conversations c USING (complaint_id)
              WHERE m.channel = $1 AND m.account = $2 AND m.user_id = $4 AND m.message_id = $3`,
            [message.channel, message.account, message.messageId, message.userId],
          ),
        );
        if (seen.length > 0)
          return { outcome: 'duplicate', complaintId: seen[0].complaint_id, reference: seen[0].reference, reply: seen[0].reply };

        if (command.surveyAnswer) {
          const answered = await answerSurvey(tx, command, command.surveyAnswer);
          if (answered) return answered;
        }

        const open = rows<{ complaint_id: string; reference: string; opened_at: Date; last_message_at: Date }>(
          await tx.query(
            `SELECT complaint_id, reference, opened_at, last_message_at FROM ${T}.conversations
              WHERE channel = $1 AND account = $2 AND user_id = $3 AND status = 'open' FOR UPDATE`,
            [message.channel, message.account, message.userId],
          ),
        )[0];
        const now = command.receivedAt.getTime();
        const stillOpen =
          open &&
          now - open.last_message_at.getTime() < command.quietWindowMs &&
          now - open.opened_at.getTime() < command.maxConversationMs;
        let outcome: 'opened' | 'appended';
        let conversation: { complaintId: string; reference: string };
        if (stillOpen) {
          outcome = 'appended';
          conversation = { complaintId: open.complaint_id, reference: open.reference };
          await tx.query(`UPDATE ${T}.conversations SET last_message_at = $2, publish_after = $3 WHERE complaint_id = $1`, [
            open.complaint_id,
            command.receivedAt,
            new Date(command.receivedAt.getTime() + command.quietWindowMs),
          ]);
        } else {
          // The window passed but the relay has not closed it yet: close it now, and start afresh.
          if (open)
            await tx.query(`UPDATE ${T}.conversations SET status = 'closing', publish_after = $2 WHERE complaint_id = $1`, [
              open.complaint_id,
              command.receivedAt,
            ]);
          outcome = 'opened';
          conversation = { complaintId: command.candidate.complaintId, reference: command.candidate.reference };
          await this.open(tx, command);
        }
        const reply = command.replyFor(outcome, conversation.reference);
        await tx.query(
          `INSERT INTO ${T}.messages (channel, account, message_id, complaint_id, outcome, text, attachment, via, sent_at, received_at,
                                      reply, reply_target, reply_status, reply_after, user_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [
            message.channel,
            message.account,
            message.messageId,
            conversation.complaintId,
            outcome,
            message.text,
            message.attachment ? JSON.stringify(message.attachment) : null,
            message.via,
            message.sentAt,
            command.receivedAt,
            reply,
            message.replyTarget ? JSON.stringify(message.replyTarget) : null,
            message.replyTarget ? 'pending' : 'in-response',
            message.replyTarget ? command.receivedAt : null,
            message.userId,
          ],
        );
        return { outcome, ...conversation, reply };
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'conversations_reference_uq') {
        throw new ReferenceTakenError(command.candidate.reference);
      }
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'conversations_pkey') {
        // The message id that would open this conversation already did once (for the complaint id is derived from it).
        throw new StoreUnavailableError('conversation id clash');
      }
      throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  private async open(tx: EntityManager, command: RecordMessageCommand): Promise<void> {
    const { message, candidate, receivedAt } = command;
    await tx.query(
      `INSERT INTO ${T}.conversations (complaint_id, reference, event_id, correlation_id, channel, account, user_id, status,
                                       opened_at, last_message_at, publish_after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $8, $9)`,
      [
        candidate.complaintId,
        candidate.reference,
        candidate.eventId,
        command.correlationId,
        message.channel,
        message.account,
        message.userId,
        receivedAt,
        new Date(receivedAt.getTime() + command.quietWindowMs),
      ],
    );
  }

  async claimClosed(cutoff: Date, now: Date, limit: number, leaseMs: number): Promise<ClosedConversation[]> {
    // SKIP LOCKED + a lease: several instances relay without publishing one conversation twice at once;
    // a fragment being appended holds the row, so its conversation is not closed under it.
    const claimed = rows<ConversationRow>(
      await this.db.query(
        `UPDATE ${T}.conversations SET status = 'closing', publish_after = $3, publish_attempts = publish_attempts + 1
          WHERE complaint_id IN (
            SELECT complaint_id FROM ${T}.conversations
             WHERE (status = 'open' AND last_message_at <= $1) OR (status = 'closing' AND publish_after <= $2)
             ORDER BY last_message_at LIMIT $4
             FOR UPDATE SKIP LOCKED)
          RETURNING complaint_id, reference, event_id, correlation_id, channel, account, user_id, opened_at, last_message_at`,
        [cutoff, now, new Date(now.getTime() + leaseMs), limit],
      ),
    );
    if (claimed.length === 0) return [];
    const messages = rows<{
      complaint_id: string;
      message_id: string;
      text: string;
      attachment: AttachmentReference | null;
      sent_at: Date;
      via: string;
    }>(
      await this.db.query(
        `SELECT complaint_id, message_id, text, attachment, sent_at, via FROM ${T}.messages WHERE complaint_id = ANY($1) ORDER BY sent_at, received_at`,
        [claimed.map((row) => row.complaint_id)],
      ),
    );
    return claimed.map((row) => ({
      complaintId: row.complaint_id,
      reference: row.reference,
      eventId: row.event_id,
      correlationId: row.correlation_id,
      channel: row.channel,
      account: row.account,
      userId: row.user_id,
      openedAt: row.opened_at,
      fragments: messages
        .filter((m) => m.complaint_id === row.complaint_id)
        .map((m): Fragment => ({
          messageId: m.message_id,
          text: m.text,
          sentAt: m.sent_at,
          via: m.via,
          ...(m.attachment ? { attachment: m.attachment } : {}),
        })),
    }));
  }

  async markPublished(complaintIds: readonly string[], now: Date): Promise<void> {
    if (complaintIds.length === 0) return;
    await this.db.query(`UPDATE ${T}.conversations SET status = 'published', published_at = $2 WHERE complaint_id = ANY($1)`, [
      [...complaintIds],
      now,
    ]);
  }

  async markRejected(complaintId: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE ${T}.conversations SET status = 'rejected', published_at = $2, publish_error = $3 WHERE complaint_id = $1`,
      [complaintId, now, truncateText(reason, 2_000)],
    );
  }

  async claimPendingReplies(now: Date, limit: number, leaseMs: number): Promise<PendingReply[]> {
    const claimed = rows<{
      channel: string;
      account: string;
      user_id: string;
      message_id: string;
      reply_target: ReplyTarget;
      reply: string;
      reply_attempts: number;
    }>(
      await this.db.query(
        `UPDATE ${T}.messages SET reply_after = $2
          WHERE (channel, account, user_id, message_id) IN (
            SELECT channel, account, user_id, message_id FROM ${T}.messages
             WHERE reply_status = 'pending' AND reply_after <= $1 ORDER BY reply_after LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING channel, account, user_id, message_id, reply_target, reply, reply_attempts`,
        [now, new Date(now.getTime() + leaseMs), limit],
      ),
    );
    return claimed.map((row) => ({
      channel: row.channel,
      account: row.account,
      userId: row.user_id,
      messageId: row.message_id,
      target: row.reply_target,
      text: row.reply,
      attempts: row.reply_attempts,
    }));
  }

  async markReplied(reply: PendingReply): Promise<void> {
    await this.db.query(
      `UPDATE ${T}.messages SET reply_status = 'sent', reply_attempts = reply_attempts + 1, reply_error = NULL
        WHERE channel = $1 AND account = $2 AND message_id = $3 AND user_id = $4`,
      [reply.channel, reply.account, reply.messageId, reply.userId],
    );
  }

  async scheduleReplyRetry(reply: PendingReply, nextAttemptAt: Date, error: string, dead: boolean): Promise<void> {
    await this.db.query(
      `UPDATE ${T}.messages SET reply_status = $4, reply_attempts = reply_attempts + 1, reply_after = $5, reply_error = $6
        WHERE channel = $1 AND account = $2 AND message_id = $3 AND user_id = $7`,
      [reply.channel, reply.account, reply.messageId, dead ? 'dead' : 'pending', nextAttemptAt, truncateText(error, 1_000), reply.userId],
    );
  }
}
