import type { Message } from 'kafkajs';

/** How long sends wait for company, and how much one request may carry. */
export interface CoalescingOptions {
  /** How long the first send of a new request waits for others to join it (0: the next turn of the event loop). */
  lingerMs: number;
  /** A request takes further sends only while its encoded keys and values stay below this many bytes (one send is never split). */
  maxRequestBytes: number;
}

export const DEFAULT_COALESCING: CoalescingOptions = { lingerMs: 1, maxRequestBytes: 512 * 1024 };

/** One caller's messages for one topic: sent together, and settled together. */
interface PendingSend {
  topic: string;
  messages: Message[];
  bytes: number;
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the sends of concurrent callers into one produce request: a send waits at most
 * `lingerMs` (or until the request in flight is answered) and goes out with every send to the same
 * topic queued meanwhile, up to `maxRequestBytes`. One request is in flight at a time; each caller's promise
 * settles with the request that carried its messages (acknowledged, or the request's error), or
 * rejects after `timeoutMs` if that request has not been answered by then. The order of sends to a
 * topic is kept: a later send never travels in an earlier request.
 */
export class SendCoalescer {
  private queue: PendingSend[] = [];
  private queuedBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly sendRequest: (topic: string, messages: Message[]) => Promise<void>,
    private readonly timeoutMs: number,
    private readonly options: CoalescingOptions = DEFAULT_COALESCING,
  ) {}

  /** Queues one caller's messages; resolves once the request that carried them was acknowledged. */
  send(topic: string, messages: Message[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => settle(new Error(`no acknowledgement within ${this.timeoutMs} ms`)), this.timeoutMs);
      const pending: PendingSend = {
        topic,
        messages,
        bytes: encodedBytes(messages),
        settled: false,
        resolve: () => settle(null),
        reject: (error) => settle(error instanceof Error ? error : new Error(String(error))),
      };
      const settle = (error: Error | null) => {
        if (pending.settled) return;
        pending.settled = true;
        clearTimeout(timeout);
        if (error === null) resolve();
        else reject(error);
      };
      this.queue.push(pending);
      this.queuedBytes += pending.bytes;
      this.schedule();
    });
  }

  /** Resolves once every send queued so far has been answered (or timed out). */
  async drain(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) {
      if (!this.inFlight) this.flush();
      await this.inFlight;
    }
  }

  private schedule(): void {
    if (this.inFlight) return;
    if (this.queuedBytes >= this.options.maxRequestBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
  }

  private flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inFlight) return;
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    // A request that hangs (a broker that never answers) gives up after the timeout, so later sends still go.
    const messages = batch.flatMap((pending) => pending.messages);
    this.inFlight = withTimeout(this.sendRequest(batch[0].topic, messages), this.timeoutMs).then(
      () => batch.forEach((pending) => pending.resolve()),
      (error: unknown) => batch.forEach((pending) => pending.reject(error)),
    );
    void this.inFlight.finally(() => {
      this.inFlight = null;
      // What queued meanwhile has waited at least one round trip already: it goes now.
      if (this.queue.length > 0) this.flush();
    });
  }

  /**
   * The oldest send not yet given up on, and the later ones to the same topic up to the request's
   * size (at least one send). A request carries one topic, so a topic the broker refuses fails only
   * its own senders; a send that does not fit closes the request, so none overtakes it.
   */
  private takeBatch(): PendingSend[] {
    const batch: PendingSend[] = [];
    const rest: PendingSend[] = [];
    let bytes = 0;
    let closed = false;
    for (const next of this.queue) {
      if (next.settled) {
        this.queuedBytes -= next.bytes;
        continue;
      }
      const sameTopic = batch.length === 0 || next.topic === batch[0].topic;
      if (sameTopic && !closed && (batch.length === 0 || bytes + next.bytes <= this.options.maxRequestBytes)) {
        batch.push(next);
        bytes += next.bytes;
        this.queuedBytes -= next.bytes;
      } else {
        if (sameTopic) closed = true;
        rest.push(next);
      }
    }
    this.queue = rest;
    return batch;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no acknowledgement within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function encodedBytes(messages: readonly Message[]): number {
  let bytes = 0;
  for (const message of messages) bytes += sizeOf(message.key) + sizeOf(message.value);
  return bytes;
}

function sizeOf(value: Message['key'] | Message['value']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
