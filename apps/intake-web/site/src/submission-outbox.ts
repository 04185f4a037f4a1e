import { ApiProblem, requestJson } from '@complaints/web-ui';

/** The body of POST /v1/complaints, as the form builds it. */
export interface ComplaintBody {
  text: string;
  customer: { name: string; phone: string; email?: string };
  product?: string;
  region?: string;
  consent: true;
  attachments?: Array<{ data: string; fileName: string }>;
}

/** What intake-web answers with 202. */
export interface ComplaintAccepted {
  reference: string;
  complaintId: string;
  receivedAt: string;
  attachments: Array<{ id: string; contentType: string; sizeBytes: number }>;
  promises: { feedbackWithinHours: number; decisionWithinDays: number };
}

/** A complaint the customer sent, until the service accepted it: its Idempotency-Key is made once and reused on every retry. */
export interface PendingSubmission {
  key: string;
  body: ComplaintBody;
  attempts: number;
}

export type OutboxState =
  | { kind: 'idle' }
  | { kind: 'sending'; pending: PendingSubmission }
  | { kind: 'waiting'; pending: PendingSubmission; offline: boolean; retryInMs: number }
  | { kind: 'accepted'; accepted: ComplaintAccepted }
  | { kind: 'refused'; problem: ApiProblem };

const PENDING_KEY = 'complaint.pending';
const ACCEPTED_KEY = 'complaint.accepted';
const MAX_DELAY_MS = 30_000;

export type Poster = (key: string, body: ComplaintBody) => Promise<ComplaintAccepted>;

const postComplaint: Poster = (key, body) =>
  requestJson<ComplaintAccepted>('/v1/complaints', { method: 'POST', json: body, headers: { 'idempotency-key': key } });

/**
 * Sends a complaint so that it is not lost: the pending submission is kept in localStorage (and in
 * the page when it is too big for the storage) until the service accepts it; network failures,
 * rate limits and 5xx answers are retried with backoff (sooner when the browser comes back online),
 * always with the same Idempotency-Key, so retries never make a second complaint. A refusal (400,
 * 413) ends the attempt and hands the problem back so the customer can correct the form.
 */
export class SubmissionOutbox {
  private state: OutboxState = { kind: 'idle' };
  private readonly listeners = new Set<(state: OutboxState) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private readonly onOnline = () => this.retryNow();

  constructor(private readonly post: Poster = postComplaint) {}

  /** Picks up a submission a previous visit left pending (localStorage), or the confirmation this tab got (sessionStorage). */
  start(): void {
    addEventListener('online', this.onOnline);
    const accepted = read<ComplaintAccepted>(sessionStorage, ACCEPTED_KEY);
    const pending = read<PendingSubmission>(localStorage, PENDING_KEY);
    if (pending) void this.attempt(pending);
    else if (accepted) this.set({ kind: 'accepted', accepted });
  }

  stop(): void {
    removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
  }

  subscribe(listener: (state: OutboxState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  submit(body: ComplaintBody): void {
    if (this.inFlight || this.state.kind === 'sending' || this.state.kind === 'waiting') return;
    const pending: PendingSubmission = { key: newIdempotencyKey(), body, attempts: 0 };
    write(localStorage, PENDING_KEY, pending);
    void this.attempt(pending);
  }

  retryNow(): void {
    if (this.state.kind === 'waiting') void this.attempt(this.state.pending);
  }

  /** Forgets the confirmation, for the next complaint. */
  reset(): void {
    remove(sessionStorage, ACCEPTED_KEY);
    this.set({ kind: 'idle' });
  }

  private async attempt(pending: PendingSubmission): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    clearTimeout(this.timer);
    this.set({ kind: 'sending', pending });
    try {
      const accepted = await this.post(pending.key, pending.body);
      remove(localStorage, PENDING_KEY);
      write(sessionStorage, ACCEPTED_KEY, accepted);
      this.set({ kind: 'accepted', accepted });
    } catch (error) {
      const problem = ApiProblem.of(error);
      if (problem.retryable) {
        const next = { ...pending, attempts: pending.attempts + 1 };
        write(localStorage, PENDING_KEY, next);
        const retryInMs = problem.retryAfterSeconds
          ? problem.retryAfterSeconds * 1000
          : Math.min(1000 * 2 ** (next.attempts - 1), MAX_DELAY_MS);
        this.set({ kind: 'waiting', pending: next, offline: !navigator.onLine, retryInMs });
        this.timer = setTimeout(() => void this.attempt(next), retryInMs);
      } else {
        remove(localStorage, PENDING_KEY);
        this.set({ kind: 'refused', problem });
      }
    } finally {
      this.inFlight = false;
    }
  }

  private set(state: OutboxState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** A random UUID: crypto.randomUUID where the page is a secure context, else the same from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function read<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** Best effort: a submission with large evidence may not fit in localStorage; it then stays in the page only. */
function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // quota exceeded or storage disabled: the page keeps it in memory and keeps retrying
  }
}

function remove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // storage disabled
  }
}
