import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@complaints/messaging';

/**
 * SMS survey replies: the surveys texted to hotline and web customers on resolution, awaiting an
 * answer, keyed by a keyed fingerprint of the phone (never the number); and the replies the SMS
 * gateway delivered (one row per gateway message: a redelivery finds it). An answer's response
 * waits in `notifier.outbox` until Kafka has it.
 */
export class SmsSurveys1765100000000 implements MigrationInterface {
  name = 'SmsSurveys1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notifier.sms_surveys (
        phone_fingerprint text NOT NULL,
        reference text NOT NULL,
        complaint_id uuid NOT NULL,
        channel text NOT NULL,
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        recipient text NOT NULL,
        status text NOT NULL CHECK (status IN ('outstanding', 'answered', 'ended')),
        sent_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        answered_by text,
        PRIMARY KEY (phone_fingerprint, reference)
      )`);
    await runner.query(
      `CREATE INDEX sms_surveys_outstanding_ix ON notifier.sms_surveys (phone_fingerprint, sent_at DESC) WHERE status = 'outstanding'`,
    );
    await runner.query('CREATE INDEX sms_surveys_expires_ix ON notifier.sms_surveys (expires_at)');
    await runner.query(`
      CREATE TABLE notifier.sms_replies (
        gateway_id text NOT NULL,
        message_id text NOT NULL,
        phone_fingerprint text NOT NULL,
        received_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('survey-answered', 'not-an-answer', 'no-survey')),
        reference text,
        complaint_id uuid,
        score smallint CHECK (score BETWEEN 1 AND 5),
        response_event_id uuid,
        PRIMARY KEY (gateway_id, message_id),
        CONSTRAINT sms_replies_answer_ck CHECK ((outcome = 'survey-answered') = (response_event_id IS NOT NULL AND reference IS NOT NULL))
      )`);
    for (const statement of outboxTableSql('notifier.outbox')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notifier.outbox');
    await runner.query('DROP TABLE notifier.sms_replies');
    await runner.query('DROP TABLE notifier.sms_surveys');
  }
}
