import { MigrationInterface, QueryRunner } from 'typeorm';

/** Satisfaction ratings sent from the app, one per customer and Idempotency-Key. */
export class CreateRatings1764700000000 implements MigrationInterface {
  name = 'CreateRatings1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_mobile.ratings (
        customer_id text NOT NULL,
        idempotency_key text NOT NULL,
        complaint_id uuid NOT NULL REFERENCES intake_mobile.submissions (complaint_id) ON DELETE CASCADE,
        reference text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted')),
        event jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        accepted_at timestamptz,
        PRIMARY KEY (customer_id, idempotency_key)
      )`);
    await runner.query('CREATE INDEX ratings_complaint_ix ON intake_mobile.ratings (complaint_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_mobile.ratings');
  }
}
