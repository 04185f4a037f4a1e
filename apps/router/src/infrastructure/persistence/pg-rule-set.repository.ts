import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Department } from '@complaints/contracts';
import { RuleAuditEntry, RuleChange, RuleSetRepository, RuleSetSummary } from '../../application/routing-rules/rule-set.repository';
import type { RoutingRule, RuleCondition } from '../../domain/routing-rule';
import type { RuleSet } from '../../domain/rule-set';
import { RulesVersionConflictError } from '../../domain/rule-set-errors';

/** PostgreSQL channel on which a new active rule-set version is announced (payload: the version). */
export const RULES_CHANGED_CHANNEL = 'routing_rules_changed';

interface VersionRow {
  version: number;
  created_by: string;
  created_at: Date;
  comment: string;
  active: boolean;
}

interface RuleRow {
  rule_id: string;
  description: string;
  department: Department;
  conditions: RuleCondition[];
}

@Injectable()
export class PgRuleSetRepository extends RuleSetRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  async activeVersion(): Promise<number> {
    const rows: { version: number }[] = await this.db.query('SELECT version FROM routing.rule_set_versions WHERE active');
    if (rows.length !== 1) throw new Error('there is no active routing rule set');
    return rows[0].version;
  }

  async active(): Promise<RuleSet> {
    const rows: VersionRow[] = await this.db.query('SELECT * FROM routing.rule_set_versions WHERE active');
    if (rows.length !== 1) throw new Error('there is no active routing rule set');
    return this.withRules(this.db.manager, rows[0]);
  }

  async version(version: number): Promise<RuleSet | null> {
    const rows: VersionRow[] = await this.db.query('SELECT * FROM routing.rule_set_versions WHERE version = $1', [version]);
    return rows.length ? this.withRules(this.db.manager, rows[0]) : null;
  }

  async versions(): Promise<RuleSetSummary[]> {
    const rows: (VersionRow & { rule_count: string })[] = await this.db.query(`
      SELECT v.*, (SELECT count(*) FROM routing.rules r WHERE r.version = v.version) AS rule_count
      FROM routing.rule_set_versions v ORDER BY v.version DESC`);
    return rows.map((row) => ({ ...summary(row), active: row.active, ruleCount: Number(row.rule_count) }));
  }

  replace(change: RuleChange): Promise<RuleSet> {
    return this.db.transaction(async (tx) => {
      // One change at a time: the check of expectedVersion and the switch happen under this lock.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('routing.rule_set_versions'))`);
      const [current]: VersionRow[] = await tx.query('SELECT * FROM routing.rule_set_versions WHERE active');
      if (current.version !== change.expectedVersion) throw new RulesVersionConflictError(change.expectedVersion, current.version);
      const before = await this.withRules(tx, current);
      const version = current.version + 1;
      await tx.query('UPDATE routing.rule_set_versions SET active = false WHERE version = $1', [current.version]);
      const [created]: VersionRow[] = await tx.query(
        'INSERT INTO routing.rule_set_versions (version, created_by, comment, active) VALUES ($1, $2, $3, true) RETURNING *',
        [version, change.actor, change.comment],
      );
      const rules = change.rules.map(plainRule);
      await tx.query(
        `INSERT INTO routing.rules (version, position, rule_id, description, department, conditions)
         SELECT $1, r.ord - 1, r.item->>'id', r.item->>'description', r.item->>'department', r.item->'when'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(item, ord)`,
        [version, JSON.stringify(rules)],
      );
      await tx.query(
        `INSERT INTO routing.rule_audit (actor, action, from_version, to_version, comment, before, after)
         VALUES ($1, $7, $2, $3, $4, $5, $6)`,
        [change.actor, current.version, version, change.comment, JSON.stringify(before.rules), JSON.stringify(rules), change.action],
      );
      await tx.query('SELECT pg_notify($1, $2)', [RULES_CHANGED_CHANNEL, String(version)]);
      return { ...summary(created), rules };
    });
  }

  async audit(limit: number, offset: number): Promise<{ items: RuleAuditEntry[]; total: number }> {
    const [{ total }]: { total: string }[] = await this.db.query('SELECT count(*) AS total FROM routing.rule_audit');
    const rows: Record<string, unknown>[] = await this.db.query('SELECT * FROM routing.rule_audit ORDER BY id DESC LIMIT $1 OFFSET $2', [
      limit,
      offset,
    ]);
    const items = rows.map((row) => ({
      id: Number(row.id),
      at: (row.at as Date).toISOString(),
      actor: row.actor as RuleAuditEntry['actor'],
      action: row.action as RuleAuditEntry['action'],
      fromVersion: row.from_version as RuleAuditEntry['fromVersion'],
      toVersion: row.to_version as RuleAuditEntry['toVersion'],
      comment: row.comment as RuleAuditEntry['comment'],
      before: row.before as RuleAuditEntry['before'],
      after: row.after as RuleAuditEntry['after'],
    }));
    return { items, total: Number(total) };
  }

  private async withRules(manager: EntityManager, row: VersionRow): Promise<RuleSet> {
    const rules: RuleRow[] = await manager.query(
      'SELECT rule_id, description, department, conditions FROM routing.rules WHERE version = $1 ORDER BY position',
      [row.version],
    );
    return {
      ...summary(row),
      rules: rules.map((r) => ({ id: r.rule_id, description: r.description, department: r.department, when: r.conditions })),
    };
  }
}

function summary(row: VersionRow) {
  return { version: row.version, createdBy: row.created_by, createdAt: row.created_at.toISOString(), comment: row.comment };
}

/** Only the fields of a rule, in a fixed order (DTO instances may carry prototypes and undefined axes). */
function plainRule(rule: RoutingRule): RoutingRule {
  return {
    id: rule.id,
    description: rule.description,
    department: rule.department,
    when: rule.when.map(
      (c) =>
        JSON.parse(
          JSON.stringify({
            product: c.product,
            reason: c.reason,
            servicePoint: c.servicePoint,
            priority: c.priority,
            escalation: c.escalation,
          }),
        ) as RuleCondition,
    ),
  };
}
