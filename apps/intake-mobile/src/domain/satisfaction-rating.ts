import { createHash } from 'node:crypto';
import type { CaseStatus } from '@complaints/contracts';

/** The customer's rating of how their complaint was handled (the survey sent on resolution). */
export interface SatisfactionRating {
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  score: number;
  comment?: string;
}

/** A complaint can be rated once the bank has answered it: responded, resolved or closed. */
export const RATEABLE_STATUSES: readonly CaseStatus[] = ['RESPONDED', 'RESOLVED', 'CLOSED'];

export function isRateable(status: CaseStatus): boolean {
  return RATEABLE_STATUSES.includes(status);
}

/** What makes two rating requests the same request (for Idempotency-Key replays). */
export function ratingFingerprint(reference: string, rating: SatisfactionRating): string {
  return createHash('sha256')
    .update(JSON.stringify([reference, rating.score, rating.comment ?? null]))
    .digest('hex');
}
