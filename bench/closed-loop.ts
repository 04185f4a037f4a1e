import { performance } from 'node:perf_hooks';
import { percentile } from './measure';

/** What one attempt (a request, a produce call) achieved. */
export interface AttemptOutcome {
  /** Answered with success (HTTP 2xx, or acknowledged by Kafka). */
  ok: boolean;
  /** HTTP status, `acked`, or `error` when there was no answer at all. */
  status: string;
  /** Items (calls) the attempt made durable; counted only when `ok`. */
  accepted: number;
  duplicate: number;
  rejected: number;
}

/**
 * Builds the next attempt and returns the function that performs it. Only that function is timed,
 * so preparing the work (building and signing a batch) is not part of the latency.
 */
export type PrepareAttempt = () => () => Promise<AttemptOutcome>;

/** What a closed-loop run measured. Latencies are of successful attempts, in milliseconds. */
export interface ClosedLoopMeasurement {
  concurrency: number;
  /** From the start until the last attempt in flight at the deadline finished. */
  elapsedSec: number;
  /** Attempts that got an answer (any status) or failed. */
  attempts: number;
  succeeded: number;
  /** Attempts that failed without an answer. */
  errors: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  acceptedPerSec: number;
  succeededPerSec: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Attempts per status, e.g. `{ "200": 812 }`. */
  statusCodes: Record<string, number>;
}

/**
 * Closed-loop load: `concurrency` workers each prepare an attempt, perform it, wait for its outcome
 * and start the next one, until `durationSec` has passed. Attempts still running at the deadline are
 * waited for and counted, and the rates are per second of the whole elapsed time, so nothing the
 * target acknowledged is left out (the Kafka record count after the run should match exactly).
 */
export async function closedLoop(prepare: PrepareAttempt, concurrency: number, durationSec: number): Promise<ClosedLoopMeasurement> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const totals = { attempts: 0, succeeded: 0, errors: 0, accepted: 0, duplicate: 0, rejected: 0 };
  const start = performance.now();
  const deadline = start + durationSec * 1000;

  const worker = async () => {
    while (performance.now() < deadline) {
      const attempt = prepare();
      const sentAt = performance.now();
      const outcome = await attempt().catch((): AttemptOutcome => ({ ok: false, status: 'error', accepted: 0, duplicate: 0, rejected: 0 }));
      const latency = performance.now() - sentAt;
      totals.attempts += 1;
      statusCodes[outcome.status] = (statusCodes[outcome.status] ?? 0) + 1;
      if (outcome.status === 'error') totals.errors += 1;
      if (!outcome.ok) continue;
      totals.succeeded += 1;
      totals.accepted += outcome.accepted;
      totals.duplicate += outcome.duplicate;
      totals.rejected += outcome.rejected;
      latencies.push(latency);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const elapsedSec = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    elapsedSec: round(elapsedSec, 2),
    ...totals,
    acceptedPerSec: round(totals.accepted / elapsedSec, 1),
    succeededPerSec: round(totals.succeeded / elapsedSec, 2),
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP90Ms: round(percentile(latencies, 90), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
    latencyMaxMs: round(latencies.at(-1) ?? Number.NaN, 2),
    statusCodes,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
