import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { signStaffToken, staffTokenSigningKey } from '@complaints/security';
import { analyticsEventMessages } from './analytics-events';
import { loadSyntheticFacts } from './analytics-synthetic-facts';
import { createBaselineProducer, sendAcksAll } from './baseline-producer';
import {
  ANALYTICS_TOPICS,
  BASELINE_ANALYTICS_GROUP,
  createBaselineAnalyticsTables,
  startBaselineAnalyticsConsumer,
} from './baseline-analytics-consumer';
import { ChildService, freePort, startChildService } from './child-service';
import { percentile } from './measure';
import { platformServiceEnv, ScenarioContext } from './scenario-context';

/**
 * Scenario "analytics": (1) events recorded per second by the analytics service's three consumers (the
 * real service, child process: contract check, eventId dedupe, projection, fact folding, rollup deltas,
 * one transaction per batch of up to ANALYTICS_BATCH_SIZE events under per-complaint locks) beside a
 * bare kafkajs consumer that only inserts each event's first two rows in batches, over the same
 * pre-published events; (2) after
 * loading `facts` synthetic complaints of one year straight into the read model with SQL, the latency
 * of `GET /v1/kpis` (a quarter and the year, grouped by department; the year and a period of
 * part-months, grouped by reason), `GET /v1/transparency` (the
 * same periods) and `GET /v1/reports/jrt0169` (a quarter and the year as CSV, the year as xlsx) on that
 * service, sequential requests, p50/p95/max.
 */

export interface AnalyticsSettings {
  /** Complaints whose 5 events each (received, routed, opened, first feedback, resolved) are consumed. */
  complaints: number;
  /** Synthetic complaints loaded with SQL for the query part. */
  facts: number;
  /** Timed requests per query (after 2 unmeasured ones). */
  queryRuns: number;
  timeoutSec: number;
}

export interface IngestRun {
  target: 'baseline' | 'analytics';
  events: number;
  rows: number;
  /** Events after the first commit per second between the first and the last commit (applied_at). */
  eventsPerSec: number;
  /** From the consumer's start until the last event was recorded. */
  wallSec: number;
  failed: boolean;
}

export interface QueryTiming {
  name: string;
  path: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** What the answer counted, to show the query covered the loaded complaints. */
  volume: number;
}

export interface AnalyticsResults {
  ingest: IngestRun[];
  /** rollupRows: analytics.kpi_rollup; jrt0169RollupRows: analytics.jrt0169_rollup (absent in runs before it existed). */
  load: { facts: number; rollupRows: number; jrt0169RollupRows?: number; seconds: number; year: number };
  queries: QueryTiming[];
}

const SERVICE_GROUP = 'bench-analytics';
/** A year of its own for the synthetic complaints, away from the ingest part's (now) and any real data. */
const SYNTHETIC_YEAR = 2031;

