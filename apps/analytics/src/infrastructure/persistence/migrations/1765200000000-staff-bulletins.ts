import { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffBulletins1765200000000 implements MigrationInterface {
  name = 'StaffBulletins1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    // One bulletin per ISO week (the key: a second instance or a restart stores none again), and the
    // outbox of analytics.bulletins.v1: published_at stays null until Kafka acknowledged it.
    await runner.query(`
      CREATE TABLE analytics.bulletins (
        week text PRIMARY KEY,
        bulletin_id uuid NOT NULL UNIQUE,
        composed_at timestamptz NOT NULL,
        body jsonb NOT NULL,
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query('CREATE INDEX bulletins_pending_idx ON analytics.bulletins (composed_at) WHERE published_at IS NULL');
    // The bulletin's improvements count the cases closed in its week.
    await runner.query('CREATE INDEX complaint_facts_closed_at_idx ON analytics.complaint_facts (closed_at) WHERE closed_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX analytics.complaint_facts_closed_at_idx');
    await runner.query('DROP TABLE analytics.bulletins');
  }
}
