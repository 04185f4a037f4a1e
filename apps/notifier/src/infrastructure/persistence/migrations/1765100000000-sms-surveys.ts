import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SMS survey replies: the surveys texted to hotline and web customers on resolution, awaiting an
 * answer, keyed by a keyed fingerprint of the phone (never the number); and the replies the SMS
 * gateway delivered (one row per gateway message: a redelivery finds it), with the response an
 * answer produced until Kafka has it.
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
    await runner.query(`CREATE INDEX sms_surveys_outstanding_ix ON notifier.sms_surveys (phone_fingerprint, sent_at DESC) WHERE status = 'outstanding'`);
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
        response jsonb,
        thanks jsonb,
        response_status text CHECK (response_status IN ('pending', 'published')),
        response_after timestamptz,
        PRIMARY KEY (gateway_id, message_id),
        CONSTRAINT sms_replies_answer_ck CHECK ((outcome = 'survey-answered') = (response IS NOT NULL AND thanks IS NOT NULL AND response_status IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX sms_replies_response_due_ix ON notifier.sms_replies (response_after) WHERE response_status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notifier.sms_replies');
    await runner.query('DROP TABLE notifier.sms_surveys');
  }
}
