import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CustomerResponseV1, customerResponseKey } from '@complaints/contracts';
import { enqueueDelivery } from '@complaints/delivery';
import { purgeExpired, rows } from '@complaints/persistence';
import { DataSource, EntityManager } from 'typeorm';
import {
  InboundSms,
  RecordedReply,
  SmsReplyOutcome,
  SmsStoreUnavailableError,
  SmsSurveyChangeResult,
  SmsSurveyStore,
  SurveyAnswer,
} from '../../application/sms-surveys/sms-survey.store';
import type { Language } from '../../domain/notification';
import type { SmsSurvey, SmsSurveyChange } from '../../domain/sms-survey';
import { enqueueOutboxMessage } from '@complaints/messaging';

const T = 'notifier';

@Injectable()
export class PostgresSmsSurveyStore extends SmsSurveyStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async apply(phoneFingerprint: string, change: SmsSurveyChange): Promise<SmsSurveyChangeResult> {
    // changed_at orders the changes of one survey: a replayed older event never undoes a later one.
    // An answered survey stays answered: one answer per case and customer, however often the case is resolved.
    const result: unknown =
      change.kind === 'sent'
        ? await this.db.query(
            `INSERT INTO ${T}.sms_surveys (phone_fingerprint, reference, complaint_id, channel, language, recipient, status, sent_at, expires_at, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'outstanding', $7, $8, $7)
             ON CONFLICT (phone_fingerprint, reference) DO UPDATE
               SET status = 'outstanding', complaint_id = EXCLUDED.complaint_id, channel = EXCLUDED.channel, language = EXCLUDED.language,
                   recipient = EXCLUDED.recipient, sent_at = EXCLUDED.sent_at, expires_at = EXCLUDED.expires_at, changed_at = EXCLUDED.changed_at,
                   answered_by = NULL
               WHERE ${T}.sms_surveys.changed_at < EXCLUDED.changed_at AND ${T}.sms_surveys.status <> 'answered'
             RETURNING reference`,
            [
              phoneFingerprint,
              change.reference,
              change.complaintId,
              change.channel,
              change.language,
              change.recipient,
              change.at,
              change.expiresAt,
            ],
          )
        : await this.db.query(
            `UPDATE ${T}.sms_surveys SET status = 'ended', changed_at = $3
              WHERE phone_fingerprint = $1 AND reference = $2 AND status = 'outstanding' AND changed_at <= $3
             RETURNING reference`,
            [phoneFingerprint, change.reference, change.at],
          );
    return rows(result).length > 0 ? 'applied' : 'stale';
  }

  async recordReply(reply: InboundSms, answer: (survey: SmsSurvey) => SurveyAnswer, now: Date): Promise<RecordedReply> {
    try {
      return await this.db.transaction(async (tx) => {
        // One phone's replies one at a time: a redelivery waits for the first delivery and finds it.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notifier.sms-phone:${reply.phoneFingerprint}`]);
        const recorded = rows<{ outcome: SmsReplyOutcome; reference: string | null; score: number | null }>(
          await tx.query(`SELECT outcome, reference, score FROM ${T}.sms_replies WHERE gateway_id = $1 AND message_id = $2`, [
            reply.gatewayId,
            reply.messageId,
          ]),
        )[0];
        if (recorded) return recordedReply(recorded.outcome, recorded.reference, recorded.score);
        const survey = reply.score === null ? undefined : await latestOutstanding(tx, reply.phoneFingerprint, reply.receivedAt);
        if (reply.score === null || !survey) {
          const outcome: SmsReplyOutcome = reply.score === null ? 'not-an-answer' : 'no-survey';
          await insertReply(tx, reply, now, { outcome });
          return { outcome };
        }
        await tx.query(
          `UPDATE ${T}.sms_surveys SET status = 'answered', changed_at = $3, answered_by = $4 WHERE phone_fingerprint = $1 AND reference = $2`,
          [reply.phoneFingerprint, survey.reference, reply.receivedAt, `${reply.gatewayId}:${reply.messageId}`],
        );
        const { response, thanks } = answer(survey);
        await insertReply(tx, reply, now, { outcome: 'survey-answered', survey, responseEventId: response.eventId });
        // The response for Kafka (relayed from the outbox) and the thank-you SMS, committed with the answer.
        await enqueueOutboxMessage(tx, `${T}.outbox`, {
          eventId: response.eventId,
          topic: CustomerResponseV1.topic,
          key: customerResponseKey(response),
          payload: response,
        });
        await enqueueDelivery(tx, T, { id: `${response.eventId}:sms`, target: 'sms', payload: thanks }, now);
        return recordedReply('survey-answered', survey.reference, reply.score);
      });
    } catch (error) {
      throw new SmsStoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  purgeExpired(now: Date): Promise<number> {
    // Safe for any status: a replayed `case.resolved` of a purged survey comes back already expired.
    return purgeExpired(this.db, { table: `${T}.sms_surveys`, column: 'expires_at' }, now);
  }

  purgeRepliesRecordedBefore(before: Date): Promise<number> {
    return purgeExpired(this.db, { table: `${T}.sms_replies`, column: 'recorded_at' }, before);
  }
}

/** The phone's most recent survey still open when the reply reached the gateway (locked until the transaction ends). */
async function latestOutstanding(tx: EntityManager, phoneFingerprint: string, receivedAt: Date): Promise<SmsSurvey | undefined> {
  const row = rows<{ reference: string; complaint_id: string; channel: string; language: Language; recipient: string }>(
    await tx.query(
      `SELECT reference, complaint_id, channel, language, recipient FROM ${T}.sms_surveys
        WHERE phone_fingerprint = $1 AND status = 'outstanding' AND expires_at > $2
        ORDER BY sent_at DESC LIMIT 1 FOR UPDATE`,
      [phoneFingerprint, receivedAt],
    ),
  )[0];
  return (
    row && {
      reference: row.reference,
      complaintId: row.complaint_id,
      channel: row.channel,
      language: row.language,
      recipient: row.recipient,
    }
  );
}

async function insertReply(
  tx: EntityManager,
  reply: InboundSms,
  now: Date,
  recorded: { outcome: SmsReplyOutcome; survey?: SmsSurvey; responseEventId?: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO ${T}.sms_replies (gateway_id, message_id, phone_fingerprint, received_at, recorded_at, outcome, reference, complaint_id, score, response_event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      reply.gatewayId,
      reply.messageId,
      reply.phoneFingerprint,
      reply.receivedAt,
      now,
      recorded.outcome,
      recorded.survey?.reference ?? null,
      recorded.survey?.complaintId ?? null,
      reply.score,
      recorded.responseEventId ?? null,
    ],
  );
}

function recordedReply(outcome: SmsReplyOutcome, reference: string | null, score: number | null): RecordedReply {
  return outcome === 'survey-answered' ? { outcome, reference: reference!, score: score! } : { outcome };
}
