import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaseProgress1764500000000 implements MigrationInterface {
  name = 'CreateCaseProgress1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.case_progress (
        reference text PRIMARY KEY,
        status text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE intake_web.case_updates (
        event_id uuid PRIMARY KEY,
        reference text NOT NULL,
        kind text NOT NULL,
        message text,
        at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX case_updates_reference_ix ON intake_web.case_updates (reference, at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_web.case_updates');
    await runner.query('DROP TABLE intake_web.case_progress');
  }
}
