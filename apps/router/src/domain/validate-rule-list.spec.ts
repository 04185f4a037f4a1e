import { DEFAULT_RULES } from './default-rules';
import type { RoutingRule } from './routing-rule';
import { validateRuleList } from './validate-rule-list';

const rule = (id: string, when: RoutingRule['when']): RoutingRule => ({ id, description: id, department: 'CUSTOMER_SERVICE', when });
const fields = (rules: RoutingRule[]) => validateRuleList(rules).map((e) => e.field);

describe('validateRuleList', () => {
  it('accepts the default rules', () => {
    expect(validateRuleList(DEFAULT_RULES)).toEqual([]);
  });

  it('refuses an empty list', () => {
    expect(validateRuleList([])).toEqual([{ field: 'rules', message: expect.stringMatching(/empty/) }]);
  });

  it('requires the last rule to be a catch-all', () => {
    const errors = validateRuleList([rule('A', [{ product: ['LOAN'] }])]);
    expect(errors).toEqual([{ field: 'rules.0.when', message: expect.stringMatching(/catch-all/) }]);
  });

  it('names duplicate ids, the reserved TRIAGE id, rules without conditions and empty axis lists', () => {
    expect(fields([rule('A', [{ product: ['LOAN'] }]), rule('A', [{ reason: [] }]), rule('TRIAGE', []), rule('Z', [{}])])).toEqual([
      'rules.1.id',
      'rules.1.when.0.reason',
      'rules.2.id',
      'rules.2.when',
    ]);
  });

  it('refuses a catch-all before the end, which hides the rules after it', () => {
    const errors = validateRuleList([rule('A', [{ product: ['LOAN'] }, {}]), rule('B', [{ product: ['LOAN'] }]), rule('Z', [{}])]);
    expect(errors).toEqual([{ field: 'rules.0.when', message: expect.stringMatching(/2 rule\(s\) after it unreachable/) }]);
  });

  it('does not count an escalation-only condition as a catch-all', () => {
    expect(fields([rule('A', [{ escalation: false }])])).toEqual(['rules.0.when']);
  });
});
