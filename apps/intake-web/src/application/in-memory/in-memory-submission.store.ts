import type { Evidence } from '@complaints/contracts';
import { ReserveOutcome, StoreUnavailableError } from '@complaints/intake';
import { SubmissionRecord, SubmissionStore } from '../submit-complaint/submission.store';

/**
 * The web intake's submissions in memory, unique by reference, by Idempotency-Key and by complaint id
 * (derived from the key) as the PostgreSQL table is; `unavailable` makes every call fail as a store that does not answer.
 */
export class InMemorySubmissionStore extends SubmissionStore {
  readonly records = new Map<string, SubmissionRecord>();
  readonly evidence = new Map<string, readonly Evidence[]>();
  /** References issued by someone else: reserving one of them is `reference-taken`. */
  readonly takenReferences = new Set<string>();
  unavailable = false;

  findByKey(idempotencyKey: string): Promise<SubmissionRecord | null> {
    return this.answer(() => this.find((record) => record.idempotencyKey === idempotencyKey));
  }

  findByReference(reference: string): Promise<SubmissionRecord | null> {
    return this.answer(() => this.find((record) => record.reference === reference));
  }

  reserve(record: SubmissionRecord, evidence: readonly Evidence[]): Promise<ReserveOutcome> {
    return this.answer((): ReserveOutcome => {
      if (this.takenReferences.has(record.reference) || this.find((r) => r.reference === record.reference)) return 'reference-taken';
      if (this.records.has(record.complaintId)) return 'key-taken';
      if (record.idempotencyKey !== null && this.find((r) => r.idempotencyKey === record.idempotencyKey)) return 'key-taken';
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

  private find(match: (record: SubmissionRecord) => boolean): SubmissionRecord | null {
    const found = [...this.records.values()].find(match);
    return found ? { ...found } : null;
  }

  private async answer<T>(work: () => T): Promise<T> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the submissions store does not answer');
    return work();
  }
}
