import type { FieldError } from '@complaints/contracts';

/** The caller changed the rules from a version that is no longer the active one. */
export class RulesVersionConflictError extends Error {
  readonly code = 'RULES_VERSION_CONFLICT';

  constructor(
    readonly expectedVersion: number,
    readonly activeVersion: number,
  ) {
    super(`the active rules are version ${activeVersion}, not ${expectedVersion}; reload them and apply your change again`);
    this.name = 'RulesVersionConflictError';
  }
}

/** A rule list that breaks the rules of rule lists (see validateRuleList). */
export class InvalidRuleListError extends Error {
  readonly code = 'INVALID_RULE_LIST';

  constructor(readonly errors: FieldError[]) {
    super(`the rule list is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidRuleListError';
  }
}
