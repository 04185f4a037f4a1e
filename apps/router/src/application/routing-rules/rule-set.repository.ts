import type { RoutingRule } from '../../domain/routing-rule';
import type { RuleSet } from '../../domain/rule-set';

export interface RuleSetSummary {
  version: number;
  createdBy: string;
  createdAt: string;
  comment: string;
  active: boolean;
  ruleCount: number;
}

export interface RuleChange {
  /** What the audit trail calls the change: `replace`, or `restore:<version>` for a rollback. */
  action: string;
  expectedVersion: number;
  rules: RoutingRule[];
  actor: string;
  comment: string;
}

export interface RuleAuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  fromVersion: number | null;
  toVersion: number;
  comment: string;
  before: RoutingRule[] | null;
  after: RoutingRule[];
}

/** Port: the versioned rule sets, exactly one of them active, and the audit trail of changes. */
export abstract class RuleSetRepository {
  abstract activeVersion(): Promise<number>;
  abstract active(): Promise<RuleSet>;
  abstract version(version: number): Promise<RuleSet | null>;
  abstract versions(): Promise<RuleSetSummary[]>;
  /**
   * Stores `rules` as a new version and makes it the active one, with an audit entry, atomically;
   * throws RulesVersionConflictError when `expectedVersion` is not the active version.
   */
  abstract replace(change: RuleChange): Promise<RuleSet>;
  abstract audit(limit: number, offset: number): Promise<{ items: RuleAuditEntry[]; total: number }>;
}
