import type { CaseEventV1, CaseStatus } from '@complaints/contracts';
import { StoreUnavailableError } from '@complaints/intake';
import { CaseProgress, CaseProgressStore } from '../follow-complaint/case-progress.store';

/** The web intake's read model of its cases in memory: the last event's status per case, each customer-visible event once. */
export class InMemoryCaseProgressStore extends CaseProgressStore {
  private readonly cases = new Map<string, { status: CaseStatus; updatedAt: string }>();
  private readonly updates = new Map<string, { reference: string; at: string; kind: string; message?: string }>();
  unavailable = false;

  async applyAll(events: CaseEventV1[]): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the case progress store does not answer');
    for (const event of events) {
      this.cases.set(event.case.reference, { status: event.case.status, updatedAt: event.at });
      if (event.customerVisible && !this.updates.has(event.eventId))
        this.updates.set(event.eventId, {
          reference: event.case.reference,
          at: event.at,
          kind: event.eventType.slice('case.'.length),
          ...(event.message ? { message: event.message } : {}),
        });
    }
  }

  async find(reference: string): Promise<CaseProgress | null> {
    await Promise.resolve();
    if (this.unavailable) throw new StoreUnavailableError('the case progress store does not answer');
    const found = this.cases.get(reference);
    if (!found) return null;
    const updates = [...this.updates.values()]
      .filter((update) => update.reference === reference)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(({ reference: _reference, ...update }) => update);
    return { reference, ...found, updates };
  }
}
