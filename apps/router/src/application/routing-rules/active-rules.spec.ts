import type { RuleSet } from '../../domain/rule-set';
import { ActiveRules } from './active-rules';
import { RuleSetRepository } from './rule-set.repository';

/** A repository whose active version the test sets; only the reads ActiveRules uses. */
class ScriptedRepository {
  active = 1;
  loads = 0;
  async activeVersion(): Promise<number> {
    return this.active;
  }
  async activeSet(): Promise<RuleSet> {
    this.loads++;
    return ruleSet(this.active);
  }
}

const ruleSet = (version: number): RuleSet => ({ version, rules: [], createdBy: 't', createdAt: '2026-11-29T00:00:00.000Z', comment: '' });

function activeRules(repo: ScriptedRepository, seen: number[] = []) {
  const port = { activeVersion: () => repo.activeVersion(), active: () => repo.activeSet() } as unknown as RuleSetRepository;
  return new ActiveRules(port, (set) => seen.push(set.version));
}

describe('ActiveRules', () => {
  it('loads once, then reloads only when the active version changed', async () => {
    const repo = new ScriptedRepository();
    const seen: number[] = [];
    const rules = activeRules(repo, seen);
    expect((await rules.get()).version).toBe(1);
    await rules.refresh();
    expect(repo.loads).toBe(1);
    repo.active = 2;
    expect((await rules.get()).version).toBe(1);
    expect((await rules.refresh()).version).toBe(2);
    expect(seen).toEqual([1, 2]);
  });

  it('never goes back to an older version than one it was given', async () => {
    const repo = new ScriptedRepository();
    const rules = activeRules(repo);
    rules.use(ruleSet(5));
    expect((await rules.refresh()).version).toBe(5);
    expect(repo.loads).toBe(0);
  });
});
