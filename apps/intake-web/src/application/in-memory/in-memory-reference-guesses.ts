import { GuessLimitPolicy, GuessState, nextAttempt } from '../../domain/guess-limit';
import { GuessPermit, ReferenceGuesses } from '../follow-complaint/reference-guesses';

/** The attempts per reference in memory, decided by the same policy the PostgreSQL table applies. */
export class InMemoryReferenceGuesses extends ReferenceGuesses {
  private readonly states = new Map<string, GuessState>();

  constructor(
    private readonly policy: GuessLimitPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async attempt(reference: string): Promise<GuessPermit> {
    await Promise.resolve();
    const decision = nextAttempt(this.states.get(reference) ?? null, this.now(), this.policy);
    this.states.set(reference, decision.state);
    return decision.allowed ? { allowed: true } : { allowed: false, retryAfterMs: decision.retryAfterMs };
  }

  async forget(reference: string): Promise<void> {
    await Promise.resolve();
    // Never lifts a lock: only attempts counted outside one are forgiven.
    if (this.states.get(reference)?.lockedUntil === null) this.states.delete(reference);
  }
}
