import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CustomerResponseV1, customerResponseKey } from '@complaints/contracts';
import { purgeExpired, rows } from '@complaints/persistence';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordedMessage, RecordMessageCommand, SurveyAnswer } from '../../application/receive-message/conversation.store';
import { SurveyChangeResult, SurveyStore } from '../../application/track-surveys/survey.store';
import type { OutstandingSurvey, SurveyChange } from '../../domain/outstanding-survey';
import { enqueueOutboxMessage } from '@complaints/messaging';

const T = 'intake_social';

@Injectable()
export class PostgresSurveyStore extends SurveyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async apply(change: SurveyChange): Promise<SurveyChangeResult> {
    // changed_at orders the changes of one survey: a replayed older event never undoes a later one.
    // An answered survey stays answered: one answer per case and customer, however often the case is resolved.
    const result: unknown =
      change.kind === 'sent'
        ? await this.db.query(
            `INSERT INTO ${T}.surveys (channel, user_id, reference, complaint_id, account, status, sent_at, expires_at, changed_at)
             VALUES ($1, $2, $3, $4, $5, 'outstanding', $6, $7, $6)
             ON CONFLICT (channel, user_id, reference) DO UPDATE
               SET status = 'outstanding', complaint_id = EXCLUDED.complaint_id, account = EXCLUDED.account, sent_at = EXCLUDED.sent_at,
                   expires_at = EXCLUDED.expires_at, changed_at = EXCLUDED.changed_at, answered_message_id = NULL
               WHERE ${T}.surveys.changed_at < EXCLUDED.changed_at AND ${T}.surveys.status <> 'answered'
             RETURNING reference`,
            [
              change.channel,
              change.userId,
              change.reference,
              change.complaintId,
              change.account.slice(0, 128),
              change.at,
              change.expiresAt,
            ],
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
}

/**
 * Within the transaction of `record` (the customer's advisory lock held): when the customer has a
 * survey awaiting an answer, the message answers the latest one: stored with its reply and its
 * response, the response goes into the outbox (published by the SurveyAnswersRelay), and the survey
 * is closed. Null when there is none.
 */
export async function answerSurvey(
  tx: EntityManager,
  command: RecordMessageCommand,
  answer: SurveyAnswer,
): Promise<RecordedMessage | null> {
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
  const survey: OutstandingSurvey = {
    channel: message.channel,
    userId: message.userId,
    reference: open.reference,
    complaintId: open.complaint_id,
  };
  const reply = answer.replyFor(survey);
  await tx.query(
    `UPDATE ${T}.surveys SET status = 'answered', changed_at = $4, answered_message_id = $5 WHERE channel = $1 AND user_id = $2 AND reference = $3`,
    [survey.channel, survey.userId, survey.reference, receivedAt, message.messageId],
  );
  const response = answer.responseFor(survey);
  await tx.query(
    `INSERT INTO ${T}.messages (channel, account, message_id, complaint_id, outcome, text, via, sent_at, received_at,
                                reply, reply_target, reply_status, reply_after, response, user_id)
     VALUES ($1, $2, $3, NULL, 'survey-answered', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      message.channel,
      message.account,
      message.messageId,
      message.text,
      message.via,
      message.sentAt,
      receivedAt,
      reply,
      message.replyTarget ? JSON.stringify(message.replyTarget) : null,
      message.replyTarget ? 'pending' : 'in-response',
      message.replyTarget ? receivedAt : null,
      JSON.stringify(response),
      message.userId,
    ],
  );
  // The response for Kafka, committed with the answer (keyed by the case, so one case's events stay in order).
  await enqueueOutboxMessage(tx, `${T}.outbox`, {
    eventId: response.eventId,
    topic: CustomerResponseV1.topic,
    key: customerResponseKey(response),
    payload: response,
  });
  return { outcome: 'survey-answered', complaintId: survey.complaintId, reference: survey.reference, reply };
}
