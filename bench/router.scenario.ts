import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel, Message } from 'kafkajs';
import { Client } from 'pg';
import { classifyComplaint } from '@complaints/classification';
import { Topics } from '@complaints/contracts';
import { createBaselineProducer, sendAcksAll } from './baseline-producer';
import { BASELINE_GROUP, BASELINE_TABLE, createBaselineTable, startBaselineConsumer } from './baseline-router-consumer';
import { ChildService, freePort, startChildService } from './child-service';
import { percentile } from './measure';
import { receivedComplaintMessages, RoutingText, routingTexts } from './routing-complaints';
import { platformServiceEnv, ScenarioContext } from './scenario-context';

/**
 * Scenario "router": complaints routed per second by one router instance (the real service, child
 * process: contract checks, classification, in one transaction per batch the repeat look-up under
 * the customers' locks, rules, handler picks and bulk inserts, then one publish of the batch's
 * `complaints.routed.v1` events with acks=all, batch after batch), beside a bare kafkajs consumer that only writes the same rows in batches
 * (bench/baseline-router-consumer.ts), over the same pre-published events; and the classifier's time
 * per complaint, in-process.
 */

export interface RouterSettings {
  /** Events published to `complaints.received.v1` before the consumers start. */
  complaints: number;
  /** Classifier calls timed after one warm-up pass over every text. */
  classifierCalls: number;
  /** A consumer that has not written every row after this long fails the run. */
  timeoutSec: number;
}

export type RouterTargetName = 'baseline' | 'router';

export interface RouterRun {
  target: RouterTargetName;
  complaints: number;
  /** Rows written (routing.decisions, or the baseline's table). */
  rows: number;
  /** Distinct commit times of the rows (created_at): the router's transactions, the baseline's batches. */
  commits: number;
  /** Rows after the first commit per second between the first and the last commit. */
  routedPerSec: number;
  /** From the consumer's start (process spawn / consumer connect) until the last row was seen. */
  wallSec: number;
  /** Complaints per second of wallSec (includes start-up and group join). */
  wallPerSec: number;
  /** Events appended to `complaints.routed.v1` (0 for the baseline, which publishes nothing). */
  routedEvents: number;
  failed: boolean;
}

export interface ClassifierTiming {
  language: 'all' | 'zh' | 'en';
  texts: number;
  calls: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanChars: number;
}

export interface RouterResults {
  runs: RouterRun[];
  classifier: ClassifierTiming[];
  texts: { total: number; zh: number; en: number; other: number };
  eventBytesMean: number;
}

const POLL_MS = 200;

export async function runRouterScenario(ctx: ScenarioContext, settings: RouterSettings): Promise<RouterResults> {
  const texts = routingTexts(ctx.projectRoot);
  const brokers = ctx.brokers.split(',');
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const db = new Client({ connectionString: ctx.databaseUrl });
  let router: ChildService | undefined;
  try {
    await Promise.all([admin.connect(), db.connect()]);
    ctx.log(`building ${settings.complaints} complaints.received.v1 events from ${texts.length} example texts`);
    const messages = receivedComplaintMessages(texts, settings.complaints);
    const eventBytesMean = Math.round(messages.reduce((sum, m) => sum + Buffer.byteLength(m.value as string), 0) / messages.length);

    // Both groups start at the topic's current end, so each reads exactly the events published next.
    const start = await topicEnds(admin, Topics.complaintReceivedV1);
    await topicEnds(admin, Topics.complaintRoutedV1);
    for (const groupId of ['router', BASELINE_GROUP])
      await admin.setOffsets({ groupId, topic: Topics.complaintReceivedV1, partitions: start });
    await publish(brokers, messages);
    ctx.log(`published ${messages.length} events`);

    const runs: RouterRun[] = [];
    await createBaselineTable(db);
    let routedBefore = await topicCount(admin, Topics.complaintRoutedV1);
    const baselineStarted = performance.now();
    const baseline = await startBaselineConsumer(brokers, ctx.databaseUrl);
    try {
      runs.push(
        await measureRun(ctx, db, admin, { target: 'baseline', table: BASELINE_TABLE, startedAt: baselineStarted, routedBefore }, settings),
      );
    } finally {
      await baseline.stop();
    }

    routedBefore = await topicCount(admin, Topics.complaintRoutedV1);
    const routerStarted = performance.now();
    router = await startRouter(ctx);
    runs.push(
      await measureRun(
        ctx,
        db,
        admin,
        { target: 'router', table: 'routing.decisions', startedAt: routerStarted, routedBefore, service: router },
        settings,
      ),
    );
    await router.stop();

    ctx.log('timing the classifier in-process');
    const classifier = timeClassifier(texts, settings.classifierCalls);
    for (const timing of classifier)
      ctx.log(`classifier ${timing.language}: mean ${timing.meanMs} ms, p50 ${timing.p50Ms} ms, p99 ${timing.p99Ms} ms`);
    const count = (language: string) => texts.filter((t) => t.language === language).length;
    return { runs, classifier, texts: { total: texts.length, zh: count('zh'), en: count('en'), other: count('other') }, eventBytesMean };
  } finally {
    await router?.stop();
    await db.end().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * The end offset of every partition. Retried for a while: on a broker the bench has just started,
 * the topics were created a moment ago and their partitions may have no leader yet.
 */
async function topicEnds(admin: Admin, topic: string): Promise<Array<{ partition: number; offset: string }>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.high }));
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

