export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the delivery is dead-lettered. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff: base, 2×base, 4×base … capped; null once the attempts are used up (dead letter). */
export function nextRetryDelayMs(attemptsMade: number, policy: RetryPolicy): number | null {
  if (attemptsMade >= policy.maxAttempts) return null;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
}
