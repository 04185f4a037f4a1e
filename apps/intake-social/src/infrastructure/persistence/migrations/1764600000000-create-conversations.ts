import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConversations1764600000000 implements MigrationInterface {
  name = 'CreateConversations1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_social.conversations (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        event_id uuid NOT NULL,
        correlation_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('wechat', 'weibo')),
        account text NOT NULL,
        user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closing', 'published')),
        opened_at timestamptz NOT NULL,
        last_message_at timestamptz NOT NULL,
        publish_after timestamptz NOT NULL,
        publish_attempts int NOT NULL DEFAULT 0,
        published_at timestamptz
      )`);
    await runner.query('CREATE UNIQUE INDEX conversations_reference_uq ON intake_social.conversations (reference)');
    // At most one open conversation per customer and account: later messages join it.
    await runner.query(
      `CREATE UNIQUE INDEX conversations_open_uq ON intake_social.conversations (channel, account, user_id) WHERE status = 'open'`,
    );
    await runner.query(
      `CREATE INDEX conversations_unpublished_ix ON intake_social.conversations (last_message_at) WHERE status <> 'published'`,
    );
    await runner.query(`
      CREATE TABLE intake_social.messages (
        channel text NOT NULL,
        account text NOT NULL,
        message_id text NOT NULL,
        complaint_id uuid NOT NULL REFERENCES intake_social.conversations (complaint_id),
        outcome text NOT NULL CHECK (outcome IN ('opened', 'appended')),
        text text NOT NULL,
        attachment jsonb,
        via text NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        reply text NOT NULL,
        reply_target jsonb,
        reply_status text NOT NULL CHECK (reply_status IN ('in-response', 'pending', 'sent', 'dead')),
        reply_attempts int NOT NULL DEFAULT 0,
        reply_after timestamptz,
        reply_error text,
        PRIMARY KEY (channel, account, message_id)
      )`);
    await runner.query('CREATE INDEX messages_conversation_ix ON intake_social.messages (complaint_id)');
    await runner.query(`CREATE INDEX messages_reply_due_ix ON intake_social.messages (reply_after) WHERE reply_status = 'pending'`);
    await runner.query(`
      CREATE TABLE intake_social.poll_cursors (
        stream text PRIMARY KEY,
        since_id text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_social.poll_cursors');
    await runner.query('DROP TABLE intake_social.messages');
    await runner.query('DROP TABLE intake_social.conversations');
  }
}
