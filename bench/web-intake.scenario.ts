import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Topics } from '@complaints/contracts';
import { LoadSpec, measure, Measurement } from './measure';

/**
 * Scenario "web intake": complaints accepted per second and latency of `POST /v1/complaints` on the
 * real intake-web service (Nest, validation, PostgreSQL, Kafka acks=all), beside a baseline that only
 * produces the same kind of record to the same topic (bench/baseline-producer-server.ts). Both run
 * as child processes; autocannon runs in the bench process.
 */

export interface WebIntakeSettings {
  /** Concurrent connections of each measured run, one run per level and target. */
  connections: number[];
  durationSec: number;
  /** Unmeasured load on every target before the first run (JIT, pools, producer metadata). */
  warmupSec: number;
  /** Also measure intake-web with a unique Idempotency-Key on every request. */
  withIdempotencyKey: boolean;
  /** A run fails when fewer than this share of its requests were answered 2xx. */
  minAcceptedShare: number;
}

export interface ScenarioContext {
  projectRoot: string;
  brokers: string;
  databaseUrl: string;
  log: (line: string) => void;
}

/** One measured run, with what Kafka received meanwhile. */
export interface WebIntakeRun extends Measurement {
  target: TargetName;
  /** Records appended to `complaints.received.v1` by the run (counted 1 s before it starts and 1 s after it ends). */
  kafkaRecords: number;
  /** Share of requests that were answered 2xx is below `minAcceptedShare`. */
  failed: boolean;
}

export interface WebIntakeResults {
  runs: WebIntakeRun[];
  /** Serialised size of the body sent with every request. */
  requestBodyBytes: number;
}

export type TargetName = 'baseline' | 'intake-web' | 'intake-web+idempotency-key';

/** A target of the load: where to send it and what to add to every request. */
interface Target {
  name: TargetName;
  url: string;
  perRequestHeaders?: () => Record<string, string>;
}

/** A service running as a child process of the bench. */
interface ChildService {
  name: string;
  baseUrl: string;
  pid: number;
  /** True once the process has exited. */
  exited(): boolean;
  /** The last lines it wrote (stdout and stderr), for diagnostics. */
  outputTail(): string;
  /** SIGTERM, SIGKILL after 10 s; resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

export const COMPLAINT_BODY = JSON.stringify({
  text: '信用卡被盗刷了5笔,请立即冻结并退款。',
  customer: { name: '张三', phone: '13800138000' },
  consent: true,
});

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const SETTLE_MS = 1_000;
const OUTPUT_TAIL_LINES = 40;

/** Starts both targets, warms them up, measures every target at every connection level, stops them. */
export async function runWebIntakeScenario(ctx: ScenarioContext, settings: WebIntakeSettings): Promise<WebIntakeResults> {
  const distRoot = join(ctx.projectRoot, 'dist');
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers: ctx.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const services: ChildService[] = [];
  try {
    await admin.connect();
    const intake = await startIntakeWeb(ctx, distRoot);
    services.push(intake);
    const baseline = await startBaseline(ctx, distRoot);
    services.push(baseline);

    const targets = scenarioTargets(baseline, intake, settings);
    for (const target of targets) {
      ctx.log(`warming up ${target.name} (${settings.warmupSec} s)`);
      await measure(loadSpec(target, Math.max(...settings.connections), settings.warmupSec));
    }
    const runs: WebIntakeRun[] = [];
    for (const connections of settings.connections) {
      for (const target of targets) {
        const run = await measuredRun(admin, target, connections, settings);
        ctx.log(describeRun(run));
        if (run.failed) ctx.log(`most requests to ${target.name} failed; its output:\n${serviceFor(target, baseline, intake).outputTail()}`);
        runs.push(run);
      }
    }
    return { runs, requestBodyBytes: Buffer.byteLength(COMPLAINT_BODY) };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await admin.disconnect().catch(() => undefined);
  }
}

/** The baseline, intake-web, and (optionally) intake-web with a fresh Idempotency-Key per request. */
function scenarioTargets(baseline: ChildService, intake: ChildService, settings: WebIntakeSettings): Target[] {
  const targets: Target[] = [
    { name: 'baseline', url: `${baseline.baseUrl}/v1/complaints` },
    { name: 'intake-web', url: `${intake.baseUrl}/v1/complaints` },
  ];
  if (settings.withIdempotencyKey) {
    targets.push({ name: 'intake-web+idempotency-key', url: `${intake.baseUrl}/v1/complaints`, perRequestHeaders: () => ({ 'idempotency-key': randomUUID() }) });
  }
  return targets;
}

function serviceFor(target: Target, baseline: ChildService, intake: ChildService): ChildService {
  return target.name === 'baseline' ? baseline : intake;
}

function loadSpec(target: Target, connections: number, durationSec: number): LoadSpec {
  return {
    title: `${target.name} c=${connections}`,
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: COMPLAINT_BODY,
    connections,
    durationSec,
    perRequestHeaders: target.perRequestHeaders,
  };
}

/** One measured run, with the number of records the topic received meanwhile. */
async function measuredRun(admin: Admin, target: Target, connections: number, settings: WebIntakeSettings): Promise<WebIntakeRun> {
  // Requests still in flight when autocannon stopped (the warm-up or the previous run) may append
  // their record a moment later: let them land before counting, and again after the run.
  await sleep(SETTLE_MS);
  const before = await topicRecordCount(admin);
  const measurement = await measure(loadSpec(target, connections, settings.durationSec));
  await sleep(SETTLE_MS);
  const after = await topicRecordCount(admin);
  const attempted = measurement.total + measurement.errors;
  return {
    target: target.name,
    ...measurement,
    kafkaRecords: after - before,
    failed: attempted === 0 || measurement.accepted / attempted < settings.minAcceptedShare,
  };
}

/** One progress line: throughput, latency, and anything that was not a 2xx answer. */
function describeRun(run: WebIntakeRun): string {
  const problems = run.non2xx || run.errors ? `, non-2xx ${run.non2xx} ${JSON.stringify(run.statusCodes)}, errors ${run.errors}` : '';
  return (
    `${run.target} c=${run.connections}: ${run.acceptedPerSec} accepted/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms` +
    `, ${run.accepted}/${run.total} answered 2xx, ${run.kafkaRecords} Kafka records${problems}`
  );
}

/** Sum of the end offsets of every partition of `complaints.received.v1` (records ever appended). */
async function topicRecordCount(admin: Admin): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(Topics.complaintReceivedV1);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}

