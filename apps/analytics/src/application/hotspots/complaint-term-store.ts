import type { TermObservation } from '../../domain/hotspots/term-activity';

/** A page of recorded complaints and where the next read continues. */
export interface TermPage {
  observations: TermObservation[];
  /** Pass back to `recordedSince` to read what was recorded after this page. */
  cursor: Date | null;
}

/**
 * The complaints' extracted terms, as emerging-term detection needs them (id, reference, time of
 * receipt, terms: no text), kept for the lookback and the window. The in-memory TermActivity is
 * rebuilt from here at start and fed from here on every tick.
 */
export abstract class ComplaintTermStore {
  /** Records each complaint's terms once (a redelivered complaint changes nothing); returns how many were new. */
  abstract record(observations: readonly TermObservation[]): Promise<number>;

  /** The earliest time of receipt held, or null when none is. */
  abstract earliestReceivedAt(): Promise<Date | null>;

  /** Complaints received at or after `from`, in order of receipt, `limit` at a time after `after` (keyset). */
  abstract receivedSince(from: Date, after: { receivedAt: Date; complaintId: string } | null, limit: number): Promise<TermObservation[]>;

  /**
   * Complaints recorded since `cursor` (minus a short overlap, so none committed late is missed:
   * observing one twice is harmless) and received at or after `from`.
   */
  abstract recordedSince(cursor: Date | null, from: Date): Promise<TermPage>;

  /** The time of the latest recording (the cursor after a replay). */
  abstract latestRecordedAt(): Promise<Date | null>;

  /** Forgets the complaints received before `before`; returns how many. */
  abstract purgeReceivedBefore(before: Date): Promise<number>;
}
