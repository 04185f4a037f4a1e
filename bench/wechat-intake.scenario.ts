import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { WechatCrypto } from '../apps/intake-social/src/domain/wechat-crypto';
import { ChildService, freePort, startChildService } from './child-service';
import { AttemptOutcome, closedLoop, ClosedLoopMeasurement, PrepareAttempt } from './closed-loop';
import { platformServiceEnv, receivedRecordCount, ScenarioContext, SETTLE_MS } from './scenario-context';
import { replyProblem, WechatAccountSettings, WechatMode, WechatPushFactory } from './wechat-messages';

/**
 * Scenario "wechat": latency of the passive reply to a WeChat official-account text message on the
 * real intake-social service (signature check, XML, in safe mode AES, masking, PostgreSQL
 * conversation + reference, then the reply), beside a baseline (bench/baseline-wechat-server.ts:
 * bare Fastify that checks the signature, parses the same XML and answers a fixed reply). Every
 * message comes from a customer never seen before. Closed-loop load (fetch, keep-alive) from the
 * bench process at several concurrency levels; every reply is checked.
 */

export interface WechatIntakeSettings {
  /** Concurrent requests (keep-alive connections); one run per level, mode and target. */
  connections: number[];
  /** Also measure safe mode (AES-encrypted messages and replies). */
  withAes: boolean;
  durationSec: number;
  warmupSec: number;
  /** Quiet window of the service: it publishes each complaint to Kafka this long after its message. */
  quietWindowSec: number;
  /** A run fails when fewer than this share of its messages got a valid reply. */
  minAcceptedShare: number;
}

export type WechatTargetName = 'baseline' | 'intake-social';

export interface WechatIntakeRun extends ClosedLoopMeasurement {
  target: WechatTargetName;
  mode: WechatMode;
  durationSec: number;
  /** 200 answers that were not a valid passive reply with a reference to the sender. */
  invalidReplies: number;
  /** intake-social only: complaints its relay published to `complaints.received.v1` for the run's messages. */
  kafkaRecords: number | null;
  /** Seconds after the run until every replied message was published (null: not all within the wait). */
  publishedWithinSec: number | null;
  /** p99 of the valid replies is under the 5 s WeChat gives a passive reply. */
  p99Under5s: boolean;
  failed: boolean;
  firstProblem?: string;
}

export interface WechatIntakeResults {
  runs: WechatIntakeRun[];
  bodyBytes: { plaintext: number; aes: number };
}

export const WECHAT_DEADLINE_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long to wait after a run for the relay to publish everything the run replied to. */
const PUBLISH_WAIT_MS = 30_000;

/** Starts intake-social and the baseline, warms both up, measures each mode, level and target, stops them. */
export async function runWechatIntakeScenario(ctx: ScenarioContext, settings: WechatIntakeSettings): Promise<WechatIntakeResults> {
  const account: WechatAccountSettings = {
    token: randomBytes(12).toString('hex'),
    appId: 'wxbench0000000001',
    aesKey: randomBytes(32).toString('base64').slice(0, 43),
  };
  const pushes = new WechatPushFactory(account);
  const crypto = new WechatCrypto(account.appId, [account.aesKey]);
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers: ctx.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const services: ChildService[] = [];
  try {
    await admin.connect();
    const social = await startIntakeSocial(ctx, account, settings);
    services.push(social);
    const baseline = await startBaseline(ctx, account);
    services.push(baseline);
    const urls: Record<WechatTargetName, string> = { baseline: baseline.baseUrl, 'intake-social': social.baseUrl };
    const modes: WechatMode[] = settings.withAes ? ['plaintext', 'aes'] : ['plaintext'];
    const targets: WechatTargetName[] = ['baseline', 'intake-social'];
    const problems = new ProblemRecorder();
    const attempt = (target: WechatTargetName, mode: WechatMode) =>
      wechatAttempt(`${urls[target]}/v1/wechat/callback`, mode, pushes, account, crypto, problems);

    for (const target of targets) {
      ctx.log(`warming up ${target} (${settings.warmupSec} s per mode)`);
      for (const mode of modes) await closedLoop(attempt(target, mode), Math.max(...settings.connections), settings.warmupSec);
    }
    await drainRelay(admin);
    problems.clear();

    const runs: WechatIntakeRun[] = [];
    for (const mode of modes) {
      for (const connections of settings.connections) {
        for (const target of targets) {
          const before = await receivedRecordCount(admin);
          const measurement = await closedLoop(attempt(target, mode), connections, settings.durationSec);
          const published =
            target === 'intake-social' ? await waitForPublished(admin, before, measurement.succeeded) : { records: null, withinSec: null };
          const invalidReplies = measurement.statusCodes['invalid-reply'] ?? 0;
          const run: WechatIntakeRun = {
            target,
            mode,
            durationSec: settings.durationSec,
            ...measurement,
            invalidReplies,
            kafkaRecords: published.records,
            publishedWithinSec: published.withinSec,
            p99Under5s: measurement.latencyP99Ms < WECHAT_DEADLINE_MS,
            failed: measurement.attempts === 0 || measurement.succeeded / measurement.attempts < settings.minAcceptedShare,
            firstProblem: problems.first(),
          };
          problems.clear();
          ctx.log(describeRun(run));
          if (run.failed && target === 'intake-social')
            ctx.log(`most messages to intake-social got no valid reply; its output:\n${social.outputTail()}`);
          runs.push(run);
        }
      }
    }
    return {
      runs,
      bodyBytes: { plaintext: Buffer.byteLength(pushes.next('plaintext').body), aes: Buffer.byteLength(pushes.next('aes').body) },
    };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await admin.disconnect().catch(() => undefined);
  }
}

