import { classifyComplaint, Classification } from '@complaints/classification';
import type { Product, TranscriptTurnV1 } from '@complaints/contracts';
import { explainRouting, RoutingExplanation } from '../../domain/explain-routing';
import type { RoutingRule } from '../../domain/routing-rule';
import { rulesVersionLabel } from '../../domain/rule-set';
import { InvalidRuleListError } from '../../domain/rule-set-errors';
import { validateRuleList } from '../../domain/validate-rule-list';
import { customerText } from '../route-complaint/customer-text';
import { ActiveRules } from './active-rules';

export interface DryRunInput {
  text: string;
  productHint?: Product;
  transcript?: Pick<TranscriptTurnV1, 'speaker' | 'text'>[];
  /** A candidate rule list to try instead of the active rules. */
  rules?: RoutingRule[];
}

export interface DryRunResult extends RoutingExplanation {
  classification: Classification;
  /** The active version used, or `candidate` for a candidate list. */
  rulesVersion: string;
}

/** Where a complaint would go and why, without routing anything. */
export class DryRunRoutingQuery {
  constructor(
    private readonly activeRules: ActiveRules,
    private readonly triageThreshold: number,
  ) {}

  async execute(input: DryRunInput): Promise<DryRunResult> {
    let rules: readonly RoutingRule[];
    let rulesVersion: string;
    if (input.rules) {
      const errors = validateRuleList(input.rules);
      if (errors.length > 0) throw new InvalidRuleListError(errors);
      rules = input.rules;
      rulesVersion = 'candidate';
    } else {
      const active = await this.activeRules.get();
      rules = active.rules;
      rulesVersion = rulesVersionLabel(active.version);
    }
    const classification = classifyComplaint({ text: customerText(input.text, input.transcript), productHint: input.productHint });
    return { classification, rulesVersion, ...explainRouting(classification, rules, this.triageThreshold) };
  }
}
