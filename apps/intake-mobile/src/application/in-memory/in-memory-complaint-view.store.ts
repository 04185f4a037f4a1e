import { StoreUnavailableError } from '@complaints/intake';
import { CaseUpdate } from '../../domain/customer-timeline';
import {
  ApplyResult,
  ComplaintDetail,
  ComplaintSummary,
  ComplaintViewStore,
  StoredAttachment,
} from '../track-complaints/complaint-view.store';
import { SubmissionRecord } from '../submit-complaint/submission.store';
import { InMemorySubmissionStore } from './in-memory-submission.store';

/**
 * The customer's view in memory, as PostgreSQL keeps it: the accepted submissions of the submissions
 * store, each with the status of its latest case update (by time, the later one on a tie), and the
 * updates recorded once per event id.
 */
export class InMemoryComplaintViewStore extends ComplaintViewStore {
  private readonly updates = new Map<string, CaseUpdate>();
  private readonly latest = new Map<string, CaseUpdate>();
  unavailable = false;

  constructor(private readonly submissions: InMemorySubmissionStore) {
    super();
  }

  async listFor(customerId: string, limit: number): Promise<ComplaintSummary[]> {
    await this.check();
    return this.accepted(customerId)
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
      .slice(0, limit)
      .map((record) => this.summaryOf(record));
  }

  async findFor(customerId: string, reference: string): Promise<ComplaintDetail | null> {
    await this.check();
    const record = this.accepted(customerId).find((r) => r.reference === reference);
    if (!record) return null;
    const { content } = record.event.complaint;
    const visible = [...this.updates.values()]
      .filter((u) => u.complaintId === record.complaintId && u.customerVisible)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.eventId.localeCompare(b.eventId));
    return {
      ...this.summaryOf(record),
      text: content.text,
      attachments: (content.attachments ?? []).map(({ id, contentType, sizeBytes, sha256 }) => ({ id, contentType, sizeBytes, sha256 })),
      timeline: [
        { event: 'complaint.received', status: 'RECEIVED', message: null, at: record.receivedAt },
        ...visible.map((u) => ({ event: u.eventType, status: u.status, message: u.message, at: u.at })),
      ],
    };
  }

  async findAttachmentFor(customerId: string, reference: string, attachmentId: string): Promise<StoredAttachment | null> {
    await this.check();
    const record = this.accepted(customerId).find((r) => r.reference === reference);
    const file = record && this.submissions.evidence.get(record.complaintId)?.find((e) => e.id === attachmentId);
    return file
      ? { id: file.id, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256, content: file.content }
      : null;
  }

  async applyAll(updates: CaseUpdate[]): Promise<ApplyResult[]> {
    await this.check();
    const results: ApplyResult[] = [];
    const inserted: CaseUpdate[] = [];
    for (const update of updates) {
      if (!this.submissions.records.has(update.complaintId)) results.push('unknown-complaint');
      else if (this.updates.has(update.eventId)) results.push('duplicate');
      else {
        this.updates.set(update.eventId, update);
        inserted.push(update);
        results.push('applied');
      }
    }
    for (const update of inserted) {
      const before = this.latest.get(update.complaintId);
      if (!before || before.at.getTime() <= update.at.getTime()) this.latest.set(update.complaintId, update);
    }
    return results;
  }

  private accepted(customerId: string): SubmissionRecord[] {
    return [...this.submissions.records.values()].filter((r) => r.customerId === customerId && r.status === 'accepted');
  }

  private summaryOf(record: SubmissionRecord): ComplaintSummary {
    const latest = this.latest.get(record.complaintId);
    return {
      reference: record.reference,
      complaintId: record.complaintId,
      status: latest?.status ?? 'RECEIVED',
      product: record.event.complaint.context.productHint ?? null,
      receivedAt: record.receivedAt,
      updatedAt: latest?.at ?? record.receivedAt,
    };
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the complaint view store does not answer');
  }
}
