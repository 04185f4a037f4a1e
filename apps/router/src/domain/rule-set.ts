import type { RoutingRule } from './routing-rule';

/** One version of the routing rules: an ordered list (first match wins) and who made it, when and why. */
export interface RuleSet {
  version: number;
  rules: RoutingRule[];
  createdBy: string;
  createdAt: string;
  comment: string;
}

/** The `rulesVersion` a routed event carries for a rule-set version. */
export function rulesVersionLabel(version: number): string {
  return String(version);
}
