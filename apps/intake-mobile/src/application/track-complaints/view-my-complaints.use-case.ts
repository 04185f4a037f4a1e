import { ComplaintDetail, ComplaintSummary, ComplaintViewStore, StoredAttachment } from './complaint-view.store';

/** No complaint with that reference belongs to this customer (whether or not it exists). */
export class ComplaintNotFoundError extends Error {
  readonly code = 'COMPLAINT_NOT_FOUND';
}

export const MAX_LISTED_COMPLAINTS = 100;

/** A customer's own complaints: never anyone else's, and another customer's reference is simply not found. */
export class ViewMyComplaintsUseCase {
  constructor(private readonly store: ComplaintViewStore) {}

  list(customerId: string): Promise<ComplaintSummary[]> {
    return this.store.listFor(customerId, MAX_LISTED_COMPLAINTS);
  }

  async get(customerId: string, reference: string): Promise<ComplaintDetail> {
    const complaint = await this.store.findFor(customerId, reference);
    if (!complaint) throw new ComplaintNotFoundError(`No complaint ${reference} was found for you.`);
    return complaint;
  }

  async attachment(customerId: string, reference: string, attachmentId: string): Promise<StoredAttachment> {
    const file = await this.store.findAttachmentFor(customerId, reference, attachmentId);
    if (!file) throw new ComplaintNotFoundError(`No attachment ${attachmentId} of a complaint ${reference} was found for you.`);
    return file;
  }
}
