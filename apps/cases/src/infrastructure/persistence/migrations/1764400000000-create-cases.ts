import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1764400000000 implements MigrationInterface {
  name = 'CreateCases1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cases.cases (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        department text NOT NULL,
        assignee text,
        priority text NOT NULL,
        escalation boolean NOT NULL,
        needs_triage boolean NOT NULL,
        product text NOT NULL,
        reason text NOT NULL,
        service_point text NOT NULL,
        received_at timestamptz NOT NULL,
        routed_at timestamptz NOT NULL,
        feedback_due_at timestamptz NOT NULL,
        decision_due_at timestamptz NOT NULL,
        decision_deadline_days int NOT NULL,
        details jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE UNIQUE INDEX cases_reference_uq ON cases.cases (reference)');
    await runner.query('CREATE INDEX cases_queue_idx ON cases.cases (department, status, decision_due_at)');
    await runner.query('CREATE INDEX cases_received_idx ON cases.cases (received_at DESC)');
    await runner.query(`
      CREATE TABLE cases.timeline (
        id bigserial PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES cases.cases (complaint_id),
        type text NOT NULL,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        source_event_id text NOT NULL,
        details jsonb NOT NULL,
        UNIQUE (complaint_id, source_event_id, type)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cases.timeline');
    await runner.query('DROP TABLE cases.cases');
  }
}
