import { timingSafeEqual } from 'node:crypto';
import type { CaseProgress } from './case-progress.store';
import { CaseProgressStore } from './case-progress.store';
import { SubmissionStore } from '../submit-complaint/submission.store';

export interface ComplaintStatus {
  reference: string;
  complaintId: string;
  receivedAt: string;
  /** The case it is handled under when it was merged into an earlier one (a repeat of the same matter). */
  mergedInto?: string;
  /** RECEIVED until the case service reports otherwise; a merged complaint shows the status of its case. */
  status: string;
  updatedAt: string;
  updates: CaseProgress['updates'];
}

/**
 * The customer's own view of a web complaint: its status and the updates sent to them, for the
 * reference together with the last four digits of the phone they gave. Anything else — an unknown
 * reference or the wrong digits — is "not found", so references cannot be probed. A complaint merged
 * into an earlier case shows that case: its reference, status and updates.
 */
export class LookUpComplaintQuery {
  constructor(
    private readonly submissions: SubmissionStore,
    private readonly progress: CaseProgressStore,
  ) {}

  async execute(reference: string, phoneLast4: string): Promise<ComplaintStatus | null> {
    const submission = await this.submissions.findByReference(reference);
    const expected = submission?.event.complaint.customer.contact.phoneLast4 ?? '0000';
    const matches = timingSafeEqual(Buffer.from(expected.padEnd(4).slice(0, 4)), Buffer.from(phoneLast4.padEnd(4).slice(0, 4)));
    if (!submission || submission.status !== 'accepted' || !matches) return null;
    const mergedInto = await this.progress.mergedInto(reference);
    const progress = await this.progress.find(mergedInto ?? reference);
    return {
      reference,
      complaintId: submission.complaintId,
      ...(mergedInto ? { mergedInto } : {}),
      receivedAt: submission.receivedAt.toISOString(),
      status: progress?.status ?? 'RECEIVED',
      updatedAt: progress?.updatedAt ?? submission.receivedAt.toISOString(),
      updates: progress?.updates ?? [],
    };
  }
}