/** The real intake-web service, built to dist/, with the rate limit lifted. */
async function startIntakeWeb(ctx: ScenarioContext, distRoot: string): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting intake-web on port ${port}`);
  return startChildService('intake-web', join(distRoot, 'apps', 'intake-web', 'src', 'main.js'), `http://127.0.0.1:${port}`, {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    KAFKA_BROKERS: ctx.brokers,
    DATABASE_URL: ctx.databaseUrl,
    INTAKE_WEB_PORT: String(port),
    INTAKE_RATE_LIMIT_PER_MIN: '0',
    LOG_LEVEL: 'warn',
  });
}

/** The baseline Fastify + kafkajs server. */
async function startBaseline(ctx: ScenarioContext, distRoot: string): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting the baseline on port ${port}`);
  return startChildService('baseline', join(distRoot, 'bench', 'baseline-producer-server.js'), `http://127.0.0.1:${port}`, {
    ...process.env,
    KAFKA_BROKERS: ctx.brokers,
    BASELINE_HOST: '127.0.0.1',
    BASELINE_PORT: String(port),
  });
}

/**
 * Runs `node <script>` and resolves once `GET <baseUrl>/health/ready` answers 200. Rejects with the
 * child's last output lines if it exits first or is not ready within 60 s. The child is killed if
 * the bench process exits without stopping it.
 */
async function startChildService(name: string, script: string, baseUrl: string, env: NodeJS.ProcessEnv): Promise<ChildService> {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = outputRecorder(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const onBenchExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', onBenchExit);

  let stopping: Promise<void> | undefined;
  const service: ChildService = {
    name,
    baseUrl,
    pid: child.pid ?? -1,
    exited: () => exited,
    outputTail: tail,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', onBenchExit);
        if (exited) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exit;
        clearTimeout(timer);
      })()),
  };
  try {
    await waitUntilReady(service);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

/** Polls `/health/ready` until it answers 200. */
async function waitUntilReady(service: ChildService): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (service.exited()) throw new Error(`${service.name} exited before it was ready; its output:\n${service.outputTail()}`);
    const status = await fetch(`${service.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${service.name} not ready after ${READY_TIMEOUT_MS / 1000} s (last status ${status}); its output:\n${service.outputTail()}`);
    await sleep(250);
  }
}

/** Keeps the last lines a child writes to stdout and stderr; returns a function that reads them. */
function outputRecorder(child: ChildProcess): () => string {
  const lines: string[] = [];
  const record = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > OUTPUT_TAIL_LINES) lines.splice(0, lines.length - OUTPUT_TAIL_LINES);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  return () => (lines.length ? lines.join('\n') : '(no output)');
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
