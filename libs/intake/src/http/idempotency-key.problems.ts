import { ProblemException, problem, validationProblem } from '@complaints/http';
import { BrokerUnavailableError } from '@complaints/messaging';
import { StoreUnavailableError } from '../idempotent-acceptance';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const RETRY_AFTER_SECONDS = '5';

/** An optional Idempotency-Key header: absent is fine, malformed is a 400 naming it. */
export function optionalIdempotencyKey(idempotencyKey: string | undefined): string | undefined {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw validationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  }
  return idempotencyKey;
}

/** A required Idempotency-Key header: missing or malformed is a 400 naming it. */
export function requiredIdempotencyKey(idempotencyKey: string | undefined): string {
  if (idempotencyKey === undefined || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw validationProblem([
      {
        field: 'Idempotency-Key',
        message: 'the Idempotency-Key header is required: 1 to 255 visible ASCII characters, the same on retries',
      },
    ]);
  }
  return idempotencyKey;
}

/** 422: the Idempotency-Key was used before with another request. */
export function keyReusedProblem(message: string): ProblemException {
  return new ProblemException(problem(422, 'idempotency-key-reused', message, { errors: [{ field: 'Idempotency-Key', message }] }));
}

/** 503 with Retry-After (saying `detail`) when Kafka or PostgreSQL did not answer; other errors as they are. */
export function unavailableOr(error: unknown, detail: string): unknown {
  if (error instanceof BrokerUnavailableError || error instanceof StoreUnavailableError) {
    return new ProblemException(problem(503, 'temporarily-unavailable', detail), { 'retry-after': RETRY_AFTER_SECONDS });
  }
  return error;
}
