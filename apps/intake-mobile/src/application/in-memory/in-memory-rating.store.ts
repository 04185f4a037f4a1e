import { StoreUnavailableError } from '@complaints/intake';
import { RatingRecord, RatingStore } from '../rate-complaint/rating.store';

/**
 * The app's ratings in memory: one per customer and Idempotency-Key, and one per customer and
 * complaint (the key that answered it), checked in that order as the two unique keys are.
 */
export class InMemoryRatingStore extends RatingStore {
  readonly records = new Map<string, RatingRecord>();
  private readonly answers = new Map<string, string>();
  unavailable = false;

  findByKey(customerId: string, idempotencyKey: string): Promise<RatingRecord | null> {
    return this.answer(() => this.copy(this.records.get(keyOf(customerId, idempotencyKey))));
  }

  findAnswerTo(customerId: string, complaintId: string): Promise<RatingRecord | null> {
    return this.answer(() => {
      const key = this.answers.get(keyOf(customerId, complaintId));
      return key === undefined ? null : this.copy(this.records.get(keyOf(customerId, key)));
    });
  }

  reserve(record: RatingRecord): Promise<'reserved' | 'key-taken' | 'reference-taken'> {
    return this.answer(() => {
      if (this.records.has(keyOf(record.customerId, record.idempotencyKey))) return 'key-taken' as const;
      if (this.answers.has(keyOf(record.customerId, record.complaintId))) return 'reference-taken' as const;
      this.records.set(keyOf(record.customerId, record.idempotencyKey), { ...record });
      this.answers.set(keyOf(record.customerId, record.complaintId), record.idempotencyKey);
      return 'reserved' as const;
    });
  }

  markAccepted(customerId: string, idempotencyKey: string): Promise<void> {
    return this.answer(() => {
      const record = this.records.get(keyOf(customerId, idempotencyKey));
      if (record) record.status = 'accepted';
    });
  }

  private copy(record: RatingRecord | undefined): RatingRecord | null {
    return record ? { ...record } : null;
  }

  private async answer<T>(work: () => T): Promise<T> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the ratings store does not answer');
    return work();
  }
}

function keyOf(customerId: string, other: string): string {
  return `${customerId}\u0000${other}`;
}
