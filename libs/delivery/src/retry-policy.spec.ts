import { nextRetryDelayMs } from './retry-policy';

describe('nextRetryDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 };

  it('doubles the delay after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempts) => nextRetryDelayMs(attempts, policy))).toEqual([1_000, 2_000, 4_000, 5_000]);
  });

  it('gives up once every attempt is used', () => {
    expect(nextRetryDelayMs(5, policy)).toBeNull();
    expect(nextRetryDelayMs(6, policy)).toBeNull();
  });
});
