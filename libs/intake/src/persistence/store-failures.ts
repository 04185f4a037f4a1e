import { QueryFailedError } from 'typeorm';
import { StoreUnavailableError } from '../idempotent-acceptance';

/** What a store throws for an error of the database: `StoreUnavailableError` (answered 503, retry) or the error itself. */
export type StoreFailure = (error: unknown) => Error;

/** Every database error is the store being unavailable (the error stays its `cause`, so consumers can classify it). */
export const storeUnavailable: StoreFailure = (error) =>
  new StoreUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });

/**
 * Only a database that could not be reached is unavailable; a statement PostgreSQL received and
 * refused (a QueryFailedError: a constraint, a value it cannot store) stays the error it is, so it is
 * answered as the fault it is (500, logged), not as "retry shortly".
 */
export const unavailableUnlessRefused: StoreFailure = (error) => (error instanceof QueryFailedError ? error : storeUnavailable(error));

/** Runs a database call, throwing what `failure` makes of its error. */
export async function guarded<T>(work: () => Promise<T>, failure: StoreFailure): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw failure(error);
  }
}
