import { timingSafeEqual } from 'node:crypto';
import type { CaseProgress } from './case-progress.store';
import { CaseProgressStore } from './case-progress.store';
import { ReferenceGuesses } from './reference-guesses';
import { SubmissionStore } from '../submit-complaint/submission.store';

export interface ComplaintStatus {
  reference: string;
  complaintId: string;
  receivedAt: string;
  /** RECEIVED until the case service reports otherwise. */
  status: string;
  updatedAt: string;
  updates: CaseProgress['updates'];
}

/** `locked`: too many wrong attempts at this reference; try again after `retryAfterMs`. */
export type LookUpResult =
  { outcome: 'found'; complaint: ComplaintStatus } | { outcome: 'not-found' } | { outcome: 'locked'; retryAfterMs: number };

/**
 * The customer's own view of a web complaint: its status and the updates sent to them, for the
 * reference together with the last four digits of the phone they gave. Anything else — an unknown
 * reference or the wrong digits — is "not found", so references cannot be probed, and every attempt
 * counts against the reference string (see ReferenceGuesses), so the digits cannot be guessed. Only
 * the complaint's own case shows: a phone typed into the form proves nothing, so nothing of another
 * case (even of a related complaint) is ever shown through this reference.
 */
export class LookUpComplaintQuery {
  constructor(
    private readonly submissions: SubmissionStore,
    private readonly progress: CaseProgressStore,
    private readonly guesses: ReferenceGuesses,
  ) {}

  async execute(reference: string, phoneLast4: string): Promise<LookUpResult> {
    const permit = await this.guesses.attempt(reference);
    if (!permit.allowed) return { outcome: 'locked', retryAfterMs: permit.retryAfterMs };
    const submission = await this.submissions.findByReference(reference);
    const expected = submission?.event.complaint.customer.contact.phoneLast4 ?? '0000';
    const matches = timingSafeEqual(Buffer.from(expected.padEnd(4).slice(0, 4)), Buffer.from(phoneLast4.padEnd(4).slice(0, 4)));
    if (!submission || submission.status !== 'accepted' || !matches) return { outcome: 'not-found' };
    await this.guesses.forget(reference);
    const progress = await this.progress.find(reference);
    return {
      outcome: 'found',
      complaint: {
        reference,
        complaintId: submission.complaintId,
        receivedAt: submission.receivedAt.toISOString(),
        status: progress?.status ?? 'RECEIVED',
        updatedAt: progress?.updatedAt ?? submission.receivedAt.toISOString(),
        updates: progress?.updates ?? [],
      },
    };
  }
}
