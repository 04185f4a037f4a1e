import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubmissions1764400000000 implements MigrationInterface {
  name = 'CreateSubmissions1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_web.submissions (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        idempotency_key text,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted')),
        event jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz
      )`);
    await runner.query('CREATE UNIQUE INDEX submissions_reference_uq ON intake_web.submissions (reference)');
    await runner.query(
      'CREATE UNIQUE INDEX submissions_idempotency_key_uq ON intake_web.submissions (idempotency_key) WHERE idempotency_key IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_web.submissions');
  }
}
