import { DeliveryOutbox, DeliveryRequest, DueDelivery } from '@complaints/delivery';

interface Entry<P> extends DueDelivery<P> {
  state: 'due' | 'delivered' | 'dead';
  nextAttemptAt: Date;
  lastError?: string;
}

/** Deliveries in memory, each recorded once per id, claimed under a lease, retried and dead-lettered. */
export class InMemoryDeliveryOutbox<P> extends DeliveryOutbox<P> {
  readonly entries = new Map<string, Entry<P>>();

  async enqueue(request: DeliveryRequest<P>, now: Date): Promise<boolean> {
    return (await this.enqueueAll([request], now)).has(request.id);
  }

  async enqueueAll(requests: DeliveryRequest<P>[], now: Date): Promise<Set<string>> {
    await Promise.resolve();
    const added = new Set<string>();
    for (const request of requests) {
      if (this.entries.has(request.id)) continue;
      this.entries.set(request.id, { ...request, attempts: 0, state: 'due', nextAttemptAt: now });
      added.add(request.id);
    }
    return added;
  }

  async claimDue(limit: number, leaseMs: number, now: Date): Promise<Array<DueDelivery<P>>> {
    await Promise.resolve();
    const due = [...this.entries.values()].filter((e) => e.state === 'due' && e.nextAttemptAt <= now).slice(0, limit);
    for (const entry of due) entry.nextAttemptAt = new Date(now.getTime() + leaseMs);
    return due.map(({ id, target, payload, attempts }) => ({ id, target, payload, attempts }));
  }

  async markDelivered(id: string, attempts: number): Promise<void> {
    await Promise.resolve();
    const entry = this.entries.get(id);
    if (entry) Object.assign(entry, { state: 'delivered', attempts });
  }

  async scheduleRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await Promise.resolve();
    const entry = this.entries.get(id);
    if (entry) Object.assign(entry, { attempts, nextAttemptAt, lastError: error });
  }

  async markDead(id: string, attempts: number, error: string): Promise<void> {
    await Promise.resolve();
    const entry = this.entries.get(id);
    if (entry) Object.assign(entry, { state: 'dead', attempts, lastError: error });
  }
}
