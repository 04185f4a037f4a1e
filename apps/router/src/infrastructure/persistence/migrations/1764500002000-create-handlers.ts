import { MigrationInterface, QueryRunner } from 'typeorm';

/** Department handlers (skills, languages, active), the router's assignment of each routed complaint, and the append-only trail of handler changes. */
export class CreateHandlers1764500002000 implements MigrationInterface {
  name = 'CreateHandlers1764500002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing.handlers (
        handler_id text PRIMARY KEY,
        name text NOT NULL,
        department text NOT NULL,
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX handlers_department_idx ON routing.handlers (department) WHERE active');
    await runner.query(`
      CREATE TABLE routing.assignments (
        complaint_id uuid PRIMARY KEY,
        reference text NOT NULL,
        department text NOT NULL,
        language text NOT NULL,
        product text NOT NULL,
        reason text NOT NULL,
        handler_id text,
        open boolean NOT NULL DEFAULT true,
        assigned_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX assignments_open_handler_idx ON routing.assignments (handler_id) WHERE open');
    await runner.query(`
      CREATE TABLE routing.handler_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        handler_id text NOT NULL,
        before jsonb,
        after jsonb NOT NULL,
        reassigned jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`
      CREATE TRIGGER handler_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON routing.handler_audit
      FOR EACH STATEMENT EXECUTE FUNCTION routing.refuse_audit_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing.handler_audit');
    await runner.query('DROP TABLE routing.assignments');
    await runner.query('DROP TABLE routing.handlers');
  }
}
