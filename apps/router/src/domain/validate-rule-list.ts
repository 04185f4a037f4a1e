import type { FieldError } from '@complaints/contracts';
import { TRIAGE_RULE_ID } from './decide-routing';
import type { RoutingRule, RuleCondition } from './routing-rule';

const AXES = ['product', 'reason', 'servicePoint', 'priority'] as const;

/** True for a condition that names no axis: it matches every complaint. */
export function isCatchAll(condition: RuleCondition): boolean {
  return AXES.every((axis) => condition[axis] === undefined) && condition.escalation === undefined;
}

/**
 * The rules a rule list must keep beyond the shape of each rule (codes are checked by the DTOs):
 * not empty, unique ids (TRIAGE reserved), every condition able to match, exactly one catch-all and it is last (a
 * catch-all earlier would make every later rule unreachable). Field paths name the offending rule.
 */
export function validateRuleList(rules: readonly RoutingRule[]): FieldError[] {
  if (rules.length === 0) return [{ field: 'rules', message: 'the rule list must not be empty' }];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = seen.get(rule.id);
    if (first !== undefined)
      errors.push({ field: `rules.${index}.id`, message: `duplicate rule id "${rule.id}" (also rules.${first}.id)` });
    else seen.set(rule.id, index);
    if (rule.id === TRIAGE_RULE_ID)
      errors.push({ field: `rules.${index}.id`, message: `"${TRIAGE_RULE_ID}" is reserved for human triage` });
    if (rule.when.length === 0) errors.push({ field: `rules.${index}.when`, message: 'a rule needs at least one condition' });
    rule.when.forEach((condition, c) => {
      for (const axis of AXES) {
        if (condition[axis] !== undefined && condition[axis].length === 0) {
          errors.push({
            field: `rules.${index}.when.${c}.${axis}`,
            message: 'an empty list never matches; leave the axis out to match any value',
          });
        }
      }
    });
    const catchAll = rule.when.some(isCatchAll);
    if (catchAll && index < rules.length - 1) {
      errors.push({
        field: `rules.${index}.when`,
        message: `a catch-all condition here makes the ${rules.length - 1 - index} rule(s) after it unreachable`,
      });
    }
  });
  const last = rules[rules.length - 1];
  if (!last.when.some(isCatchAll)) {
    errors.push({
      field: `rules.${rules.length - 1}.when`,
      message: 'the last rule must be a catch-all (a condition {} that matches everything)',
    });
  }
  return errors;
}
