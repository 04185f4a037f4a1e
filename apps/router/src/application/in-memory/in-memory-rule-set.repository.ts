import type { RoutingRule } from '../../domain/routing-rule';
import type { RuleSet } from '../../domain/rule-set';
import { RulesVersionConflictError } from '../../domain/rule-set-errors';
import { RuleAuditEntry, RuleChange, RuleSetRepository, RuleSetSummary } from '../routing-rules/rule-set.repository';

/** The versioned rule sets in memory: exactly one active, a change checked against the active version. */
export class InMemoryRuleSetRepository extends RuleSetRepository {
  private readonly sets: RuleSet[];
  private activeAt: number;
  private readonly trail: RuleAuditEntry[] = [];

  constructor(
    rules: readonly RoutingRule[],
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.sets = [
      { version: 1, rules: structuredClone([...rules]), createdBy: 'migration', createdAt: this.now().toISOString(), comment: 'default' },
    ];
    this.activeAt = 0;
  }

  async activeVersion(): Promise<number> {
    return (await this.active()).version;
  }

  async active(): Promise<RuleSet> {
    await Promise.resolve();
    return structuredClone(this.sets[this.activeAt]);
  }

  async version(version: number): Promise<RuleSet | null> {
    await Promise.resolve();
    const found = this.sets.find((s) => s.version === version);
    return found ? structuredClone(found) : null;
  }

  async versions(): Promise<RuleSetSummary[]> {
    await Promise.resolve();
    return this.sets
      .map((s, i) => ({
        version: s.version,
        createdBy: s.createdBy,
        createdAt: s.createdAt,
        comment: s.comment,
        active: i === this.activeAt,
        ruleCount: s.rules.length,
      }))
      .reverse();
  }

  async replace(change: RuleChange): Promise<RuleSet> {
    await Promise.resolve();
    const current = this.sets[this.activeAt];
    if (current.version !== change.expectedVersion) throw new RulesVersionConflictError(change.expectedVersion, current.version);
    const created: RuleSet = {
      version: current.version + 1,
      rules: structuredClone(change.rules),
      createdBy: change.actor,
      createdAt: this.now().toISOString(),
      comment: change.comment,
    };
    this.sets.push(created);
    this.activeAt = this.sets.length - 1;
    this.trail.push({
      id: this.trail.length + 1,
      at: created.createdAt,
      actor: change.actor,
      action: change.action,
      fromVersion: current.version,
      toVersion: created.version,
      comment: change.comment,
      before: structuredClone(current.rules),
      after: structuredClone(change.rules),
    });
    return structuredClone(created);
  }

  async audit(limit: number, offset: number): Promise<{ items: RuleAuditEntry[]; total: number }> {
    await Promise.resolve();
    return { items: [...this.trail].reverse().slice(offset, offset + limit), total: this.trail.length };
  }
}
