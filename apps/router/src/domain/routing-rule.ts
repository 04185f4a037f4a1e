import type { Department, Priority, Product, Reason, ServicePoint } from '@complaints/contracts';

/** A conjunction: every axis it names must match one of the listed values. An empty condition always matches. */
export interface RuleCondition {
  product?: Product[];
  reason?: Reason[];
  servicePoint?: ServicePoint[];
  priority?: Priority[];
  escalation?: boolean;
}

/** A routing rule: the first rule with any matching condition decides the department. */
export interface RoutingRule {
  id: string;
  description: string;
  department: Department;
  /** Any of these conditions (a disjunction of conjunctions). */
  when: RuleCondition[];
}

export interface RuleFacts {
  product: Product;
  reason: Reason;
  servicePoint: ServicePoint;
  priority: Priority;
  escalation: boolean;
}

export function conditionMatches(condition: RuleCondition, facts: RuleFacts): boolean {
  return (
    (condition.product === undefined || condition.product.includes(facts.product)) &&
    (condition.reason === undefined || condition.reason.includes(facts.reason)) &&
    (condition.servicePoint === undefined || condition.servicePoint.includes(facts.servicePoint)) &&
    (condition.priority === undefined || condition.priority.includes(facts.priority)) &&
    (condition.escalation === undefined || condition.escalation === facts.escalation)
  );
}

/** First match wins; a rule set must end with a catch-all, so there is always one. */
export function firstMatchingRule(rules: readonly RoutingRule[], facts: RuleFacts): RoutingRule {
  const rule = rules.find((r) => r.when.some((condition) => conditionMatches(condition, facts)));
  if (!rule) throw new Error('the rule set has no catch-all rule');
  return rule;
}
