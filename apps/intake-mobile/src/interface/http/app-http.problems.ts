import { ProblemException, problem, validationProblem } from '@complaints/http';
import { BrokerUnavailableError } from '@complaints/messaging';
import { StoreUnavailableError } from '../../application/submit-complaint/submission.store';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const RETRY_AFTER_SECONDS = '5';

/** The Idempotency-Key header every POST of the app needs (400 naming it when missing or malformed). */
export function requireIdempotencyKey(idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw validationProblem([{ field: 'Idempotency-Key', message: 'the Idempotency-Key header is required: 1 to 255 visible ASCII characters, the same on retries' }]);
  }
  return idempotencyKey;
}

/** 422: the customer used this Idempotency-Key before with another request. */
export function keyReusedProblem(message: string): ProblemException {
  return new ProblemException(problem(422, 'idempotency-key-reused', message, { errors: [{ field: 'Idempotency-Key', message }] }));
}

/** 503 with Retry-After when Kafka or PostgreSQL did not answer; other errors as they are. */
export function unavailableOr(error: unknown): unknown {
  if (error instanceof BrokerUnavailableError || error instanceof StoreUnavailableError) {
    return new ProblemException(
      problem(503, 'temporarily-unavailable', 'The complaint service cannot answer safely right now; nothing was lost. Please retry shortly.'),
      { 'retry-after': RETRY_AFTER_SECONDS },
    );
  }
  return error;
}
