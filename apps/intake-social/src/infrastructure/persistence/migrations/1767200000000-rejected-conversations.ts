import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A conversation whose complaint can never satisfy the contract is set aside as `rejected`, with the
 * reason, instead of being claimed again and again (it never blocks the others: they are published
 * one by one).
 */
export class RejectedConversations1767200000000 implements MigrationInterface {
  name = 'RejectedConversations1767200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE intake_social.conversations DROP CONSTRAINT conversations_status_check');
    await runner.query(
      `ALTER TABLE intake_social.conversations ADD CONSTRAINT conversations_status_check CHECK (status IN ('open', 'closing', 'published', 'rejected'))`,
    );
    await runner.query('ALTER TABLE intake_social.conversations ADD COLUMN publish_error text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE intake_social.conversations DROP COLUMN publish_error');
    await runner.query(`UPDATE intake_social.conversations SET status = 'closing' WHERE status = 'rejected'`);
    await runner.query('ALTER TABLE intake_social.conversations DROP CONSTRAINT conversations_status_check');
    await runner.query(
      `ALTER TABLE intake_social.conversations ADD CONSTRAINT conversations_status_check CHECK (status IN ('open', 'closing', 'published'))`,
    );
  }
}
