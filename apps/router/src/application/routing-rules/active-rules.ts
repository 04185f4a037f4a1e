import type { RuleSet } from '../../domain/rule-set';
import { RuleSetRepository } from './rule-set.repository';

/**
 * The active rule set, cached. `refresh()` reloads it when the active version changed (after a
 * change in this process, on a change notification, and on a short poll for other processes).
 */
export class ActiveRules {
  private current: RuleSet | null = null;
  private loading: Promise<RuleSet> | null = null;

  constructor(
    private readonly repository: RuleSetRepository,
    /** Told whenever another version becomes the cached one (metrics, logs). */
    private readonly onChange: (ruleSet: RuleSet) => void = () => undefined,
  ) {}

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

  /** Takes a set this process just activated. */
  use(ruleSet: RuleSet): void {
    this.cache(ruleSet);
  }

  private async load(): Promise<RuleSet> {
    const version = await this.repository.activeVersion();
    if (this.current === null || this.current.version < version) this.cache(await this.repository.active());
    return this.current!;
  }

  /** Versions only grow (a change always creates the next one), so an older set never replaces a newer one. */
  private cache(ruleSet: RuleSet): void {
    if (this.current && ruleSet.version <= this.current.version) return;
    this.current = ruleSet;
    this.onChange(ruleSet);
  }
}
