import type { RoutingRule } from '../../domain/routing-rule';
import type { RuleSet } from '../../domain/rule-set';
import { InvalidRuleListError } from '../../domain/rule-set-errors';
import { validateRuleList } from '../../domain/validate-rule-list';
import { ActiveRules } from './active-rules';
import { RuleSetRepository } from './rule-set.repository';

export interface ReplaceRulesCommand {
  expectedVersion: number;
  rules: RoutingRule[];
  actor: string;
  comment: string;
}

export interface RestoreRulesCommand {
  expectedVersion: number;
  /** The earlier version whose rules become active again (as a new version). */
  version: number;
  actor: string;
  comment: string;
}

/** An earlier version to restore that does not exist. */
export class UnknownRulesVersionError extends Error {
  constructor(readonly version: number) {
    super(`there is no rule-set version ${version}`);
    this.name = 'UnknownRulesVersionError';
  }
}

/**
 * Replaces the whole ordered rule list with a new, audited version that becomes active at once;
 * a rollback restores an earlier version's rules the same way (history is never rewritten).
 */
export class ReplaceRulesUseCase {
  constructor(
    private readonly repository: RuleSetRepository,
    private readonly activeRules: ActiveRules,
  ) {}

  async execute(command: ReplaceRulesCommand): Promise<RuleSet> {
    const errors = validateRuleList(command.rules);
    if (errors.length > 0) throw new InvalidRuleListError(errors);
    const created = await this.repository.replace({ ...command, action: 'replace' });
    this.activeRules.use(created);
    return created;
  }

  async restore(command: RestoreRulesCommand): Promise<RuleSet> {
    const earlier = await this.repository.version(command.version);
    if (!earlier) throw new UnknownRulesVersionError(command.version);
    const created = await this.repository.replace({
      expectedVersion: command.expectedVersion,
      rules: earlier.rules,
      actor: command.actor,
      comment: command.comment,
      action: `restore:${command.version}`,
    });
    this.activeRules.use(created);
    return created;
  }
}
