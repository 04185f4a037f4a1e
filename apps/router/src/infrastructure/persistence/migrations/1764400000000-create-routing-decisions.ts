import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRoutingDecisions1764400000000 implements MigrationInterface {
  name = 'CreateRoutingDecisions1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing.decisions (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        department text NOT NULL,
        rule_id text NOT NULL,
        needs_triage boolean NOT NULL,
        routed_event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX decisions_department_idx ON routing.decisions (department, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing.decisions');
  }
}
