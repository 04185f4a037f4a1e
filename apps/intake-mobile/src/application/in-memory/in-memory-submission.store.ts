import type { Evidence } from '@complaints/contracts';
import { ReserveOutcome, StoreUnavailableError } from '@complaints/intake';
import { SubmissionRecord, SubmissionStore } from '../submit-complaint/submission.store';

/**
 * The app's submissions in memory, unique per customer and Idempotency-Key, per complaint id and per
 * reference, with their evidence files; `unavailable` makes every call fail as a store that does not answer.
 */
export class InMemorySubmissionStore extends SubmissionStore {
  readonly records = new Map<string, SubmissionRecord>();
  readonly evidence = new Map<string, readonly Evidence[]>();
  /** References issued by someone else: reserving one of them is `reference-taken`. */
  readonly takenReferences = new Set<string>();
  unavailable = false;

  findByKey(customerId: string, idempotencyKey: string): Promise<SubmissionRecord | null> {
    return this.answer(() => {
      const found = [...this.records.values()].find((r) => r.customerId === customerId && r.idempotencyKey === idempotencyKey);
      return found ? { ...found } : null;
    });
  }

  reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    return this.answer((): ReserveOutcome => {
      const records = [...this.records.values()];
      if (this.takenReferences.has(record.reference) || records.some((r) => r.reference === record.reference)) return 'reference-taken';
      if (this.records.has(record.complaintId)) return 'key-taken';
      if (records.some((r) => r.customerId === record.customerId && r.idempotencyKey === record.idempotencyKey)) return 'key-taken';
      this.records.set(record.complaintId, { ...record });
      this.evidence.set(record.complaintId, [...evidence]);
      return 'reserved';
    });
  }

  markAccepted(complaintId: string): Promise<void> {
    return this.answer(() => {
      const record = this.records.get(complaintId);
      if (record) this.records.set(complaintId, { ...record, status: 'accepted' });
    });
  }

  private async answer<T>(work: () => T): Promise<T> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the submissions store does not answer');
    return work();
  }
}
