import { ContractViolation } from '@complaints/contracts';

/**
 * What a consumer does with a message whose processing failed:
 * - `permanent`: retrying cannot help; the message goes to `<topic>.dlq` and the consumer moves on;
 * - `transient`: retried (backoff, then a restart from the last commit), nothing is skipped;
 * - `conflict`: a unique violation the handler did not absorb, most often a concurrent writer of the
 *   same row that a retry resolves (the handler then finds the row); retried like a transient failure,
 *   and dead-lettered only if it still fails on the last in-process attempt.
 */
export type FailureDisposition = 'permanent' | 'transient' | 'conflict';

export interface FailureClass {
  disposition: FailureDisposition;
  /** Why, for the `dlq-reason` header and the logs (`invalid-json`, `contract-violation`, `data-error`...). */
  reason: string;
  /** PostgreSQL's SQLSTATE when the database refused the statement. */
  sqlState?: string;
  /** The constraint PostgreSQL named, if any. */
  constraint?: string;
}

const UNIQUE_VIOLATION = '23505';

/** Permanent SQLSTATE classes: the statement can never succeed with these values. */
const PERMANENT_SQL_CLASSES: Record<string, string> = {
  '22': 'data-error', // invalid text representation, lone surrogate or NUL in jsonb/text, value out of range...
  '23': 'integrity-violation', // not-null, foreign key, check, exclusion (unique: see UNIQUE_VIOLATION)
  '54': 'program-limit-exceeded', // value or statement too large or complex
};

interface DatabaseFailure {
  code: string;
  constraint?: string;
}

/**
 * How a consumer must treat `error`: the one classification every consumer of the platform uses
 * (EventConsumer, EventBatchConsumer). Permanent: bad JSON, a contract violation, an error that says
 * it is permanent (PoisonMessageError), and PostgreSQL refusing the data (SQLSTATE classes 22, 23 but
 * unique violations, 54). Unique violations are `conflict`. Anything else (connection loss,
 * serialization failures, deadlocks, timeouts, Kafka, bugs) is transient, as the safe default: a
 * message is never skipped for a failure that might pass.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof SyntaxError) return { disposition: 'permanent', reason: 'invalid-json' };
  if (error instanceof ContractViolation) return { disposition: 'permanent', reason: 'contract-violation' };
  const database = databaseFailure(error);
  if (database) {
    const details = { sqlState: database.code, ...(database.constraint ? { constraint: database.constraint } : {}) };
    if (database.code === UNIQUE_VIOLATION) return { disposition: 'conflict', reason: 'unique-violation', ...details };
    const permanent = PERMANENT_SQL_CLASSES[database.code.slice(0, 2)];
    return permanent
      ? { disposition: 'permanent', reason: permanent, ...details }
      : { disposition: 'transient', reason: 'database-error', ...details };
  }
  if (isFlaggedPermanent(error)) return { disposition: 'permanent', reason: 'rejected' };
  return { disposition: 'transient', reason: 'transient' };
}

/**
 * A message that could not even be read as its event (parseMessage threw): always permanent, as
 * classified when it can be (`invalid-json`, `contract-violation`), else `unreadable` (e.g. nesting
 * too deep for the parser).
 */
export function unreadableFailure(error: unknown): FailureClass {
  const failure = classifyFailure(error);
  return failure.disposition === 'permanent' ? failure : { disposition: 'permanent', reason: 'unreadable' };
}

/** True for failures that retrying cannot fix (see classifyFailure). */
export function isPermanentFailure(error: unknown): boolean {
  return classifyFailure(error).disposition === 'permanent';
}

/** Whether a failure on in-process attempt `attempt` of `attempts` sends the message to the dead-letter topic. */
export function givesUp(failure: FailureClass, attempt: number, attempts: number): boolean {
  return failure.disposition === 'permanent' || (failure.disposition === 'conflict' && attempt >= attempts);
}

/**
 * What a consumer logs about a failure: the error (`err`, which every service's logger writes through the
 * allow-list serializer of libs/observability: SQLSTATE, constraint and table, never the query's parameters,
 * which carry customers' text), its reason and, for a database error, its SQLSTATE and constraint.
 */
export function failureLogFields(error: unknown, failure: FailureClass = classifyFailure(error)): Record<string, unknown> {
  return {
    err: error,
    reason: failure.reason,
    ...(failure.sqlState ? { sqlState: failure.sqlState } : {}),
    ...(failure.constraint ? { constraint: failure.constraint } : {}),
  };
}

/** A PostgreSQL error (pg's DatabaseError, TypeORM's QueryFailedError) in `error` or its causes. */
function databaseFailure(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; severity?: unknown; constraint?: unknown; driverError?: unknown; cause?: unknown };
    const driver = candidate.driverError as { code?: unknown; constraint?: unknown } | undefined;
    if (driver && isSqlState(driver.code))
      return { code: driver.code, ...(typeof driver.constraint === 'string' ? { constraint: driver.constraint } : {}) };
    if (isSqlState(candidate.code) && typeof candidate.severity === 'string') {
      return { code: candidate.code, ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}) };
    }
    current = candidate.cause;
  }
  return null;
}

function isSqlState(code: unknown): code is string {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function isFlaggedPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
