import type { RuleSet } from '../../domain/rule-set';
import { RuleSetRepository } from './rule-set.repository';

/**
 * The active rule set, cached. `refresh()` reloads it when the active version changed (after a
 * change in this process, on a change notification, and on a short poll for other processes).
 */
export class ActiveRules {
  private current: RuleSet | null = null;
  private loading: Promise<RuleSet> | null = null;

  constructor(private readonly repository: RuleSetRepository) {}

  async get(): Promise<RuleSet> {
    return this.current ?? this.refresh();
  }

  /** Reloads the rules if the active version is not the cached one; returns the active set. */
  refresh(): Promise<RuleSet> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Takes a set this process just activated, unless a newer one is already cached. */
  use(ruleSet: RuleSet): void {
    if (!this.current || ruleSet.version > this.current.version) this.current = ruleSet;
  }

  private async load(): Promise<RuleSet> {
    const version = await this.repository.activeVersion();
    if (this.current?.version !== version) this.current = await this.repository.active();
    return this.current;
  }
}
