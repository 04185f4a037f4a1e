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

/** Replaces the whole ordered rule list with a new, audited version that becomes active at once. */
export class ReplaceRulesUseCase {
  constructor(
    private readonly repository: RuleSetRepository,
    private readonly activeRules: ActiveRules,
  ) {}

  async execute(command: ReplaceRulesCommand): Promise<RuleSet> {
    const errors = validateRuleList(command.rules);
    if (errors.length > 0) throw new InvalidRuleListError(errors);
    const created = await this.repository.replace(command);
    this.activeRules.use(created);
    return created;
  }
}
