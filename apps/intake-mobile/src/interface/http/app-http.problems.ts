import { unavailableOr } from '@complaints/intake';

const UNAVAILABLE = 'The complaint service cannot answer safely right now; nothing was lost. Please retry shortly.';

/** 503 with Retry-After when Kafka or PostgreSQL did not answer; other errors as they are. */
export function appUnavailableOr(error: unknown): unknown {
  return unavailableOr(error, UNAVAILABLE);
}
