import type { Classification } from '@complaints/classification';
import type { Department } from '@complaints/contracts';
import { firstMatchingRule, RoutingRule } from './routing-rule';

export interface RoutingOutcome {
  department: Department;
  ruleId: string;
  needsTriage: boolean;
}

export const TRIAGE_RULE_ID = 'TRIAGE';

/**
 * Picks the department for a classified complaint. When the classifier is unsure of both the
 * product and the reason (below `triageThreshold`) and nothing calls for escalation, the complaint
 * goes to human triage in customer service rather than to a guessed department.
 */
export function decideRouting(classification: Classification, rules: readonly RoutingRule[], triageThreshold: number): RoutingOutcome {
  const unsure = classification.confidence.product < triageThreshold && classification.confidence.reason < triageThreshold;
  if (unsure && !classification.escalation && classification.priority !== 'P1') {
    return { department: 'CUSTOMER_SERVICE', ruleId: TRIAGE_RULE_ID, needsTriage: true };
  }
  const rule = firstMatchingRule(rules, classification);
  return { department: rule.department, ruleId: rule.id, needsTriage: false };
}
