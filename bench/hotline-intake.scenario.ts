import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Message, Producer } from 'kafkajs';
import { ComplaintReceivedV1, newReference, Topics } from '@complaints/contracts';
import { PiiCipher, signPayload } from '@complaints/security';
import { normaliseHotlineCall } from '../apps/intake-hotline/src/domain/hotline-call';
import { createBaselineProducer, sendAcksAll } from './baseline-producer';
import { ChildService, freePort, startChildService } from './child-service';
import { AttemptOutcome, closedLoop, ClosedLoopMeasurement, PrepareAttempt } from './closed-loop';
import { platformServiceEnv, receivedRecordCount, ScenarioContext, SETTLE_MS } from './scenario-context';

/**
 * Scenario "hotline intake": calls accepted per second and latency of `POST /v1/hotline/calls` on the
 * real intake-hotline service (signature check, validation, PII sealing, bulk PostgreSQL writes, one
 * Kafka request per batch with acks=all), for batches of several sizes, beside a baseline: a bare
 * kafkajs idempotent producer in the bench process sending a `complaints.received.v1`-shaped record
 * per call, one `send` per batch. Both get the same closed-loop load (a few workers, each sending
 * its next batch when the previous one was answered).
 */

export interface HotlineIntakeSettings {
  /** Calls per request (or per `send` for the baseline); one run per size and target. */
  batchSizes: number[];
  /** Workers of the closed loop, each with one batch in flight. */
  concurrency: number;
  durationSec: number;
  /** Unmeasured load on every target before the first run, with batches of WARMUP_BATCH_SIZE. */
  warmupSec: number;
  /** A run fails when fewer than this share of the calls it sent were accepted. */
  minAcceptedShare: number;
}

export type HotlineTargetName = 'baseline' | 'intake-hotline';

/** One measured run, with what Kafka received meanwhile. */
export interface HotlineIntakeRun extends ClosedLoopMeasurement {
  target: HotlineTargetName;
  batchSize: number;
  /** The run's nominal length (`elapsedSec` adds the batches still in flight at its end). */
  durationSec: number;
  /** Calls in every batch sent, answered or not. */
  callsSent: number;
  /** Records appended to `complaints.received.v1` by the run (counted 1 s before it starts and 1 s after it ends). */
  kafkaRecords: number;
  /** Fewer than `minAcceptedShare` of the calls sent were accepted. */
  failed: boolean;
  /** The first answer that was not 2xx (status and body, cut short), for diagnostics. */
  firstProblem?: string;
}

export interface HotlineIntakeResults {
  runs: HotlineIntakeRun[];
  /** Serialised size of one call in a request body. */
  callBytes: number;
  /** Size of one `complaints.received.v1` value: the baseline's, and the service's for the same call. */
  recordBytes: { baseline: number; intakeHotline: number };
}

export const CALLCENTER_ID = 'cc-bench';
export const WARMUP_BATCH_SIZE = 50;
const REQUEST_TIMEOUT_MS = 60_000;
const MAX_BODY_BYTES_FLOOR = 8 * 1024 * 1024;
const DEFAULT_MAX_CALLS_PER_BATCH = 500;

