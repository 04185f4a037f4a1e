import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMobileIntake1764600000000 implements MigrationInterface {
  name = 'CreateMobileIntake1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_mobile.submissions (
        complaint_id uuid PRIMARY KEY,
        customer_id text NOT NULL,
        idempotency_key text NOT NULL,
        reference text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted')),
        event jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz,
        case_status text,
        case_updated_at timestamptz
      )`);
    await runner.query('CREATE UNIQUE INDEX submissions_reference_uq ON intake_mobile.submissions (reference)');
    await runner.query('CREATE UNIQUE INDEX submissions_customer_key_uq ON intake_mobile.submissions (customer_id, idempotency_key)');
    await runner.query('CREATE INDEX submissions_customer_received_ix ON intake_mobile.submissions (customer_id, received_at DESC)');
    await runner.query(`
      CREATE TABLE intake_mobile.attachments (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES intake_mobile.submissions (complaint_id) ON DELETE CASCADE,
        position smallint NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name text,
        content bytea NOT NULL,
        UNIQUE (complaint_id, position)
      )`);
    await runner.query(`
      CREATE TABLE intake_mobile.case_updates (
        event_id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES intake_mobile.submissions (complaint_id) ON DELETE CASCADE,
        event_type text NOT NULL,
        status text NOT NULL,
        customer_visible boolean NOT NULL,
        message text,
        at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX case_updates_complaint_ix ON intake_mobile.case_updates (complaint_id, at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_mobile.case_updates');
    await runner.query('DROP TABLE intake_mobile.attachments');
    await runner.query('DROP TABLE intake_mobile.submissions');
  }
}
