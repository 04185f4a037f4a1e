import type { Classification } from '@complaints/classification';
import type { Department } from '@complaints/contracts';
import { decideRouting, RoutingOutcome } from './decide-routing';
import { conditionMatches, RoutingRule } from './routing-rule';

export interface RuleEvaluation {
  position: number;
  ruleId: string;
  department: Department;
  description: string;
  matched: boolean;
  /** Indexes of the rule's conditions that matched. */
  matchedConditions: number[];
  /** The first matching rule: the one the rules choose (triage aside). */
  winner: boolean;
}

export interface RoutingExplanation {
  outcome: RoutingOutcome;
  evaluations: RuleEvaluation[];
  triage: { applied: boolean; threshold: number; reason: string };
}

/** Every rule evaluated in order against a classification, with the decision and why (dry runs). */
export function explainRouting(classification: Classification, rules: readonly RoutingRule[], triageThreshold: number): RoutingExplanation {
  let winnerFound = false;
  const evaluations = rules.map((rule, position) => {
    const matchedConditions = rule.when.flatMap((condition, index) => (conditionMatches(condition, classification) ? [index] : []));
    const matched = matchedConditions.length > 0;
    const winner = matched && !winnerFound;
    if (winner) winnerFound = true;
    return { position, ruleId: rule.id, department: rule.department, description: rule.description, matched, matchedConditions, winner };
  });
  const outcome = decideRouting(classification, rules, triageThreshold);
  return {
    outcome,
    evaluations,
    triage: { applied: outcome.needsTriage, threshold: triageThreshold, reason: triageReason(classification, triageThreshold) },
  };
}

function triageReason(c: Classification, threshold: number): string {
  const unsure = c.confidence.product < threshold && c.confidence.reason < threshold;
  if (!unsure) return `product or reason confidence reaches the threshold ${threshold}: routed by the rules`;
  if (c.escalation || c.priority === 'P1') return 'unsure of product and reason, but an escalation or P1 is never parked in triage';
  return `product (${c.confidence.product}) and reason (${c.confidence.reason}) confidence are both below ${threshold}: human triage`;
}
