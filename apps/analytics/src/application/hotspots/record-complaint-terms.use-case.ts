import type { ComplaintV1 } from '@complaints/contracts';
import { extractTerms } from '@complaints/classification';
import { ComplaintTermStore } from './complaint-term-store';

/** Keeps a received complaint's terms (subject and text) for emerging-term detection, once per complaint. */
export class RecordComplaintTermsUseCase {
  constructor(private readonly store: ComplaintTermStore) {}

  execute(complaint: ComplaintV1): Promise<boolean> {
    const text = [complaint.content.subject, complaint.content.text].filter(Boolean).join('\n');
    return this.store.record({
      complaintId: complaint.complaintId,
      reference: complaint.reference,
      receivedAt: new Date(complaint.receivedAt),
      terms: extractTerms(text),
    });
  }
}
