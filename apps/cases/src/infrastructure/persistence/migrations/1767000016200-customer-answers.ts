import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One survey answer per case and customer: the answers filed, keyed by case and by who answered
 * (`case-customer` for the case's own customer on any channel, else their channel identity). A later
 * answer of the same customer breaks the primary key and changes nothing. Answers filed before this
 * migration are counted as the case's own customer's (the first one per case).
 */
export class CustomerAnswers1767000016200 implements MigrationInterface {
  name = 'CustomerAnswers1767000016200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cases.customer_answers (
        complaint_id uuid NOT NULL REFERENCES cases.cases (complaint_id),
        customer_key text NOT NULL,
        response_event_id text NOT NULL,
        channel text NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        recorded_at timestamptz NOT NULL,
        CONSTRAINT customer_answers_one_per_customer PRIMARY KEY (complaint_id, customer_key)
      )`);
    await runner.query(`
      INSERT INTO cases.customer_answers (complaint_id, customer_key, response_event_id, channel, score, recorded_at)
      SELECT DISTINCT ON (c.complaint_id)
             c.complaint_id, 'case-customer', substring(a.s ->> 'recordedBy' FROM 19), c.channel, (a.s ->> 'score')::smallint, (a.s ->> 'at')::timestamptz
        FROM cases.cases c
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(c.lifecycle -> 'satisfaction', '[]'::jsonb)) WITH ORDINALITY AS a(s, n)
       WHERE a.s ->> 'recordedBy' LIKE 'customer-response:%'
       ORDER BY c.complaint_id, a.n`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cases.customer_answers');
  }
}
