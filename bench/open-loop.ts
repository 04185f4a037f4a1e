import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './measure';

/** What one request of an open-loop run got back. */
export interface OpenLoopAnswer {
  ok: boolean;
  /** HTTP status, `timeout` when there was no answer in time, `error:<code>` when the connection failed. */
  status: string;
  /** What the target said it accepted (e.g. the complaint id), when ok. */
  id?: string;
}

/** What an open-loop run measured. Latencies are of ok answers, in milliseconds. */
export interface OpenLoopMeasurement {
  ratePerSec: number;
  durationSec: number;
  sent: number;
  ok: number;
  /** Ids of the ok answers, in the order they came. */
  acceptedIds: string[];
  statusCodes: Record<string, number>;
  /** From the first scheduled start until the last answer. */
  elapsedSec: number;
  /** How late the generator started a request against its schedule, worst case (ms): a busy bench process shows here. */
  maxStartLagMs: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
}

const TICK_MS = 5;

/**
 * Open loop: request `i` starts at `i / ratePerSec` seconds whatever the earlier ones got (no
 * connection limit, so a slow target does not slow the arrivals down), for `durationSec`; then
 * every answer is waited for. `send(i)` performs request `i`; it must not throw.
 */
export async function openLoop(
  send: (i: number) => Promise<OpenLoopAnswer>,
  ratePerSec: number,
  durationSec: number,
): Promise<OpenLoopMeasurement> {
  const total = Math.round(ratePerSec * durationSec);
  const latencies: number[] = [];
  const acceptedIds: string[] = [];
  const statusCodes: Record<string, number> = {};
  const inFlight: Array<Promise<void>> = [];
  let maxStartLagMs = 0;
  const start = performance.now();
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && start + (i * 1000) / ratePerSec <= now; i++) {
      maxStartLagMs = Math.max(maxStartLagMs, now - (start + (i * 1000) / ratePerSec));
      const sentAt = performance.now();
      inFlight.push(
        send(i).then((answer) => {
          statusCodes[answer.status] = (statusCodes[answer.status] ?? 0) + 1;
          if (!answer.ok) return;
          latencies.push(performance.now() - sentAt);
          if (answer.id) acceptedIds.push(answer.id);
        }),
      );
    }
    await sleep(TICK_MS);
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    ratePerSec,
    durationSec,
    sent: total,
    ok: latencies.length,
    acceptedIds,
    statusCodes,
    elapsedSec: round((performance.now() - start) / 1000, 2),
    maxStartLagMs: round(maxStartLagMs, 1),
    latencyP50Ms: round(percentile(latencies, 50), 1),
    latencyP90Ms: round(percentile(latencies, 90), 1),
    latencyP99Ms: round(percentile(latencies, 99), 1),
    latencyMaxMs: round(latencies.at(-1) ?? Number.NaN, 1),
  };
}

/** A POST of a JSON body whose 2xx answer carries `complaintId`; the client gives up after 30 s (`timeout`). */
export async function postComplaint(url: string, body: string): Promise<OpenLoopAnswer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) return { ok: false, status: String(res.status) };
    const { complaintId } = JSON.parse(text) as { complaintId?: string };
    return { ok: true, status: String(res.status), id: complaintId };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { ok: false, status: 'timeout' };
    const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    return { ok: false, status: `error:${cause?.code ?? 'unknown'}` };
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
