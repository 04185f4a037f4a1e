import { ProjectedEvent, ReadModelWriter } from './read-model-writer';

interface Waiting {
  batches: readonly (readonly ProjectedEvent[])[];
  events: number;
  since: number;
  resolve: (counts: number[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit in front of a writer: batches handed over while a write is under way, or within
 * `lingerMs` of the first one waiting (no longer once `flushAt` events wait), are applied together in
 * one call of the inner writer (one transaction), and each caller learns how many of its own events
 * were new once that has committed.
 * The three topics' consumers (each waiting for its batch before it takes the next) so share one
 * transaction and one upsert per rollup row instead of one each; lingering lets more events gather
 * (an event then reaches the read model up to `lingerMs` later).
 *
 * A failure of batches applied together says nothing of whose batch caused it: they are then applied
 * again one caller at a time, and each caller gets its own outcome (so a consumer dead-letters only
 * an event that fails on its own).
 */
export class CoalescingReadModelWriter extends ReadModelWriter {
  private waiting: Waiting[] = [];
  private waitingEvents = 0;
  private writing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly inner: ReadModelWriter,
    private readonly lingerMs: number,
    private readonly flushAt: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  applyBatches(batches: readonly (readonly ProjectedEvent[])[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const events = batches.reduce((n, b) => n + b.length, 0);
      this.waiting.push({ batches, events, since: this.now(), resolve, reject });
      this.waitingEvents += events;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.waiting.length === 0) return;
    const wait = this.waitingEvents >= this.flushAt ? 0 : this.waiting[0].since + this.lingerMs - this.now();
    if (wait > 0) {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.schedule();
      }, wait);
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = true;
    this.waitingEvents = 0;
    void this.write(this.waiting.splice(0)).finally(() => {
      this.writing = false;
      this.schedule();
    });
  }

  private async write(taken: Waiting[]): Promise<void> {
    let counts: number[];
    try {
      counts = await this.inner.applyBatches(taken.flatMap((w) => w.batches));
    } catch (error) {
      if (taken.length === 1) return taken[0].reject(error);
      for (const w of taken) await this.inner.applyBatches(w.batches).then(w.resolve, w.reject);
      return;
    }
    let offset = 0;
    for (const w of taken) {
      w.resolve(counts.slice(offset, offset + w.batches.length));
      offset += w.batches.length;
    }
  }
}