/** Starts intake-hotline and the baseline producer, warms both up, measures each batch size, stops them. */
export async function runHotlineIntakeScenario(ctx: ScenarioContext, settings: HotlineIntakeSettings): Promise<HotlineIntakeResults> {
  const calls = new CallFactory();
  const recordBytes = { baseline: baselineRecordValueBytes(calls.next()), intakeHotline: intakeRecordValueBytes(calls.next()) };
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers: ctx.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = createBaselineProducer(ctx.brokers.split(','), 'bench-hotline-baseline');
  const secret = randomBytes(24).toString('hex');
  let service: ChildService | undefined;
  try {
    await admin.connect();
    service = await startIntakeHotline(ctx, settings, secret);
    await producer.connect();
    const problems = new ProblemRecorder();
    const prepare: Record<HotlineTargetName, (batchSize: number) => PrepareAttempt> = {
      baseline: (batchSize) => baselineAttempt(producer, calls, batchSize),
      'intake-hotline': (batchSize) => hotlineAttempt(`${service!.baseUrl}/v1/hotline/calls`, secret, calls, batchSize, problems),
    };
    const targets: HotlineTargetName[] = ['baseline', 'intake-hotline'];
    for (const target of targets) {
      ctx.log(`warming up ${target} (${settings.warmupSec} s, batches of ${WARMUP_BATCH_SIZE})`);
      await closedLoop(prepare[target](WARMUP_BATCH_SIZE), settings.concurrency, settings.warmupSec);
    }
    problems.clear();

    const runs: HotlineIntakeRun[] = [];
    for (const batchSize of settings.batchSizes) {
      for (const target of targets) {
        await sleep(SETTLE_MS);
        const before = await receivedRecordCount(admin);
        const measurement = await closedLoop(prepare[target](batchSize), settings.concurrency, settings.durationSec);
        await sleep(SETTLE_MS);
        const after = await receivedRecordCount(admin);
        const callsSent = measurement.attempts * batchSize;
        const run: HotlineIntakeRun = {
          target,
          batchSize,
          durationSec: settings.durationSec,
          ...measurement,
          callsSent,
          kafkaRecords: after - before,
          failed: callsSent === 0 || measurement.accepted / callsSent < settings.minAcceptedShare,
          firstProblem: problems.first(),
        };
        problems.clear();
        ctx.log(describeRun(run));
        if (run.failed && target === 'intake-hotline')
          ctx.log(`most calls to intake-hotline were not accepted; its output:\n${service.outputTail()}`);
        runs.push(run);
      }
    }
    return { runs, callBytes: Buffer.byteLength(JSON.stringify(calls.next())), recordBytes };
  } finally {
    await service?.stop();
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Request bodies of one batch size: calls with unique callIds, signed with a fresh timestamp. */
function hotlineAttempt(url: string, secret: string, calls: CallFactory, batchSize: number, problems: ProblemRecorder): PrepareAttempt {
  return () => {
    const body = JSON.stringify({ calls: calls.batch(batchSize) });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-callcenter-id': CALLCENTER_ID,
      'x-timestamp': timestamp,
      'x-signature': signPayload(secret, timestamp, body),
    };
    return async (): Promise<AttemptOutcome> => {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const text = await res.text();
      if (!res.ok) {
        problems.record(`${res.status} ${text.slice(0, 300)}`);
        return { ok: false, status: String(res.status), accepted: 0, duplicate: 0, rejected: 0 };
      }
      const summary = JSON.parse(text) as { accepted: number; duplicate: number; rejected: number };
      if (summary.accepted !== batchSize) problems.record(`${res.status} ${text.slice(0, 300)}`);
      return { ok: true, status: String(res.status), accepted: summary.accepted, duplicate: summary.duplicate, rejected: summary.rejected };
    };
  };
}

/** One `send` of one record per call, the way intake-hotline publishes a batch. */
function baselineAttempt(producer: Producer, calls: CallFactory, batchSize: number): PrepareAttempt {
  return () => {
    const correlationId = randomUUID();
    const messages = calls.batch(batchSize).map((call) => baselineRecord(call, correlationId));
    return async (): Promise<AttemptOutcome> => {
      await sendAcksAll(producer, Topics.complaintReceivedV1, messages);
      return { ok: true, status: 'acked', accepted: batchSize, duplicate: 0, rejected: 0 };
    };
  };
}

interface BenchCall {
  callId: string;
  startedAt: string;
  endedAt: string;
  callerNumber: string;
  agentId: string;
  queue: string;
  transcript: Array<{ speaker: 'agent' | 'customer'; text: string; offsetMs: number }>;
}

/** Calls shaped like test/support/hotline-client.ts `sampleCall()`, each with a callId never used before. */
class CallFactory {
  private readonly prefix = `BENCH-${randomUUID().slice(0, 8)}`;
  private sequence = 0;

  next(): BenchCall {
    this.sequence += 1;
    const now = Date.now();
    return {
      callId: `${this.prefix}-${this.sequence}`,
      startedAt: new Date(now - 10 * 60_000).toISOString(),
      endedAt: new Date(now - 4 * 60_000).toISOString(),
      callerNumber: '13800138000',
      agentId: 'A-17',
      queue: 'cards',
      transcript: [
        { speaker: 'agent', text: '您好，请问有什么可以帮您？', offsetMs: 0 },
        { speaker: 'customer', text: '我的信用卡昨天晚上被盗刷了三笔，我人在北京，交易却在国外', offsetMs: 3_000 },
        { speaker: 'customer', text: '请马上冻结并退款', offsetMs: 9_000 },
      ],
    };
  }

  batch(size: number): BenchCall[] {
    return Array.from({ length: size }, () => this.next());
  }
}

/**
 * A record like intake-hotline's `complaints.received.v1` event for the call (envelope, ids, the
 * customer's words, the whole transcript, call details, same headers and key), built without
 * validation, masking or sealing: the caller's number travels in clear.
 */
function baselineRecord(call: BenchCall, correlationId: string): Message {
  const complaintId = randomUUID();
  const eventId = randomUUID();
  const receivedAt = new Date().toISOString();
  const value = JSON.stringify({
    eventId,
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1,
    occurredAt: receivedAt,
    correlationId,
    causationId: null,
    source: 'bench-baseline',
    complaint: {
      complaintId,
      reference: `C${receivedAt.slice(0, 10).replace(/-/g, '')}-H${complaintId.slice(0, 5).toUpperCase()}`,
      channel: 'hotline',
      receivedAt: call.startedAt,
      source: { system: CALLCENTER_ID, messageId: call.callId, receivedAt },
      customer: { contact: { phone: `+86${call.callerNumber}`, phoneLast4: call.callerNumber.slice(-4) } },
      content: {
        text: call.transcript
          .filter((t) => t.speaker === 'customer')
          .map((t) => t.text)
          .join('\n'),
        language: 'zh',
        transcript: call.transcript,
      },
      context: {
        extra: {
          callStartedAt: call.startedAt,
          callEndedAt: call.endedAt,
          callDurationSeconds: '360',
          agentId: call.agentId,
          queue: call.queue,
        },
      },
    },
  });
  const headers = {
    'correlation-id': correlationId,
    'event-id': eventId,
    'event-type': `${ComplaintReceivedV1.type}.v1`,
    'content-type': 'application/json',
  };
  return { key: complaintId, value, headers, timestamp: String(Date.parse(receivedAt)) };
}

function baselineRecordValueBytes(call: BenchCall): number {
  return Buffer.byteLength(baselineRecord(call, randomUUID()).value as string);
}

/**
 * Size of the event intake-hotline publishes for the call, built with its own domain code (and a
 * throw-away PII key). Also proves the bench's call is one the service accepts.
 */
function intakeRecordValueBytes(call: BenchCall): number {
  const cipher = new PiiCipher({ bench: randomBytes(32) }, 'bench');
  const ids = {
    callcenterId: CALLCENTER_ID,
    complaintId: randomUUID(),
    reference: newReference('hotline', new Date(call.startedAt)),
    receivedAt: new Date(),
  };
  const normalised = normaliseHotlineCall(call, ids, cipher, 'CN');
  if (!normalised.ok) throw new Error(`the bench's call is not valid for intake-hotline: ${JSON.stringify(normalised.errors)}`);
  const event = {
    eventId: randomUUID(),
    eventType: ComplaintReceivedV1.type,
    eventVersion: 1,
    occurredAt: ids.receivedAt.toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    source: 'intake-hotline',
    complaint: normalised.complaint,
  };
  return Buffer.byteLength(JSON.stringify(event));
}

/** Keeps the first unexpected answer of a run. */
class ProblemRecorder {
  private firstProblem: string | undefined;

  record(problem: string): void {
    this.firstProblem ??= problem;
  }

  first(): string | undefined {
    return this.firstProblem;
  }

  clear(): void {
    this.firstProblem = undefined;
  }
}

/** One progress line: throughput, latency, and anything that was not a fully accepted batch. */
function describeRun(run: HotlineIntakeRun): string {
  const odd = run.duplicate || run.rejected || run.errors || run.succeeded !== run.attempts;
  const problems = odd
    ? `, duplicate ${run.duplicate}, rejected ${run.rejected}, statuses ${JSON.stringify(run.statusCodes)}${run.firstProblem ? `, first problem: ${run.firstProblem}` : ''}`
    : '';
  return (
    `${run.target} batch=${run.batchSize}: ${run.acceptedPerSec} calls accepted/s, ${run.succeededPerSec} batches/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms` +
    `, ${run.accepted}/${run.callsSent} calls accepted, ${run.kafkaRecords} Kafka records${problems}`
  );
}

/** The real intake-hotline service, built to dist/, with one call centre and room for the largest batch. */
async function startIntakeHotline(ctx: ScenarioContext, settings: HotlineIntakeSettings, secret: string): Promise<ChildService> {
  const port = await freePort();
  const largestBatch = Math.max(...settings.batchSizes);
  const largestBody = Buffer.byteLength(JSON.stringify({ calls: new CallFactory().batch(largestBatch) }));
  ctx.log(`starting intake-hotline on port ${port}`);
  return startChildService(
    'intake-hotline',
    join(ctx.projectRoot, 'dist', 'apps', 'intake-hotline', 'src', 'main.js'),
    `http://127.0.0.1:${port}`,
    {
      ...platformServiceEnv(ctx),
      INTAKE_HOTLINE_PORT: String(port),
      HOTLINE_SECRETS: `${CALLCENTER_ID}:${secret}`,
      HOTLINE_CALLBACK_URLS: '',
      HOTLINE_MAX_CALLS_PER_BATCH: String(Math.max(DEFAULT_MAX_CALLS_PER_BATCH, largestBatch)),
      HOTLINE_MAX_BODY_BYTES: String(Math.max(MAX_BODY_BYTES_FLOOR, 2 * largestBody)),
    },
  );
}
