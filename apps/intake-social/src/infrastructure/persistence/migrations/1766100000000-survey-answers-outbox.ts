import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@complaints/messaging';

const TOPIC = 'complaints.customer-responses.v1';

/**
 * Survey answers move to the shared outbox shape: `intake_social.outbox` (outboxTableSql), relayed by
 * the shared PostgresOutboxRelay instead of the service's own claim/lease over `messages`.
 *
 * The answers still waiting for Kafka (`response_status = 'pending'`) are copied into the outbox in
 * the order they were received, under the same event id and key (complaintId, else reference), and
 * only then the relay columns go. `messages` is locked first, so no instance still running the old
 * relay can record or publish an answer between the copy and the drop (it fails and is retried
 * instead). The migration is one transaction: either every pending answer is in the outbox and the
 * old columns are gone, or nothing changed. `messages.response` stays: it is the record of the answer
 * (a redelivered message is told its case from it).
 */
export class SurveyAnswersOutbox1766100000000 implements MigrationInterface {
  name = 'SurveyAnswersOutbox1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('LOCK TABLE intake_social.messages IN ACCESS EXCLUSIVE MODE');
    for (const statement of outboxTableSql('intake_social.outbox')) await runner.query(statement);
    await runner.query(
      `INSERT INTO intake_social.outbox (event_id, topic, message_key, payload, created_at)
       SELECT (response->>'eventId')::uuid, $1, coalesce(response->>'complaintId', response->>'reference'), response, received_at
         FROM intake_social.messages
        WHERE response_status = 'pending'
        ORDER BY received_at, channel, account, message_id`,
      [TOPIC],
    );
    await runner.query('DROP INDEX intake_social.messages_response_due_ix');
    await runner.query(`
      ALTER TABLE intake_social.messages
        DROP CONSTRAINT messages_answer_ck,
        DROP COLUMN response_status,
        DROP COLUMN response_after,
        ADD CONSTRAINT messages_answer_ck CHECK ((outcome = 'survey-answered') = (complaint_id IS NULL AND response IS NOT NULL))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('LOCK TABLE intake_social.messages IN ACCESS EXCLUSIVE MODE');
    await runner.query(`
      ALTER TABLE intake_social.messages
        DROP CONSTRAINT messages_answer_ck,
        ADD COLUMN response_status text CHECK (response_status IN ('pending', 'published')),
        ADD COLUMN response_after timestamptz`);
    // Answers the outbox has not published yet are pending again; every other answer was published.
    await runner.query(
      `UPDATE intake_social.messages m
          SET response_status = CASE WHEN EXISTS (
                SELECT 1 FROM intake_social.outbox o WHERE o.event_id = (m.response->>'eventId')::uuid AND o.published_at IS NULL
              ) THEN 'pending' ELSE 'published' END,
              response_after = m.received_at
        WHERE m.outcome = 'survey-answered'`,
    );
    await runner.query(
      `ALTER TABLE intake_social.messages
         ADD CONSTRAINT messages_answer_ck CHECK ((outcome = 'survey-answered') = (complaint_id IS NULL AND response IS NOT NULL AND response_status IS NOT NULL))`,
    );
    await runner.query(
      `CREATE INDEX messages_response_due_ix ON intake_social.messages (response_after) WHERE response_status = 'pending'`,
    );
    await runner.query('DROP TABLE intake_social.outbox');
  }
}
