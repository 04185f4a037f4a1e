import { ProblemException, problem } from '@complaints/http';
import { StoreUnavailableError } from '../../application/receive-message/conversation.store';

const RETRY_AFTER_SECONDS = '5';

/** A store failure becomes 503 + Retry-After (nothing was acknowledged); anything else is rethrown. */
export function unavailable(error: unknown, detail: string): unknown {
  if (error instanceof StoreUnavailableError) {
    return new ProblemException(problem(503, 'temporarily-unavailable', detail), { 'retry-after': RETRY_AFTER_SECONDS });
  }
  return error;
}
