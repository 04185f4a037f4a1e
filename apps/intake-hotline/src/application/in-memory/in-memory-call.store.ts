import { CallRecord, CallStore, StoreUnavailableError } from '../receive-calls/call.store';

/**
 * The calls taken in, in memory, unique per (call centre, callId) and per reference as the PostgreSQL
 * table is; `unavailable` makes every call fail as a store that does not answer.
 */
export class InMemoryCallStore extends CallStore {
  readonly records = new Map<string, CallRecord>();
  /** References issued by someone else: a record drawing one of them is not inserted. */
  readonly takenReferences = new Set<string>();
  unavailable = false;

  async findByCallIds(callcenterId: string, callIds: readonly string[]): Promise<CallRecord[]> {
    await this.check();
    return [...this.records.values()].filter((r) => r.callcenterId === callcenterId && callIds.includes(r.callId)).map((r) => ({ ...r }));
  }

  async reserve(records: readonly CallRecord[]): Promise<Set<string>> {
    await this.check();
    const inserted = new Set<string>();
    for (const record of records) {
      const clash = [...this.records.values()].some(
        (r) => (r.callcenterId === record.callcenterId && r.callId === record.callId) || r.reference === record.reference,
      );
      if (clash || this.takenReferences.has(record.reference) || this.records.has(record.complaintId)) continue;
      this.records.set(record.complaintId, { ...record });
      inserted.add(record.complaintId);
    }
    return inserted;
  }

  async markAccepted(complaintIds: readonly string[]): Promise<void> {
    await this.check();
    for (const id of complaintIds) {
      const record = this.records.get(id);
      if (record?.status === 'pending') this.records.set(id, { ...record, status: 'accepted' });
    }
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the calls store does not answer');
  }
}
