import { DEFAULT_RULES } from '../../domain/default-rules';
import { InvalidRuleListError } from '../../domain/rule-set-errors';
import { InMemoryRuleSetRepository } from '../in-memory/in-memory-rule-set.repository';
import { ActiveRules } from './active-rules';
import { DryRunRoutingQuery } from './dry-run-routing.query';

const CARD_FEES = '信用卡年费乱收,我要投诉。';
const WEALTH_LOSS = '我买的理财产品亏损了,销售时没说有风险。';

function setUp() {
  const repository = new InMemoryRuleSetRepository(DEFAULT_RULES);
  return { repository, query: new DryRunRoutingQuery(new ActiveRules(repository), 0.3) };
}

describe('DryRunRoutingQuery', () => {
  it('explains where a complaint would go under the active rules, storing nothing', async () => {
    const { repository, query } = setUp();
    const result = await query.execute({ text: CARD_FEES });
    expect(result).toMatchObject({ rulesVersion: '1', outcome: { department: 'CARD_CENTER' } });
    expect(await repository.versions()).toHaveLength(1);
  });

  it('tries a candidate list instead, and refuses an invalid one', async () => {
    const { query } = setUp();
    const candidate = [{ id: 'R1', description: 'all to fraud', department: 'FRAUD' as const, when: [{}] }];
    expect(await query.execute({ text: CARD_FEES, rules: candidate })).toMatchObject({
      rulesVersion: 'candidate',
      outcome: { department: 'FRAUD', ruleId: 'R1' },
    });
    await expect(query.execute({ text: CARD_FEES, rules: [] })).rejects.toThrow(InvalidRuleListError);
  });

  it("reads only the customer's turns of a call, not its summary text", async () => {
    const { query } = setUp();
    expect((await query.execute({ text: WEALTH_LOSS })).outcome.department).not.toBe('CARD_CENTER');
    const result = await query.execute({
      text: WEALTH_LOSS,
      transcript: [
        { speaker: 'agent', text: '您好,请问理财产品有什么问题?' },
        { speaker: 'customer', text: CARD_FEES },
      ],
    });
    expect(result.outcome.department).toBe('CARD_CENTER');
  });
});
