/** How many look-ups or ratings of one reference may miss before it is locked, and for how long. */
export interface GuessLimitPolicy {
  maxWrongAttempts: number;
  lockMs: number;
}

/** The attempts on one reference string: counted since `since`, refused until `lockedUntil`. */
export interface GuessState {
  attempts: number;
  since: Date;
  lockedUntil: Date | null;
}

export type GuessDecision = { allowed: true; state: GuessState } | { allowed: false; state: GuessState; retryAfterMs: number };

/**
 * Whether one more attempt at the digits of a reference may be checked. Each attempt counts before
 * its digits are checked (a correct answer then forgets the count), so parallel guesses cannot
 * overtake the limit; once `maxWrongAttempts` attempts are counted within `lockMs`, every attempt —
 * a correct one too — is refused until `lockMs` after the lock began. Counted per reference string
 * whether or not such a complaint exists, so a lock says nothing about existence.
 */
export function nextAttempt(state: GuessState | null, now: Date, policy: GuessLimitPolicy): GuessDecision {
  if (state?.lockedUntil && now < state.lockedUntil) {
    return { allowed: false, state, retryAfterMs: state.lockedUntil.getTime() - now.getTime() };
  }
  const stale = !state || state.lockedUntil !== null || now.getTime() - state.since.getTime() >= policy.lockMs;
  const current: GuessState = stale ? { attempts: 0, since: now, lockedUntil: null } : state;
  if (current.attempts >= policy.maxWrongAttempts) {
    const locked = { ...current, lockedUntil: new Date(now.getTime() + policy.lockMs) };
    return { allowed: false, state: locked, retryAfterMs: policy.lockMs };
  }
  return { allowed: true, state: { ...current, attempts: current.attempts + 1 } };
}
