import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerResponseV1 } from '@complaints/contracts';
import { purgeExpired, rows } from '@complaints/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordedMessage, RecordMessageCommand, SurveyAnswer } from '../../application/receive-message/conversation.store';
import { PendingResponse, SurveyChangeResult, SurveyStore } from '../../application/track-surveys/survey.store';
import type { OutstandingSurvey, SurveyChange } from '../../domain/outstanding-survey';

const T = 'intake_social';

@Injectable()
export class PostgresSurveyStore extends SurveyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async apply(change: SurveyChange): Promise<SurveyChangeResult> {
    // changed_at orders the changes of one survey: a replayed older event never undoes a later one.
    const result =
      change.kind === 'sent'
        ? await this.db.query(
            `INSERT INTO ${T}.surveys (channel, user_id, reference, complaint_id, account, status, sent_at, expires_at, changed_at)
             VALUES ($1, $2, $3, $4, $5, 'outstanding', $6, $7, $6)
             ON CONFLICT (channel, user_id, reference) DO UPDATE
               SET status = 'outstanding', complaint_id = EXCLUDED.complaint_id, account = EXCLUDED.account, sent_at = EXCLUDED.sent_at,
                   expires_at = EXCLUDED.expires_at, changed_at = EXCLUDED.changed_at, answered_message_id = NULL
               WHERE ${T}.surveys.changed_at < EXCLUDED.changed_at
             RETURNING reference`,
            [change.channel, change.userId, change.reference, change.complaintId, change.account.slice(0, 128), change.at, change.expiresAt],
          )
        : await this.db.query(
            `UPDATE ${T}.surveys SET status = 'ended', changed_at = $4
              WHERE channel = $1 AND user_id = $2 AND reference = $3 AND status = 'outstanding' AND changed_at <= $4
             RETURNING reference`,
            [change.channel, change.userId, change.reference, change.at],
          );
    return rows(result).length > 0 ? 'applied' : 'stale';
  }

  purgeExpired(now: Date): Promise<number> {
    // Safe for any status: a replayed `case.resolved` of a purged survey comes back already expired.
    return purgeExpired(this.db, { table: `${T}.surveys`, column: 'expires_at' }, now);
  }

  async claimPendingResponses(now: Date, limit: number, leaseMs: number): Promise<PendingResponse[]> {
    const claimed = rows<{ channel: string; account: string; message_id: string; response: CustomerResponseV1 }>(
      await this.db.query(
        `UPDATE ${T}.messages SET response_after = $2
          WHERE (channel, account, message_id) IN (
            SELECT channel, account, message_id FROM ${T}.messages
             WHERE response_status = 'pending' AND response_after <= $1 ORDER BY response_after LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING channel, account, message_id, response`,
        [now, new Date(now.getTime() + leaseMs), limit],
      ),
    );
    return claimed.map((row) => ({ channel: row.channel, account: row.account, messageId: row.message_id, response: row.response }));
  }

  async markResponsesPublished(responses: readonly PendingResponse[], now: Date): Promise<void> {
    if (responses.length === 0) return;
    await this.db.query(
      `UPDATE ${T}.messages SET response_status = 'published', response_after = $4
        WHERE (channel, account, message_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [responses.map((r) => r.channel), responses.map((r) => r.account), responses.map((r) => r.messageId), now],
    );
  }
}

/**
 * Within the transaction of `record` (the customer's advisory lock held): when the customer has a
 * survey awaiting an answer, the message answers the latest one: stored with its reply and its
 * response (published by the relay), and the survey is closed. Null when there is none.
 */
export async function answerSurvey(tx: EntityManager, command: RecordMessageCommand, answer: SurveyAnswer): Promise<RecordedMessage | null> {
  const { message, receivedAt } = command;
  const open = rows<{ reference: string; complaint_id: string }>(
    await tx.query(
      `SELECT reference, complaint_id FROM ${T}.surveys
        WHERE channel = $1 AND user_id = $2 AND status = 'outstanding' AND expires_at > $3
        ORDER BY sent_at DESC LIMIT 1 FOR UPDATE`,
      [message.channel, message.userId, receivedAt],
    ),
  )[0];
  if (!open) return null;
  const survey: OutstandingSurvey = { channel: message.channel, userId: message.userId, reference: open.reference, complaintId: open.complaint_id };
  const reply = answer.replyFor(survey);
  await tx.query(
    `UPDATE ${T}.surveys SET status = 'answered', changed_at = $4, answered_message_id = $5 WHERE channel = $1 AND user_id = $2 AND reference = $3`,
    [survey.channel, survey.userId, survey.reference, receivedAt, message.messageId],
  );
  await tx.query(
    `INSERT INTO ${T}.messages (channel, account, message_id, complaint_id, outcome, text, via, sent_at, received_at,
                                reply, reply_target, reply_status, reply_after, response, response_status, response_after)
     VALUES ($1, $2, $3, NULL, 'survey-answered', $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $7)`,
    [
      message.channel, message.account, message.messageId, message.text, message.via, message.sentAt, receivedAt, reply,
      message.replyTarget ? JSON.stringify(message.replyTarget) : null,
      message.replyTarget ? 'pending' : 'in-response', message.replyTarget ? receivedAt : null,
      JSON.stringify(answer.responseFor(survey)),
    ],
  );
  return { outcome: 'survey-answered', complaintId: survey.complaintId, reference: survey.reference, reply };
}
