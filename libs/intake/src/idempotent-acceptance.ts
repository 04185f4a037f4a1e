/**
 * What an intake keeps of every request it accepts under an Idempotency-Key: the fingerprint of the
 * request, the event it publishes for it, and whether Kafka has acknowledged that event yet.
 */
export interface IdempotentRecord<E = unknown> {
  reference: string;
  requestHash: string;
  /** `pending` from the moment it is stored until Kafka acknowledged its event. */
  status: 'pending' | 'accepted';
  event: E;
  receivedAt: Date;
}

/** What storing a new record came to: stored, or refused because its reference or its key was already taken. */
export type ReserveOutcome = 'reserved' | 'reference-taken' | 'key-taken';

/** The same Idempotency-Key was sent before with a different request. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(message = 'This Idempotency-Key was already used with a different request.') {
    super(message);
  }
}

/** The intake's store (PostgreSQL) did not answer. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
}

/** How a request's record reaches Kafka and what the caller is answered. */
export interface AcceptanceSteps<R extends IdempotentRecord, A> {
  /** Publishes the record's event; throws when Kafka did not acknowledge it. */
  publish(event: R['event']): Promise<void>;
  /** Marks the stored record accepted (Kafka has its event). */
  markAccepted(record: R): Promise<void>;
  /** The answer for a record; `replayed` when it answers a retry of an earlier request. */
  answer(record: R, replayed: boolean): A;
}

/** A new request: its fingerprint, a fresh record for each attempt, and how to store it. */
export interface NewRequest<R extends IdempotentRecord> {
  requestHash: string;
  /** A new record; every call draws a fresh reference. */
  draft(): R;
  reserve(record: R): Promise<ReserveOutcome>;
  /** The record of the concurrent request that took the same key first. */
  winner(): Promise<R | null>;
}

export const MAX_REFERENCE_ATTEMPTS = 5;

/**
 * Reserve -> publish -> mark accepted, the way every intake accepts a request: the record is stored
 * (`pending`) before its event is published, and the caller is answered only once Kafka acknowledged
 * it. A retry with the same key and request answers the same record, publishing it again (the same
 * event, the same event id) while it is still pending, so one request never makes two cases; a retry
 * with the same key and another request is refused.
 */
export class IdempotentAcceptance<R extends IdempotentRecord, A> {
  constructor(private readonly steps: AcceptanceSteps<R, A>) {}

  /** Answers a request whose key is already stored. */
  async replay(existing: R, requestHash: string): Promise<A> {
    if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    return existing.status === 'accepted' ? this.steps.answer(existing, true) : this.publish(existing, true);
  }

  /** Publishes a stored record's event, then marks the record accepted. */
  async publish(record: R, replayed: boolean): Promise<A> {
    await this.steps.publish(record.event);
    await this.steps.markAccepted(record);
    return this.steps.answer(record, replayed);
  }

  /**
   * Stores a new request under a fresh reference (another one while the drawn reference is taken, at
   * most `attempts` times) and publishes it; when a concurrent request with the same key won the race,
   * answers as it did.
   */
  async reserveAndPublish(request: NewRequest<R>, attempts = MAX_REFERENCE_ATTEMPTS): Promise<A> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const record = request.draft();
      const outcome = await request.reserve(record);
      if (outcome === 'reserved') return this.publish(record, false);
      if (outcome === 'key-taken') {
        const winner = await request.winner();
        if (winner) return this.replay(winner, request.requestHash);
      }
    }
    throw new Error(`could not allocate a unique reference in ${attempts} attempts`);
  }
}
