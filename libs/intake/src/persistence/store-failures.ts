import { QueryFailedError } from 'typeorm';
import { StoreUnavailableError } from '../idempotent-acceptance';

/** What a store throws for an error of the database: `StoreUnavailableError` (answered 503, retry) or the error itself. */
export type StoreFailure = (error: unknown) => Error;

/** Every database error is the store being unavailable (the error stays its `cause`, so consumers can classify it). */
export const storeUnavailable: StoreFailure = (error) =>
  new StoreUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });

/**
 * SQLSTATE classes of a database that cannot serve now, whatever the statement: connection exceptions
 * (08), insufficient resources (53), operator intervention (57: shutting down, crash recovery, starting up).
 */
const UNAVAILABLE_SQL_CLASSES = new Set(['08', '53', '57']);

/**
 * Only a database that could not be reached is unavailable; a statement PostgreSQL received and
 * refused (a QueryFailedError with a SQLSTATE: a constraint, a value it cannot store) stays the error it
 * is, so it is answered as the fault it is (500, logged), not as "retry shortly". A QueryFailedError
 * without a SQLSTATE (the connection was lost during the statement) or with one saying the server
 * cannot serve now (a restart) is the database being unavailable.
 */
export const unavailableUnlessRefused: StoreFailure = (error) => (refusedStatement(error) ? error : storeUnavailable(error));

function refusedStatement(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_SQL_CLASSES.has(code.slice(0, 2));
}

/** Runs a database call, throwing what `failure` makes of its error. */
export async function guarded<T>(work: () => Promise<T>, failure: StoreFailure): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw failure(error);
  }
}
