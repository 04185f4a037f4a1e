/** PostgreSQL's SQLSTATE for a broken unique constraint. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether a failed query broke a unique constraint, and which: the constraint's name ('' when the
 * driver does not say), or null for any other error.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  const failure =
    (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ??
    (error as { code?: string; constraint?: string } | null);
  return failure?.code === UNIQUE_VIOLATION ? (failure.constraint ?? '') : null;
}
