import type { Classification } from '@complaints/classification';
import { decideRouting, TRIAGE_RULE_ID } from './decide-routing';
import { DEFAULT_RULES } from './default-rules';
import { firstMatchingRule, RuleFacts } from './routing-rule';

const facts = (overrides: Partial<RuleFacts>): RuleFacts => ({
  product: 'OTHER',
  reason: 'OTHER',
  servicePoint: 'OTHER',
  priority: 'P2',
  escalation: false,
  ...overrides,
});

describe('default routing rules (docs/ARCHITECTURE.md (Taxonomy and routing), first match wins)', () => {
  it.each<[Partial<RuleFacts>, string, string]>([
    [{ reason: 'FUNDS_SECURITY', product: 'CREDIT_CARD', escalation: true }, 'R1', 'FRAUD'],
    [{ reason: 'INFO_SECURITY', escalation: true }, 'R2', 'CONSUMER_PROTECTION'],
    [{ escalation: true, product: 'LOAN' }, 'R3', 'CONSUMER_PROTECTION'],
    [{ servicePoint: 'ONLINE', reason: 'SYSTEM_FAILURE', product: 'PAYMENT' }, 'R4', 'DIGITAL'],
    [{ servicePoint: 'SELF_SERVICE', reason: 'OTHER', product: 'DEPOSIT' }, 'R4', 'DIGITAL'],
    [{ servicePoint: 'ONLINE', reason: 'FEES', product: 'CREDIT_CARD' }, 'R5', 'CARD_CENTER'],
    [{ product: 'CREDIT_REPORT' }, 'R6', 'LENDING'],
    [{ reason: 'DEBT_COLLECTION' }, 'R6', 'LENDING'],
    [{ product: 'INSURANCE' }, 'R7', 'WEALTH'],
    [{ product: 'PAYMENT', reason: 'PROCESS' }, 'R8', 'PAYMENTS'],
    [{ product: 'DEPOSIT', reason: 'FEES' }, 'R9', 'RETAIL_BANKING'],
    [{ reason: 'SERVICE_QUALITY', servicePoint: 'BRANCH' }, 'R10', 'CUSTOMER_SERVICE'],
  ])('%j -> %s %s', (given, ruleId, department) => {
    const rule = firstMatchingRule(DEFAULT_RULES, facts(given));
    expect([rule.id, rule.department]).toEqual([ruleId, department]);
  });

  it('refuses a rule set without a catch-all', () => {
    expect(() => firstMatchingRule(DEFAULT_RULES.slice(0, 3), facts({}))).toThrow(/catch-all/);
  });
});

describe('decideRouting', () => {
  const classification = (overrides: Partial<Classification>): Classification => ({
    ...facts({}),
    confidence: { product: 0.9, reason: 0.9, servicePoint: 0.5, escalation: 0.9, priority: 0.6 },
    matchedTerms: [],
    classifierVersion: 'test',
    ...overrides,
  });

  it('sends unsure classifications to human triage in customer service', () => {
    const unsure = classification({
      product: 'LOAN',
      confidence: { product: 0.2, reason: 0.1, servicePoint: 0.3, escalation: 0.9, priority: 0.6 },
    });
    expect(decideRouting(unsure, DEFAULT_RULES, 0.35)).toEqual({
      department: 'CUSTOMER_SERVICE',
      ruleId: TRIAGE_RULE_ID,
      needsTriage: true,
    });
  });

  it('never parks an escalation or a P1 in triage', () => {
    const low = { product: 0.1, reason: 0.1, servicePoint: 0.1, escalation: 0.9, priority: 0.8 };
    expect(decideRouting(classification({ escalation: true, priority: 'P1', confidence: low }), DEFAULT_RULES, 0.35)).toMatchObject({
      department: 'CONSUMER_PROTECTION',
      needsTriage: false,
    });
  });

  it('routes confident classifications by the rules', () => {
    expect(decideRouting(classification({ product: 'LOAN' }), DEFAULT_RULES, 0.35)).toEqual({
      department: 'LENDING',
      ruleId: 'R6',
      needsTriage: false,
    });
  });
});
