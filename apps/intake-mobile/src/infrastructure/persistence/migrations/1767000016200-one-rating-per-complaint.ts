import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One rating per complaint and customer: the rating that answered each complaint's survey, by its
 * Idempotency-Key. A rating under another key breaks the primary key and is refused (409). Complaints
 * rated more than once before this migration keep their first rating as the answer; no rating is deleted.
 */
export class OneRatingPerComplaint1767000016200 implements MigrationInterface {
  name = 'OneRatingPerComplaint1767000016200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE intake_mobile.rated_complaints (
        customer_id text NOT NULL,
        complaint_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        CONSTRAINT rated_complaints_pkey PRIMARY KEY (customer_id, complaint_id),
        FOREIGN KEY (customer_id, idempotency_key) REFERENCES intake_mobile.ratings (customer_id, idempotency_key) ON DELETE CASCADE
      )`);
    await runner.query(`
      INSERT INTO intake_mobile.rated_complaints (customer_id, complaint_id, idempotency_key)
      SELECT DISTINCT ON (customer_id, complaint_id) customer_id, complaint_id, idempotency_key
        FROM intake_mobile.ratings
       ORDER BY customer_id, complaint_id, received_at, idempotency_key`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_mobile.rated_complaints');
  }
}
