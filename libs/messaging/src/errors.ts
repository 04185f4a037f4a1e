/** Kafka did not acknowledge in time: the caller must not report success (HTTP 503 + Retry-After). */
export class BrokerUnavailableError extends Error {
  readonly code = 'BROKER_UNAVAILABLE';

  constructor(cause: unknown) {
    super(`Kafka did not acknowledge: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BrokerUnavailableError';
  }
}

/**
 * A message that can never be processed (bad JSON, contract violation, a domain rule it breaks).
 * Consumers send it to the dead-letter topic instead of retrying it.
 */
export class PoisonMessageError extends Error {
  readonly code = 'POISON_MESSAGE';
  readonly permanent = true;
}