export async function runAnalyticsScenario(ctx: ScenarioContext, settings: AnalyticsSettings): Promise<AnalyticsResults> {
  const brokers = ctx.brokers.split(',');
  const kafka = new Kafka({ clientId: 'bench-offsets', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const db = new Client({ connectionString: ctx.databaseUrl });
  let service: ChildService | undefined;
  try {
    await Promise.all([admin.connect(), db.connect()]);
    const { byTopic, events } = analyticsEventMessages(settings.complaints);
    // Every group starts at each topic's current end, so each reads exactly the events published next.
    for (const topic of ANALYTICS_TOPICS) {
      const ends = await topicEnds(admin, topic);
      for (const groupId of [BASELINE_ANALYTICS_GROUP, `${SERVICE_GROUP}.${topic}`])
        await admin.setOffsets({ groupId, topic, partitions: ends });
    }
    const producer = createBaselineProducer(brokers, 'bench-analytics-input');
    await producer.connect();
    for (const topic of ANALYTICS_TOPICS) {
      const messages = byTopic[topic];
      for (let i = 0; i < messages.length; i += 500) await sendAcksAll(producer, topic, messages.slice(i, i + 500));
    }
    await producer.disconnect();
    ctx.log(`published ${events} events of ${settings.complaints} complaints`);

    const ingest: IngestRun[] = [];
    await createBaselineAnalyticsTables(db);
    const baselineStarted = performance.now();
    const baseline = await startBaselineAnalyticsConsumer(brokers, ctx.databaseUrl);
    try {
      ingest.push(await measureIngest(ctx, db, 'baseline', 'bench.applied_events', events, baselineStarted, settings.timeoutSec));
    } finally {
      await baseline.stop();
    }

    const signingKey = benchSigningKey();
    const serviceStarted = performance.now();
    service = await startAnalytics(ctx, signingKey.publicKeyPem);
    ingest.push(
      await measureIngest(ctx, db, 'analytics', 'analytics.applied_events', events, serviceStarted, settings.timeoutSec, service),
    );

    ctx.log(`loading ${settings.facts} synthetic complaints of ${SYNTHETIC_YEAR} into the read model with SQL`);
    const load = { ...(await loadSyntheticFacts(db, settings.facts, SYNTHETIC_YEAR)), year: SYNTHETIC_YEAR };
    ctx.log(
      `loaded ${load.facts} facts, ${load.rollupRows} KPI rollup rows and ${load.jrt0169RollupRows} JR/T 0169 rollup rows in ${load.seconds} s`,
    );

    const token = signStaffToken({ sub: 'bench', roles: ['admin'], departments: [] }, signingKey.key);
    const y = SYNTHETIC_YEAR;
    const queries: QueryTiming[] = [];
    for (const [name, path] of [
      ['KPIs, a quarter, by department', `/v1/kpis?from=${y}-04-01&to=${y}-06-30&groupBy=department`],
      ['KPIs, the year, by department', `/v1/kpis?from=${y}-01-01&to=${y}-12-31&groupBy=department`],
      ['KPIs, the year, by reason', `/v1/kpis?from=${y}-01-01&to=${y}-12-31&groupBy=reason`],
      ['KPIs, mid-January to mid-November, by reason', `/v1/kpis?from=${y}-01-15&to=${y}-11-14&groupBy=reason`],
      ['transparency report, a quarter', `/v1/transparency?period=${y}Q2`],
      ['transparency report, the year', `/v1/transparency?period=${y}`],
      ['JR/T 0169 report, a quarter, CSV', `/v1/reports/jrt0169?period=${y}Q2&format=csv`],
      ['JR/T 0169 report, the year, CSV', `/v1/reports/jrt0169?period=${y}&format=csv`],
      ['JR/T 0169 report, the year, xlsx', `/v1/reports/jrt0169?period=${y}&format=xlsx`],
    ] as const) {
      queries.push(await timeQuery(ctx, service, name, path, token, settings.queryRuns));
    }
    return { ingest, load, queries };
  } finally {
    await service?.stop();
    await db.end().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

async function topicEnds(admin: ReturnType<Kafka['admin']>, topic: string): Promise<Array<{ partition: number; offset: string }>> {
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

async function measureIngest(
  ctx: ScenarioContext,
  db: Client,
  target: IngestRun['target'],
  table: string,
  events: number,
  startedAt: number,
  timeoutSec: number,
  service?: ChildService,
): Promise<IngestRun> {
  const deadline = startedAt + timeoutSec * 1000;
  let rows: number;
  let lastLog = performance.now();
  for (;;) {
    rows = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    if (rows >= events || performance.now() > deadline || service?.exited()) break;
    if (performance.now() - lastLog > 10_000) {
      ctx.log(`${target}: ${rows}/${events} events recorded`);
      lastLog = performance.now();
    }
    await sleep(200);
  }
  const wallSec = (performance.now() - startedAt) / 1000;
  const stats = (
    await db.query(`
      SELECT count(*) AS rows, extract(epoch FROM max(applied_at) - min(applied_at)) AS span,
             count(*) FILTER (WHERE applied_at = (SELECT min(applied_at) FROM ${table})) AS first_commit_rows
      FROM ${table}`)
  ).rows[0] as { rows: string; span: string | null; first_commit_rows: string };
  const span = Number(stats.span ?? 0);
  const run: IngestRun = {
    target,
    events,
    rows: Number(stats.rows),
    eventsPerSec: span > 0 ? round((Number(stats.rows) - Number(stats.first_commit_rows)) / span, 1) : Number.NaN,
    wallSec: round(wallSec, 2),
    failed: Number(stats.rows) < events,
  };
  ctx.log(`${target}: ${run.rows}/${events} events, ${run.eventsPerSec} events/s first to last commit, ${run.wallSec} s from start`);
  if (run.failed && service) ctx.log(`analytics did not record every event; its output:\n${service.outputTail()}`);
  return run;
}

async function timeQuery(
  ctx: ScenarioContext,
  service: ChildService,
  name: string,
  path: string,
  token: string,
  runs: number,
): Promise<QueryTiming> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${service.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.toString('utf8')}`);
    return { ms, body, contentType: res.headers.get('content-type') ?? '' };
  };
  await once();
  const volume = await answerVolume(await once());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await once()).ms);
  samples.sort((a, b) => a - b);
  const timing = {
    name,
    path,
    runs,
    p50Ms: round(percentile(samples, 50), 1),
    p95Ms: round(percentile(samples, 95), 1),
    maxMs: round(samples.at(-1)!, 1),
    volume,
  };
  ctx.log(`${name}: p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms, max ${timing.maxMs} ms over ${runs} requests (${volume} complaints)`);
  return timing;
}

/**
 * The complaints an answer counted (not timed): the KPIs' total volume, the transparency report's
 * count, or the sum of the JR/T 0169 table's last column (CSV or the workbook's sheet).
 */
async function answerVolume(answer: { body: Buffer; contentType: string }): Promise<number> {
  if (answer.contentType.startsWith('application/json')) {
    const json = JSON.parse(answer.body.toString('utf8')) as { total?: { volume: number }; complaints?: { count: number | null } };
    return json.total?.volume ?? json.complaints?.count ?? 0;
  }
  if (answer.contentType.startsWith('text/csv')) {
    return answer.body
      .toString('utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',').at(-1)), 0);
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(answer.body as unknown as ArrayBuffer);
  let sum = 0;
  book.worksheets[0].eachRow((row, i) => {
    if (i > 1) sum += Number(row.getCell(6).value);
  });
  return sum;
}

/** A staff token key pair of the run (analytics trusts its public key only). */
function benchSigningKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = staffTokenSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), BENCH_ISSUER, BENCH_AUDIENCE);
  return { key, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const BENCH_ISSUER = 'urn:complaints:bench';
const BENCH_AUDIENCE = 'urn:complaints:bench:staff-api';

/** The real analytics service, built to dist/, with its own consumer groups and a staff token key of the run. */
async function startAnalytics(ctx: ScenarioContext, staffTokenPublicKey: string): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting analytics on port ${port}`);
  return startChildService('analytics', join(ctx.projectRoot, 'dist', 'apps', 'analytics', 'src', 'main.js'), `http://127.0.0.1:${port}`, {
    ...platformServiceEnv(ctx),
    ANALYTICS_PORT: String(port),
    ANALYTICS_CONSUMER_GROUP: SERVICE_GROUP,
    STAFF_TOKEN_PUBLIC_KEY: staffTokenPublicKey,
    STAFF_TOKEN_ISSUER: BENCH_ISSUER,
    STAFF_TOKEN_AUDIENCE: BENCH_AUDIENCE,
  });
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
