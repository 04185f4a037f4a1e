import type { ComplaintV1 } from '@complaints/contracts';
import { extractTerms } from '@complaints/classification';
import { ComplaintTermStore } from './complaint-term-store';

/** Keeps received complaints' terms (subject and text) for emerging-term detection, once per complaint; returns how many were new. */
export class RecordComplaintTermsUseCase {
  constructor(private readonly store: ComplaintTermStore) {}

  execute(complaints: readonly ComplaintV1[]): Promise<number> {
    return this.store.record(
      complaints.map((complaint) => ({
        complaintId: complaint.complaintId,
        reference: complaint.reference,
        receivedAt: new Date(complaint.receivedAt),
        terms: extractTerms([complaint.content.subject, complaint.content.text].filter(Boolean).join('\n')),
      })),
    );
  }
}
