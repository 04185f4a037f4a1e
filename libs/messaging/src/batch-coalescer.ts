/** One caller's events, settled with the handler call that carried them. */
interface Waiting<E> {
  events: readonly E[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Joins the handler calls of a consumer's partitions into one. kafkajs hands the batches of one fetch
 * to its workers together (`partitionsConsumedConcurrently`) and fetches again only when all are
 * done, so every partition's batch of a fetch calls `handle` before the event loop's next turn: those
 * calls are handed to `inner` as one batch (each caller's events in order, after the previous
 * caller's), as long as it stays within `maxEvents` (one caller's events are never split). One inner
 * call runs at a time; calls arriving meanwhile wait for it and go together in the next.
 *
 * The joint call is all or nothing for all its callers. When it fails, nothing says whose events
 * caused it: each caller's events are then handed to `inner` again on their own, one caller after the
 * other, and each caller gets its own outcome, so its retries and dead-lettering stay its own.
 */
export class BatchCoalescer<E> {
  private waiting: Waiting<E>[] = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly inner: (events: E[]) => Promise<void>,
    private readonly maxEvents: number,
  ) {}

  handle(events: readonly E[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ events, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.running = true;
      void this.run(this.take()).finally(() => {
        this.running = false;
        this.schedule();
      });
    });
  }

  /** The first caller, and the next ones while the events stay within `maxEvents`. */
  private take(): Waiting<E>[] {
    let events = this.waiting[0].events.length;
    let count = 1;
    while (count < this.waiting.length && events + this.waiting[count].events.length <= this.maxEvents) {
      events += this.waiting[count].events.length;
      count++;
    }
    return this.waiting.splice(0, count);
  }

  private async run(taken: Waiting<E>[]): Promise<void> {
    if (taken.length === 1) {
      const [one] = taken;
      return this.inner([...one.events]).then(one.resolve, one.reject);
    }
    try {
      await this.inner(taken.flatMap((w) => w.events));
    } catch {
      for (const w of taken) await this.inner([...w.events]).then(w.resolve, w.reject);
      return;
    }
    for (const w of taken) w.resolve();
  }
}
