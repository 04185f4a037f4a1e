import type { Classification } from '@complaints/classification';
import { DEFAULT_RULES } from './default-rules';
import { explainRouting } from './explain-routing';

const classification = (overrides: Partial<Classification>): Classification => ({
  product: 'OTHER',
  reason: 'OTHER',
  servicePoint: 'OTHER',
  priority: 'P2',
  escalation: false,
  confidence: { product: 0.9, reason: 0.9, servicePoint: 0.5, escalation: 0.9, priority: 0.6 },
  matchedTerms: [],
  classifierVersion: 'test',
  ...overrides,
});

describe('explainRouting', () => {
  it('evaluates every rule in order and marks the first match as the winner', () => {
    const explained = explainRouting(classification({ product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY' }), DEFAULT_RULES, 0.35);
    expect(explained.outcome).toEqual({ department: 'FRAUD', ruleId: 'R1', needsTriage: false });
    expect(explained.evaluations.map((e) => [e.ruleId, e.matched, e.winner])).toEqual([
      ['R1', true, true],
      ['R2', false, false],
      ['R3', false, false],
      ['R4', false, false],
      ['R5', true, false],
      ['R6', false, false],
      ['R7', false, false],
      ['R8', false, false],
      ['R9', false, false],
      ['R10', true, false],
    ]);
    expect(explained.triage.applied).toBe(false);
  });

  it('names the matching conditions of a disjunction', () => {
    const explained = explainRouting(classification({ reason: 'DEBT_COLLECTION' }), DEFAULT_RULES, 0.35);
    expect(explained.evaluations.find((e) => e.ruleId === 'R6')).toMatchObject({ matched: true, matchedConditions: [1], winner: true });
  });

  it('explains triage when the classifier is unsure of product and reason', () => {
    const low = { product: 0.1, reason: 0.2, servicePoint: 0.1, escalation: 0.9, priority: 0.6 };
    const explained = explainRouting(classification({ product: 'LOAN', confidence: low }), DEFAULT_RULES, 0.35);
    expect(explained.outcome).toEqual({ department: 'CUSTOMER_SERVICE', ruleId: 'TRIAGE', needsTriage: true });
    expect(explained.triage).toMatchObject({ applied: true, threshold: 0.35, reason: expect.stringMatching(/below 0.35/) });
    expect(explained.evaluations.find((e) => e.winner)?.ruleId).toBe('R6');
  });
});
