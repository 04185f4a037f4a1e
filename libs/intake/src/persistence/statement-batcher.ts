/**
 * Gathers concurrent calls into one database statement: the calls made in one turn of the event
 * loop, or while the previous statement runs, go into the next statement together (at most
 * `maxItems`). Each call gets its own item's result; when the statement fails, every call in it
 * gets its error. One statement runs at a time.
 */
export class StatementBatcher<I, O> {
  private readonly queue: Array<{ item: I; resolve(result: O): void; reject(error: unknown): void }> = [];
  private running = false;
  private scheduled = false;

  constructor(
    /** Runs one statement for the items; returns one result per item, in their order. */
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxItems = 200,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running || this.scheduled) return;
      this.scheduled = true;
      // After the I/O of this turn: the requests that arrived together join one statement.
      setImmediate(() => {
        this.scheduled = false;
        void this.next();
      });
    });
  }

  private async next(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.queue.splice(0, this.maxItems);
    try {
      const results = await this.run(batch.map((call) => call.item));
      batch.forEach((call, i) => call.resolve(results[i]));
    } catch (error) {
      for (const call of batch) call.reject(error);
    } finally {
      this.running = false;
      void this.next();
    }
  }
}
