/** The answer to one attempt at a reference's digits: go ahead, or wait this long. */
export type GuessPermit = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Port: the attempts at each reference's digits (look-ups and ratings alike), shared by every
 * instance, so that guessing the last four digits of a phone stops after a few tries.
 */
export abstract class ReferenceGuesses {
  /** Counts an attempt at this reference string (whether or not it names a complaint), or refuses it while locked. */
  abstract attempt(reference: string): Promise<GuessPermit>;
  /** The digits were right: the attempts so far are forgiven. */
  abstract forget(reference: string): Promise<void>;
}
