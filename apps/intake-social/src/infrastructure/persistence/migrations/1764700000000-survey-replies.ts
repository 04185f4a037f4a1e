import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey replies on WeChat and Weibo: the surveys awaiting a customer's answer (from case events),
 * and messages that answered one: they belong to no conversation and carry the response to publish.
 */
export class SurveyReplies1764700000000 implements MigrationInterface {
  name = 'SurveyReplies1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_social.surveys (
        channel text NOT NULL CHECK (channel IN ('wechat', 'weibo')),
        user_id text NOT NULL,
        reference text NOT NULL,
        complaint_id uuid NOT NULL,
        account text NOT NULL,
        status text NOT NULL CHECK (status IN ('outstanding', 'answered', 'ended')),
        sent_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        answered_message_id text,
        PRIMARY KEY (channel, user_id, reference)
      )`);
    await runner.query(
      `CREATE INDEX surveys_outstanding_ix ON intake_social.surveys (channel, user_id, sent_at DESC) WHERE status = 'outstanding'`,
    );
    await runner.query('ALTER TABLE intake_social.messages ALTER COLUMN complaint_id DROP NOT NULL');
    await runner.query('ALTER TABLE intake_social.messages DROP CONSTRAINT messages_outcome_check');
    await runner.query(
      `ALTER TABLE intake_social.messages ADD CONSTRAINT messages_outcome_check CHECK (outcome IN ('opened', 'appended', 'survey-answered'))`,
    );
    await runner.query(`
      ALTER TABLE intake_social.messages
        ADD COLUMN response jsonb,
        ADD COLUMN response_status text CHECK (response_status IN ('pending', 'published')),
        ADD COLUMN response_after timestamptz,
        ADD CONSTRAINT messages_answer_ck CHECK ((outcome = 'survey-answered') = (complaint_id IS NULL AND response IS NOT NULL AND response_status IS NOT NULL))`);
    await runner.query(
      `CREATE INDEX messages_response_due_ix ON intake_social.messages (response_after) WHERE response_status = 'pending'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM intake_social.messages WHERE outcome = 'survey-answered'`);
    await runner.query('DROP INDEX intake_social.messages_response_due_ix');
    await runner.query(
      'ALTER TABLE intake_social.messages DROP CONSTRAINT messages_answer_ck, DROP COLUMN response_after, DROP COLUMN response_status, DROP COLUMN response',
    );
    await runner.query('ALTER TABLE intake_social.messages DROP CONSTRAINT messages_outcome_check');
    await runner.query(
      `ALTER TABLE intake_social.messages ADD CONSTRAINT messages_outcome_check CHECK (outcome IN ('opened', 'appended'))`,
    );
    await runner.query('ALTER TABLE intake_social.messages ALTER COLUMN complaint_id SET NOT NULL');
    await runner.query('DROP TABLE intake_social.surveys');
  }
}
