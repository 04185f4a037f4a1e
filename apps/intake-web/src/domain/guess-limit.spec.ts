import { GuessState, nextAttempt } from './guess-limit';

const policy = { maxWrongAttempts: 5, lockMs: 15 * 60_000 };
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function attempts(count: number, start: GuessState | null = null, now = t0) {
  let state = start;
  const allowed: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const decision = nextAttempt(state, now, policy);
    allowed.push(decision.allowed);
    state = decision.state;
  }
  return { allowed, state };
}

describe('nextAttempt', () => {
  it('allows five attempts, then refuses for the lock period', () => {
    const { allowed, state } = attempts(7);
    expect(allowed).toEqual([true, true, true, true, true, false, false]);
    expect(state?.lockedUntil).toEqual(at(policy.lockMs));
    const during = nextAttempt(state, at(policy.lockMs - 1_000), policy);
    expect(during).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
  });

  it('starts afresh once the lock is over', () => {
    const { state } = attempts(6);
    const after = nextAttempt(state, at(policy.lockMs), policy);
    expect(after).toMatchObject({ allowed: true, state: { attempts: 1, lockedUntil: null, since: at(policy.lockMs) } });
  });

  it('forgets attempts older than the period', () => {
    const { state } = attempts(4);
    expect(nextAttempt(state, at(policy.lockMs + 1), policy).state.attempts).toBe(1);
    expect(nextAttempt(state, at(policy.lockMs - 1), policy).state.attempts).toBe(5);
  });
});
