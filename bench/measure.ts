import { EventEmitter } from 'node:events';

/** One load run against one HTTP endpoint. */
export interface LoadSpec {
  /** Shown in progress lines and stored with the result. */
  title: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Concurrent keep-alive connections (each sends its next request when the previous answered). */
  connections: number;
  durationSec: number;
  /** Extra headers computed for every single request, e.g. a unique Idempotency-Key. */
  perRequestHeaders?: () => Record<string, string>;
}

/** What a load run measured. Latencies are of 2xx answers only, in milliseconds. */
export interface Measurement {
  title: string;
  connections: number;
  durationSec: number;
  /** Every answered request, whatever its status. */
  total: number;
  /** 2xx answers. */
  accepted: number;
  /** autocannon's mean of its per-second request counts (all statuses). */
  requestsPerSecMean: number;
  /** 2xx answers per second of the run. */
  acceptedPerSec: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Answers with a status outside 200-299. */
  non2xx: number;
  /** Connection errors and timeouts (requests that got no answer at all). */
  errors: number;
  timeouts: number;
  /** Answers per status code, e.g. `{ "202": 41234 }`. */
  statusCodes: Record<string, number>;
}

/** The part of autocannon's (untyped) programmatic API used here. */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  requests: { average: number; total: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
  headers?: Record<string, string>;
  [key: string]: unknown;
}
interface AutocannonOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
  timeout: number;
  requests?: Array<{ setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
}
type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult>;
type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

// autocannon ships no type declarations; it is required and typed locally instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

/** Seconds without an answer after which autocannon counts a request as timed out. */
const REQUEST_TIMEOUT_SEC = 10;

/**
 * Runs autocannon against `spec.url` for `spec.durationSec` with `spec.connections` connections and
 * summarises it. Latency percentiles are computed from every 2xx answer's exact response time
 * (autocannon's own histogram rounds to whole milliseconds).
 */
export async function measure(spec: LoadSpec): Promise<Measurement> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.durationSec,
    timeout: REQUEST_TIMEOUT_SEC,
    requests: spec.perRequestHeaders ? [{ setupRequest: withHeaders(spec.perRequestHeaders) }] : undefined,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  });
  const result = await instance;
  return summarise(spec, result, latencies);
}

/** A `setupRequest` hook adding freshly computed headers to every request. */
function withHeaders(extra: () => Record<string, string>): (request: AutocannonRequest) => AutocannonRequest {
  return (request) => ({ ...request, headers: { ...request.headers, ...extra() } });
}

function summarise(spec: LoadSpec, result: AutocannonResult, latencies: number[]): Measurement {
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  const total = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const accepted = result['2xx'];
  return {
    title: spec.title,
    connections: spec.connections,
    durationSec: result.duration,
    total,
    accepted,
    requestsPerSecMean: round(result.requests.average, 1),
    acceptedPerSec: round(accepted / result.duration, 1),
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP90Ms: round(percentile(latencies, 90), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
    latencyMaxMs: round(latencies.at(-1) ?? Number.NaN, 2),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

/** Nearest-rank percentile of an ascending array; NaN when it is empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
