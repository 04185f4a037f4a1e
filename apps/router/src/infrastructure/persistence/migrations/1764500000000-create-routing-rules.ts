import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RULES } from '../../../domain/default-rules';

/**
 * Versioned routing rules (one active version, its rules in order), seeded with the docs/ARCHITECTURE.md (Taxonomy and routing)
 * defaults as version 1, and the append-only audit trail of every change.
 */
export class CreateRoutingRules1764500000000 implements MigrationInterface {
  name = 'CreateRoutingRules1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE routing.rule_set_versions (
        version integer PRIMARY KEY CHECK (version > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        comment text NOT NULL,
        active boolean NOT NULL DEFAULT false
      )`);
    await runner.query('CREATE UNIQUE INDEX rule_set_versions_one_active ON routing.rule_set_versions (active) WHERE active');
    await runner.query(`
      CREATE TABLE routing.rules (
        version integer NOT NULL REFERENCES routing.rule_set_versions (version),
        position integer NOT NULL CHECK (position >= 0),
        rule_id text NOT NULL,
        description text NOT NULL,
        department text NOT NULL,
        conditions jsonb NOT NULL,
        PRIMARY KEY (version, position),
        UNIQUE (version, rule_id)
      )`);
    await runner.query(`
      CREATE TABLE routing.rule_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        from_version integer,
        to_version integer NOT NULL,
        comment text NOT NULL,
        before jsonb,
        after jsonb NOT NULL
      )`);
    // Append-only: the trail can be read and added to, never rewritten.
    await runner.query(`
      CREATE FUNCTION routing.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'routing.rule_audit is append-only'; END $$`);
    await runner.query(`
      CREATE TRIGGER rule_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON routing.rule_audit
      FOR EACH STATEMENT EXECUTE FUNCTION routing.refuse_audit_change()`);
    // Rule-set versions and their rules are history too.
    await runner.query(`
      CREATE FUNCTION routing.refuse_rule_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'routing.rules of a version never change; create a new version'; END $$`);
    await runner.query(`
      CREATE TRIGGER rules_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON routing.rules
      FOR EACH STATEMENT EXECUTE FUNCTION routing.refuse_rule_change()`);

    const seed = DEFAULT_RULES.map((rule) => ({
      id: rule.id,
      description: rule.description,
      department: rule.department,
      when: rule.when,
    }));
    await runner.query(`INSERT INTO routing.rule_set_versions (version, created_by, comment, active) VALUES (1, 'system', $1, true)`, [
      'Default rules of DESIGN section 3',
    ]);
    for (const [position, rule] of seed.entries()) {
      await runner.query(
        'INSERT INTO routing.rules (version, position, rule_id, description, department, conditions) VALUES (1, $1, $2, $3, $4, $5)',
        [position, rule.id, rule.description, rule.department, JSON.stringify(rule.when)],
      );
    }
    await runner.query(
      `INSERT INTO routing.rule_audit (actor, action, from_version, to_version, comment, before, after) VALUES ('system', 'seed', NULL, 1, $1, NULL, $2)`,
      ['Default rules of DESIGN section 3', JSON.stringify(seed)],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing.rule_audit');
    await runner.query('DROP TABLE routing.rules');
    await runner.query('DROP TABLE routing.rule_set_versions');
    await runner.query('DROP FUNCTION routing.refuse_audit_change()');
    await runner.query('DROP FUNCTION routing.refuse_rule_change()');
  }
}
