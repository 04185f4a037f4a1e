import { DEFAULT_RULES } from '../../domain/default-rules';
import type { RoutingRule } from '../../domain/routing-rule';
import { InvalidRuleListError, RulesVersionConflictError } from '../../domain/rule-set-errors';
import { InMemoryRuleSetRepository } from '../in-memory/in-memory-rule-set.repository';
import { ActiveRules } from './active-rules';
import { ReplaceRulesUseCase, UnknownRulesVersionError } from './replace-rules.use-case';

const everythingToFraud: RoutingRule[] = [{ id: 'R1', description: 'all to fraud', department: 'FRAUD', when: [{}] }];

function setUp() {
  const repository = new InMemoryRuleSetRepository(DEFAULT_RULES);
  const active = new ActiveRules(repository);
  return { repository, active, rules: new ReplaceRulesUseCase(repository, active) };
}

describe('ReplaceRulesUseCase', () => {
  it('stores the list as the next version, audited, and routes by it at once', async () => {
    const { repository, active, rules } = setUp();
    await active.get();

    const created = await rules.execute({ expectedVersion: 1, rules: everythingToFraud, actor: 'admin-1', comment: 'drill' });

    expect(created).toMatchObject({ version: 2, createdBy: 'admin-1', comment: 'drill', rules: everythingToFraud });
    expect((await active.get()).version).toBe(2);
    expect((await repository.audit(1, 0)).items[0]).toMatchObject({ action: 'replace', fromVersion: 1, toVersion: 2, actor: 'admin-1' });
  });

  it('refuses an invalid list before storing anything', async () => {
    const { repository, rules } = setUp();
    await expect(rules.execute({ expectedVersion: 1, rules: [], actor: 'admin-1', comment: '' })).rejects.toThrow(InvalidRuleListError);
    expect(await repository.activeVersion()).toBe(1);
  });

  it('refuses a change made from a version that is no longer active, keeping the cached rules', async () => {
    const { active, rules } = setUp();
    await rules.execute({ expectedVersion: 1, rules: everythingToFraud, actor: 'admin-1', comment: 'first' });

    await expect(rules.execute({ expectedVersion: 1, rules: [...DEFAULT_RULES], actor: 'admin-2', comment: 'stale' })).rejects.toThrow(
      RulesVersionConflictError,
    );
    expect((await active.get()).rules).toEqual(everythingToFraud);
  });

  it("restores an earlier version's rules as a new version, history untouched", async () => {
    const { repository, active, rules } = setUp();
    await rules.execute({ expectedVersion: 1, rules: everythingToFraud, actor: 'admin-1', comment: 'drill' });

    const restored = await rules.restore({ expectedVersion: 2, version: 1, actor: 'admin-1', comment: 'back' });

    expect(restored).toMatchObject({ version: 3, rules: DEFAULT_RULES });
    expect((await active.get()).version).toBe(3);
    expect((await repository.versions()).map((v) => [v.version, v.active])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect((await repository.audit(1, 0)).items[0].action).toBe('restore:1');
  });

  it('refuses to restore a version that never existed', async () => {
    const { rules } = setUp();
    await expect(rules.restore({ expectedVersion: 1, version: 9, actor: 'admin-1', comment: '' })).rejects.toThrow(
      UnknownRulesVersionError,
    );
  });
});
