import { DataSource } from 'typeorm';
import { GuessPermit, ReferenceGuesses } from '../../application/follow-complaint/reference-guesses';
import { GuessLimitPolicy, nextAttempt } from '../../domain/guess-limit';

/** The attempts per reference in PostgreSQL (shared by every instance), each one counted under the row's lock. */
export class PgReferenceGuesses extends ReferenceGuesses {
  constructor(
    private readonly db: DataSource,
    private readonly policy: GuessLimitPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  attempt(reference: string): Promise<GuessPermit> {
    return this.db.transaction(async (tx) => {
      const now = this.now();
      // Rows whose attempts and lock are over mean nothing: a few are swept on each attempt.
      await tx.query(
        'DELETE FROM intake_web.reference_attempts WHERE reference IN (SELECT reference FROM intake_web.reference_attempts WHERE expires_at < $1 LIMIT 20 FOR UPDATE SKIP LOCKED)',
        [now],
      );
      await tx.query(
        'INSERT INTO intake_web.reference_attempts (reference, attempts, since, expires_at) VALUES ($1, 0, $2, $2) ON CONFLICT (reference) DO NOTHING',
        [reference, now],
      );
      const [row]: { attempts: number; since: Date; locked_until: Date | null }[] = await tx.query(
        'SELECT attempts, since, locked_until FROM intake_web.reference_attempts WHERE reference = $1 FOR UPDATE',
        [reference],
      );
      const decision = nextAttempt(
        row ? { attempts: row.attempts, since: row.since, lockedUntil: row.locked_until } : null,
        now,
        this.policy,
      );
      const { state } = decision;
      const expiresAt = state.lockedUntil ?? new Date(state.since.getTime() + this.policy.lockMs);
      await tx.query(
        'UPDATE intake_web.reference_attempts SET attempts = $2, since = $3, locked_until = $4, expires_at = $5 WHERE reference = $1',
        [reference, state.attempts, state.since, state.lockedUntil, expiresAt],
      );
      return decision.allowed ? { allowed: true } : { allowed: false, retryAfterMs: decision.retryAfterMs };
    });
  }

  async forget(reference: string): Promise<void> {
    // Never lifts a lock: only attempts counted outside one are forgiven.
    await this.db.query('DELETE FROM intake_web.reference_attempts WHERE reference = $1 AND locked_until IS NULL', [reference]);
  }
}
