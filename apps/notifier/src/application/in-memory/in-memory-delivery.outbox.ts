import { DeliveryOutbox, DeliveryRequest, DueDelivery } from '@complaints/delivery';

interface Kept<P> {
  request: DeliveryRequest<P>;
  attempts: number;
  dueAt: Date;
  state: 'pending' | 'delivered' | 'dead';
}

/** The deliveries in memory: each id recorded once, in the order recorded. */
export class InMemoryDeliveryOutbox<P> extends DeliveryOutbox<P> {
  private readonly kept = new Map<string, Kept<P>>();
  /** When set, every call fails as a database that does not answer would. */
  unavailable: Error | null = null;

  async enqueue(request: DeliveryRequest<P>, now: Date): Promise<boolean> {
    return (await this.enqueueAll([request], now)).has(request.id);
  }

  async enqueueAll(requests: DeliveryRequest<P>[], now: Date): Promise<Set<string>> {
    await this.check();
    const fresh = new Set<string>();
    for (const request of requests) {
      if (this.kept.has(request.id)) continue;
      this.kept.set(request.id, { request: structuredClone(request), attempts: 0, dueAt: now, state: 'pending' });
      fresh.add(request.id);
    }
    return fresh;
  }

  async claimDue(limit: number, leaseMs: number, now: Date): Promise<Array<DueDelivery<P>>> {
    await this.check();
    const due = [...this.kept.values()].filter((k) => k.state === 'pending' && k.dueAt <= now).slice(0, limit);
    for (const k of due) k.dueAt = new Date(now.getTime() + leaseMs);
    return due.map((k) => ({ ...structuredClone(k.request), attempts: k.attempts }));
  }

  async markDelivered(id: string, attempts: number): Promise<void> {
    await this.settle(id, attempts, 'delivered');
  }

  async scheduleRetry(id: string, attempts: number, nextAttemptAt: Date): Promise<void> {
    await this.check();
    const k = this.kept.get(id);
    if (k) Object.assign(k, { attempts, dueAt: nextAttemptAt });
  }

  async markDead(id: string, attempts: number): Promise<void> {
    await this.settle(id, attempts, 'dead');
  }

  /** Everything recorded, oldest first. */
  requests(): DeliveryRequest<P>[] {
    return [...this.kept.values()].map((k) => structuredClone(k.request));
  }

  private async settle(id: string, attempts: number, state: Kept<P>['state']): Promise<void> {
    await this.check();
    const k = this.kept.get(id);
    if (k) Object.assign(k, { attempts, state });
  }

  private async check(): Promise<void> {
    await Promise.resolve();
    if (this.unavailable) throw this.unavailable;
  }
}
