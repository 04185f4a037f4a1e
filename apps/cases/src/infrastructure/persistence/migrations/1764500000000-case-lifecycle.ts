import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case lifecycle: clock and lifecycle state on the case, the SLA watcher's index, an append-only
 * audit trail, immutability of archived cases, and the outbox of `complaints.case-events.v1`.
 */
export class CaseLifecycle1764500000000 implements MigrationInterface {
  name = 'CaseLifecycle1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE cases.cases
        ADD COLUMN clock jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN lifecycle jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN next_alert_at timestamptz,
        ADD COLUMN version int NOT NULL DEFAULT 0`);
    // Cases opened before this migration: the watcher looks at them once and computes their next alert.
    await runner.query('UPDATE cases.cases SET next_alert_at = received_at');
    await runner.query('CREATE INDEX cases_next_alert_idx ON cases.cases (next_alert_at) WHERE next_alert_at IS NOT NULL');
    await runner.query('CREATE INDEX cases_assignee_idx ON cases.cases (assignee) WHERE assignee IS NOT NULL');

    await runner.query(`
      CREATE TABLE cases.audit_log (
        id bigserial PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES cases.cases (complaint_id),
        reference text NOT NULL,
        action text NOT NULL,
        actor_type text NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        at timestamptz NOT NULL,
        before jsonb,
        after jsonb NOT NULL,
        event_ids uuid[] NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_log_case_idx ON cases.audit_log (complaint_id, id)');
    await runner.query(`
      CREATE FUNCTION cases.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'cases.audit_log is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON cases.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION cases.refuse_audit_change()`);
    await runner.query(`
      CREATE FUNCTION cases.refuse_archived_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'ARCHIVED' THEN
          RAISE EXCEPTION 'case % is archived and immutable', OLD.reference;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER cases_archived_immutable BEFORE UPDATE OR DELETE ON cases.cases
      FOR EACH ROW EXECUTE FUNCTION cases.refuse_archived_change()`);

    await runner.query(`
      CREATE TABLE cases.outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await runner.query('CREATE INDEX outbox_pending_idx ON cases.outbox (id) WHERE published_at IS NULL');
    await runner.query('CREATE INDEX outbox_published_idx ON cases.outbox (published_at) WHERE published_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cases.outbox');
    await runner.query('DROP TRIGGER cases_archived_immutable ON cases.cases');
    await runner.query('DROP FUNCTION cases.refuse_archived_change()');
    await runner.query('DROP TABLE cases.audit_log');
    await runner.query('DROP FUNCTION cases.refuse_audit_change()');
    await runner.query('ALTER TABLE cases.cases DROP COLUMN clock, DROP COLUMN lifecycle, DROP COLUMN next_alert_at, DROP COLUMN version');
  }
}