/** One signed message from a new customer; the outcome is ok only for a valid passive reply. */
function wechatAttempt(
  url: string,
  mode: WechatMode,
  pushes: WechatPushFactory,
  account: WechatAccountSettings,
  crypto: WechatCrypto,
  problems: ProblemRecorder,
): PrepareAttempt {
  return () => {
    const push = pushes.next(mode);
    return async (): Promise<AttemptOutcome> => {
      const res = await fetch(`${url}?${push.query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: push.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.status !== 200) {
        problems.record(`${res.status} ${text.slice(0, 300)}`);
        return { ok: false, status: String(res.status), accepted: 0, duplicate: 0, rejected: 0 };
      }
      const problem = replyProblem(text, push.openId, mode, account, crypto);
      if (problem) {
        problems.record(`invalid reply (${problem}): ${text.slice(0, 200)}`);
        return { ok: false, status: 'invalid-reply', accepted: 0, duplicate: 0, rejected: 0 };
      }
      return { ok: true, status: '200', accepted: 1, duplicate: 0, rejected: 0 };
    };
  };
}

/**
 * Waits until the relay has published a complaint for every message the run replied to (each
 * message opened a conversation of its own), or PUBLISH_WAIT_MS have passed.
 */
async function waitForPublished(admin: Admin, before: number, replied: number): Promise<{ records: number; withinSec: number | null }> {
  const started = Date.now();
  for (;;) {
    const records = (await receivedRecordCount(admin)) - before;
    if (records >= replied) return { records, withinSec: Math.round((Date.now() - started) / 100) / 10 };
    if (Date.now() - started > PUBLISH_WAIT_MS) return { records, withinSec: null };
    await sleep(250);
  }
}

/** After the warm-up: waits until the topic stops growing, so the first run starts from a quiet relay. */
async function drainRelay(admin: Admin): Promise<void> {
  const started = Date.now();
  let last = -1;
  for (;;) {
    await sleep(2 * SETTLE_MS + 1_000);
    const count = await receivedRecordCount(admin);
    if (count === last || Date.now() - started > PUBLISH_WAIT_MS) return;
    last = count;
  }
}

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

function describeRun(run: WechatIntakeRun): string {
  const odd =
    run.succeeded !== run.attempts
      ? `, statuses ${JSON.stringify(run.statusCodes)}${run.firstProblem ? `, first problem: ${run.firstProblem}` : ''}`
      : '';
  const kafka =
    run.kafkaRecords === null
      ? ''
      : `, ${run.kafkaRecords} published${run.publishedWithinSec === null ? ' (NOT all)' : ` within ${run.publishedWithinSec} s`}`;
  return (
    `${run.target} ${run.mode} c=${run.concurrency}: ${run.succeededPerSec} replies/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms, max ${run.latencyMaxMs} ms` +
    `, ${run.succeeded}/${run.attempts} valid replies${kafka}${odd}`
  );
}

/** The real intake-social service, built to dist/, with the bench's account and a short quiet window. */
async function startIntakeSocial(
  ctx: ScenarioContext,
  account: WechatAccountSettings,
  settings: WechatIntakeSettings,
): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting intake-social on port ${port}`);
  return startChildService(
    'intake-social',
    join(ctx.projectRoot, 'dist', 'apps', 'intake-social', 'src', 'main.js'),
    `http://127.0.0.1:${port}`,
    {
      ...platformServiceEnv(ctx),
      INTAKE_SOCIAL_PORT: String(port),
      WECHAT_TOKEN: account.token,
      WECHAT_APP_ID: account.appId,
      WECHAT_ENCODING_AES_KEY: account.aesKey,
      WECHAT_ENCODING_AES_KEY_PREVIOUS: '',
      // The bench measures plaintext too (WeChat's compatible mode).
      WECHAT_ACCEPT_PLAINTEXT: 'true',
      SOCIAL_QUIET_WINDOW_SEC: String(settings.quietWindowSec),
      WEIBO_ACCESS_TOKEN: '',
      WECHATY_PUPPET: '',
    },
  );
}

async function startBaseline(ctx: ScenarioContext, account: WechatAccountSettings): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting the wechat baseline on port ${port}`);
  return startChildService(
    'wechat-baseline',
    join(ctx.projectRoot, 'dist', 'bench', 'baseline-wechat-server.js'),
    `http://127.0.0.1:${port}`,
    {
      ...process.env,
      BASELINE_HOST: '127.0.0.1',
      BASELINE_PORT: String(port),
      WECHAT_TOKEN: account.token,
      WECHAT_APP_ID: account.appId,
      WECHAT_ENCODING_AES_KEY: account.aesKey,
    },
  );
}
