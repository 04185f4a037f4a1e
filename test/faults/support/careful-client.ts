import { setTimeout as sleep } from 'node:timers/promises';
import { openLoop } from '../../../bench/open-loop';
import { webComplaintBody } from '../../../bench/pipeline-complaints';

/** What the careful customers of one run got. */
export interface CarefulLoadResult {
  /** Distinct complaints sent (one Idempotency-Key each). */
  complaints: number;
  /** Complaint number → complaintId of the complaints answered 202 (sooner or later). */
  accepted: Map<number, string>;
  /** Complaints that needed more than one attempt. */
  retried: number;
  /** Attempts beyond the first, over all complaints. */
  retries: number;
  /** Every answer that was not 202, by HTTP status, `timeout` or `error:<code>`. */
  non202: Record<string, number>;
  /** When those answers came, by status: first and last, seconds after the load started. */
  non202Seconds: Record<string, [number, number]>;
  /** Complaints never answered 202 within the retry window. */
  gaveUp: number[];
  /** Epoch ms when the last complaint got its final answer (the load's end). */
  endedAt: number;
}

export interface CarefulLoadOptions {
  /** `POST` target, e.g. `http://127.0.0.1:3001/v1/complaints`. */
  url: string;
  ratePerSec: number;
  durationSec: number;
  /** Each complaint's key is `<keyPrefix>-<n>`. */
  keyPrefix: string;
  /** How long a customer keeps retrying one complaint from its first attempt. */
  retryForMs: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RETRY_DELAY_MS = 2_000;
const NETWORK_RETRY_DELAY_MS = 500;

/**
 * Open loop (complaint `n` starts at `n / ratePerSec` s whatever the others got) of web complaints, each
 * with an Idempotency-Key of its own and sent again with the same key and body after any answer other
 * than 202 (after its Retry-After, at most 2 s; half a second after a failed connection or a 10 s timeout),
 * like a careful client, until accepted or `retryForMs` has passed.
 */
export async function carefulLoad(options: CarefulLoadOptions): Promise<CarefulLoadResult> {
  const result: CarefulLoadResult = {
    complaints: 0,
    accepted: new Map(),
    retried: 0,
    retries: 0,
    non202: {},
    non202Seconds: {},
    gaveUp: [],
    endedAt: 0,
  };
  const startedAt = Date.now();
  const submit = async (n: number) => {
    result.complaints++;
    const body = webComplaintBody(n);
    const key = `${options.keyPrefix}-${n}`;
    const giveUpAt = Date.now() + options.retryForMs;
    for (let attempt = 0; ; attempt++) {
      if (attempt === 1) result.retried++;
      if (attempt > 0) result.retries++;
      const answer = await post(options.url, body, key);
      if (answer.status === '202' && answer.complaintId) {
        result.accepted.set(n, answer.complaintId);
        return { ok: true, status: answer.status };
      }
      result.non202[answer.status] = (result.non202[answer.status] ?? 0) + 1;
      const at = Math.round((Date.now() - startedAt) / 100) / 10;
      result.non202Seconds[answer.status] = [result.non202Seconds[answer.status]?.[0] ?? at, at];
      if (Date.now() + answer.retryAfterMs > giveUpAt) {
        result.gaveUp.push(n);
        return { ok: false, status: answer.status };
      }
      await sleep(answer.retryAfterMs);
    }
  };
  await openLoop(submit, options.ratePerSec, options.durationSec);
  result.endedAt = Date.now();
  return result;
}

interface Answer {
  status: string;
  complaintId?: string;
  retryAfterMs: number;
}

async function post(url: string, body: string, key: string): Promise<Answer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const retryAfterSec = Number(res.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfterSec) && retryAfterSec > 0 ? Math.min(retryAfterSec * 1000, MAX_RETRY_DELAY_MS) : 1_000;
    const complaintId = res.status === 202 ? (JSON.parse(text) as { complaintId?: string }).complaintId : undefined;
    return { status: String(res.status), complaintId, retryAfterMs };
  } catch (error) {
    // Not `instanceof Error`: fetch's errors come from another realm than jest's test context.
    const { name, cause } = error as { name?: string; cause?: { code?: string; name?: string } };
    if (name === 'TimeoutError') return { status: 'timeout', retryAfterMs: NETWORK_RETRY_DELAY_MS };
    return { status: `error:${cause?.code ?? cause?.name ?? name ?? 'unknown'}`, retryAfterMs: NETWORK_RETRY_DELAY_MS };
  }
}
