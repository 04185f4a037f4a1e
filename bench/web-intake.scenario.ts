import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { ChildService, freePort, startChildService } from './child-service';
import { LoadSpec, measure, Measurement } from './measure';
import { platformServiceEnv, receivedRecordCount, ScenarioContext, SETTLE_MS } from './scenario-context';

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

export const COMPLAINT_BODY = JSON.stringify({
  text: '信用卡被盗刷了5笔,请立即冻结并退款。',
  customer: { name: '张三', phone: '13800138000' },
  consent: true,
});

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
        if (run.failed)
          ctx.log(`most requests to ${target.name} failed; its output:\n${serviceFor(target, baseline, intake).outputTail()}`);
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
    targets.push({
      name: 'intake-web+idempotency-key',
      url: `${intake.baseUrl}/v1/complaints`,
      perRequestHeaders: () => ({ 'idempotency-key': randomUUID() }),
    });
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
  await sleep(SETTLE_MS);
  const before = await receivedRecordCount(admin);
  const measurement = await measure(loadSpec(target, connections, settings.durationSec));
  await sleep(SETTLE_MS);
  const after = await receivedRecordCount(admin);
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

/** The real intake-web service, built to dist/, with the rate limit lifted. */
async function startIntakeWeb(ctx: ScenarioContext, distRoot: string): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting intake-web on port ${port}`);
  return startChildService('intake-web', join(distRoot, 'apps', 'intake-web', 'src', 'main.js'), `http://127.0.0.1:${port}`, {
    ...platformServiceEnv(ctx),
    INTAKE_WEB_PORT: String(port),
    INTAKE_RATE_LIMIT_PER_MIN: '0',
  });
}

/** The baseline Fastify + kafkajs server (also the pipeline scenario's bare endpoint). */
export async function startBaseline(ctx: ScenarioContext, distRoot: string): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting the baseline on port ${port}`);
  return startChildService('baseline', join(distRoot, 'bench', 'baseline-producer-server.js'), `http://127.0.0.1:${port}`, {
    ...process.env,
    KAFKA_BROKERS: ctx.brokers,
    BASELINE_HOST: '127.0.0.1',
    BASELINE_PORT: String(port),
  });
}