async function topicCount(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}

/** The events, 500 to a send, with the platform's producer settings. */
async function publish(brokers: string[], messages: Message[]): Promise<void> {
  const producer = createBaselineProducer(brokers, 'bench-router-input');
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 500) await sendAcksAll(producer, Topics.complaintReceivedV1, messages.slice(i, i + 500));
  } finally {
    await producer.disconnect();
  }
}

/** Waits until `table` holds every complaint (or the timeout), then reads the rate from its created_at. */
/** One consumer being measured: where it writes, when it was started, the routed topic's count before. */
interface RunSubject {
  target: RouterTargetName;
  table: string;
  startedAt: number;
  routedBefore: number;
  service?: ChildService;
}

async function measureRun(
  ctx: ScenarioContext,
  db: Client,
  admin: Admin,
  subject: RunSubject,
  settings: RouterSettings,
): Promise<RouterRun> {
  const { target, table, startedAt, routedBefore, service } = subject;
  const deadline = startedAt + settings.timeoutSec * 1000;
  let rows: number;
  let lastLog = performance.now();
  for (;;) {
    rows = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    if (rows >= settings.complaints || performance.now() > deadline || service?.exited()) break;
    if (performance.now() - lastLog > 10_000) {
      ctx.log(`${target}: ${rows}/${settings.complaints} rows`);
      lastLog = performance.now();
    }
    await sleep(POLL_MS);
  }
  const wallSec = (performance.now() - startedAt) / 1000;
  // The router publishes after its insert: give the last publish a moment.
  if (target === 'router') await sleep(1_000);
  const routedEvents = (await topicCount(admin, Topics.complaintRoutedV1)) - routedBefore;
  const stats = (
    await db.query(`
      SELECT count(*) AS rows, count(DISTINCT created_at) AS commits,
             extract(epoch FROM max(created_at) - min(created_at)) AS span,
             count(*) FILTER (WHERE created_at = (SELECT min(created_at) FROM ${table})) AS first_commit_rows
      FROM ${table}`)
  ).rows[0] as { rows: string; commits: string; span: string | null; first_commit_rows: string };
  const span = Number(stats.span ?? 0);
  const routedPerSec = span > 0 ? round((Number(stats.rows) - Number(stats.first_commit_rows)) / span, 1) : Number.NaN;
  const run: RouterRun = {
    target,
    complaints: settings.complaints,
    rows: Number(stats.rows),
    commits: Number(stats.commits),
    routedPerSec,
    wallSec: round(wallSec, 2),
    wallPerSec: round(rows / wallSec, 1),
    routedEvents,
    failed: Number(stats.rows) < settings.complaints,
  };
  ctx.log(
    `${target}: ${run.rows}/${run.complaints} rows in ${run.commits} commits, ${run.routedPerSec} routed/s first to last commit, ` +
      `${run.wallSec} s from start (${run.wallPerSec}/s), ${run.routedEvents} routed events`,
  );
  if (run.failed && service) ctx.log(`the router did not route every complaint; its output:\n${service.outputTail()}`);
  return run;
}

/** classifyComplaint over the texts: one warm-up pass, then `calls` timed calls cycling through them. */
function timeClassifier(texts: RoutingText[], calls: number): ClassifierTiming[] {
  for (const { text } of texts) classifyComplaint({ text });
  const samples: Array<{ language: string; ms: number; chars: number }> = [];
  for (let i = 0; i < calls; i++) {
    const { text, language } = texts[i % texts.length];
    const started = performance.now();
    classifyComplaint({ text });
    samples.push({ language, ms: performance.now() - started, chars: text.length });
  }
  const languages: Array<ClassifierTiming['language']> = ['all', 'zh', 'en'];
  return languages.map((language) => {
    const picked = samples.filter((s) => language === 'all' || s.language === language);
    const ms = picked.map((s) => s.ms).sort((a, b) => a - b);
    return {
      language,
      texts: language === 'all' ? texts.length : texts.filter((t) => t.language === language).length,
      calls: picked.length,
      meanMs: round(ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1), 3),
      p50Ms: round(percentile(ms, 50), 3),
      p90Ms: round(percentile(ms, 90), 3),
      p99Ms: round(percentile(ms, 99), 3),
      maxMs: round(ms.at(-1) ?? Number.NaN, 3),
      meanChars: Math.round(picked.reduce((a, s) => a + s.chars, 0) / Math.max(picked.length, 1)),
    };
  });
}

/** The real router, built to dist/ (its group id is fixed: `router`). */
async function startRouter(ctx: ScenarioContext): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting the router on port ${port}`);
  return startChildService('router', join(ctx.projectRoot, 'dist', 'apps', 'router', 'src', 'main.js'), `http://127.0.0.1:${port}`, {
    ...platformServiceEnv(ctx),
    ROUTER_PORT: String(port),
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
