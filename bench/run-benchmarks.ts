import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaAnswers, LocalKafkaCluster, provisionInfrastructure } from '@complaints/devstack';
import { dropDatabase } from '@complaints/persistence';
import { writeAnalyticsResults } from './analytics.report';
import { AnalyticsSettings, runAnalyticsScenario } from './analytics.scenario';
import { BenchRun, machine } from './bench-run';
import { writeHotlineIntakeResults } from './hotline-intake.report';
import { HotlineIntakeSettings, runHotlineIntakeScenario } from './hotline-intake.scenario';
import { pipelineResultFiles, writePipelineResults } from './pipeline.report';
import { PipelineSettings, runPipelineScenario } from './pipeline.scenario';
import { writeRouterResults } from './router.report';
import { RouterSettings, runRouterScenario } from './router.scenario';
import { ScenarioContext } from './scenario-context';
import { writeWebIntakeResults } from './web-intake.report';
import { runWebIntakeScenario, WebIntakeSettings } from './web-intake.scenario';
import { writeWechatIntakeResults } from './wechat-intake.report';
import { runWechatIntakeScenario, WechatIntakeSettings } from './wechat-intake.scenario';

/**
 * `npm run bench`: provisions a dedicated Kafka broker and database, runs the scenarios BENCH_SCENARIOS
 * names ("pipeline" first, on fresh topics: the whole stack as `npm start` runs it, web complaints open
 * loop, CPU/latency/Kafka/PostgreSQL per complaint beside the bare parts) and writes
 * bench/results/<scenario>.{json,md}, each as soon as its scenario is done. Exits 1 when a run failed
 * (most requests, or calls, not accepted; not every complaint routed; a complaint lost or duplicated).
 *
 * Environment: BENCH_SCENARIOS (default all: "pipeline,web,hotline,wechat,router,analytics"), BENCH_KAFKA_BROKERS
 * (default 127.0.0.1:19292; a broker answering there is reused, otherwise one is started and stopped
 * again), BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/complaints_bench, dropped first), BENCH_DURATION_SEC (10), BENCH_WARMUP_SEC (3); web: BENCH_CONNECTIONS (default "8,32"),
 * BENCH_IDEMPOTENCY_KEY ("0" skips that variant); hotline: BENCH_HOTLINE_BATCHES (default "1,50,500"),
 * BENCH_HOTLINE_CONCURRENCY (4); wechat: BENCH_WECHAT_CONNECTIONS (default "8,32,64"), BENCH_WECHAT_AES
 * ("0" skips safe mode); router: BENCH_ROUTER_COMPLAINTS (5000), BENCH_ROUTER_TIMEOUT_SEC (600),
 * BENCH_CLASSIFIER_CALLS (5000); analytics: see bench/README.md; pipeline: BENCH_PIPELINE_RATE (100 complaints/s),
 * BENCH_PIPELINE_DURATION_SEC (60), BENCH_PIPELINE_WARMUP_SEC (5, 0 for none), BENCH_PIPELINE_IDLE_SEC (10),
 * BENCH_PIPELINE_BASELINE_SEC (30, the bare parts' run), BENCH_PIPELINE_TIMEOUT_SEC (300, for every case and a
 * quiet pipeline), BENCH_PIPELINE_PROFILE ("1": every service with --cpu-prof, top self time in the results),
 * BENCH_PIPELINE_PROFILE_TOP (15 entries per list).
 */

const PROJECT_ROOT = join(__dirname, '..', '..');
const RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');
const BROKERS = process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19292';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/complaints_bench';
const KAFKA_DATA_DIR = join(PROJECT_ROOT, '.local', 'kafka-bench');
const PARTITIONS = 6;
const MIN_ACCEPTED_SHARE = 0.5;
const MAX_HOTLINE_BATCH = 5_000;
const MAX_ROUTER_COMPLAINTS = 1_000_000;
/** intake-social publishes each complaint this long after its message, i.e. within the run. */
const WECHAT_QUIET_WINDOW_SEC = 2;

type ScenarioName = 'pipeline' | 'web' | 'hotline' | 'wechat' | 'router' | 'analytics';
/** In the order they run: the pipeline first, before the others leave records its consumers would read. */
const SCENARIO_NAMES: readonly ScenarioName[] = ['pipeline', 'web', 'hotline', 'wechat', 'router', 'analytics'];
const DEFAULT_SCENARIOS: readonly ScenarioName[] = SCENARIO_NAMES;

/** What one scenario printed and whether one of its runs failed. */
interface ScenarioOutcome {
  title: string;
  table: string;
  files: string[];
  failedRuns: string[];
}

function scenariosFromEnv(): ScenarioName[] {
  const names = (process.env.BENCH_SCENARIOS ?? DEFAULT_SCENARIOS.join(','))
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !SCENARIO_NAMES.includes(n as ScenarioName));
  if (unknown.length || names.length === 0)
    throw new Error(`BENCH_SCENARIOS must list some of ${SCENARIO_NAMES.join(', ')} (got "${process.env.BENCH_SCENARIOS}")`);
  return SCENARIO_NAMES.filter((n) => names.includes(n));
}

/** Web settings from BENCH_* variables or the defaults (about 75 s of load in all). */
function webSettingsFromEnv(): WebIntakeSettings {
  return {
    connections: positiveIntegers('BENCH_CONNECTIONS', '8,32'),
    durationSec: positiveNumber('BENCH_DURATION_SEC', 10),
    warmupSec: positiveNumber('BENCH_WARMUP_SEC', 3),
    withIdempotencyKey: process.env.BENCH_IDEMPOTENCY_KEY !== '0',
    minAcceptedShare: MIN_ACCEPTED_SHARE,
  };
}

/** Hotline settings from BENCH_* variables or the defaults (about 70 s of load in all). */
function hotlineSettingsFromEnv(): HotlineIntakeSettings {
  const batchSizes = positiveIntegers('BENCH_HOTLINE_BATCHES', '1,50,500');
  if (batchSizes.some((b) => b > MAX_HOTLINE_BATCH)) throw new Error(`BENCH_HOTLINE_BATCHES: at most ${MAX_HOTLINE_BATCH} calls per batch`);
  const concurrency = positiveNumber('BENCH_HOTLINE_CONCURRENCY', 4);
  if (!Number.isInteger(concurrency)) throw new Error('BENCH_HOTLINE_CONCURRENCY must be a positive integer');
  return {
    batchSizes,
    concurrency,
    durationSec: positiveNumber('BENCH_DURATION_SEC', 10),
    warmupSec: positiveNumber('BENCH_WARMUP_SEC', 3),
    minAcceptedShare: MIN_ACCEPTED_SHARE,
  };
}

/** WeChat settings from BENCH_* variables or the defaults (about 140 s of load in all). */
function wechatSettingsFromEnv(): WechatIntakeSettings {
  return {
    connections: positiveIntegers('BENCH_WECHAT_CONNECTIONS', '8,32,64'),
    withAes: process.env.BENCH_WECHAT_AES !== '0',
    durationSec: positiveNumber('BENCH_DURATION_SEC', 10),
    warmupSec: positiveNumber('BENCH_WARMUP_SEC', 3),
    quietWindowSec: WECHAT_QUIET_WINDOW_SEC,
    minAcceptedShare: MIN_ACCEPTED_SHARE,
  };
}

/** Router settings from BENCH_* variables or the defaults. */
function routerSettingsFromEnv(): RouterSettings {
  const [complaints, classifierCalls, timeoutSec] = [
    positiveNumber('BENCH_ROUTER_COMPLAINTS', 5_000),
    positiveNumber('BENCH_CLASSIFIER_CALLS', 5_000),
    positiveNumber('BENCH_ROUTER_TIMEOUT_SEC', 600),
  ];
  if (!Number.isInteger(complaints) || !Number.isInteger(classifierCalls))
    throw new Error('BENCH_ROUTER_COMPLAINTS and BENCH_CLASSIFIER_CALLS must be positive integers');
  if (complaints > MAX_ROUTER_COMPLAINTS) throw new Error(`BENCH_ROUTER_COMPLAINTS: at most ${MAX_ROUTER_COMPLAINTS}`);
  return { complaints, classifierCalls, timeoutSec };
}

/** Analytics settings from BENCH_* variables or the defaults. */
function analyticsSettingsFromEnv(): AnalyticsSettings {
  const settings = {
    complaints: positiveNumber('BENCH_ANALYTICS_COMPLAINTS', 2_000),
    facts: positiveNumber('BENCH_ANALYTICS_FACTS', 1_000_000),
    queryRuns: positiveNumber('BENCH_ANALYTICS_QUERY_RUNS', 20),
    timeoutSec: positiveNumber('BENCH_ANALYTICS_TIMEOUT_SEC', 900),
  };
  if (![settings.complaints, settings.facts, settings.queryRuns].every(Number.isInteger))
    throw new Error('BENCH_ANALYTICS_COMPLAINTS, _FACTS and _QUERY_RUNS must be positive integers');
  if (settings.facts > 20_000_000) throw new Error('BENCH_ANALYTICS_FACTS: at most 20000000');
  return settings;
}

/** Pipeline settings from BENCH_PIPELINE_* variables or the defaults (about 4 minutes in all). */
function pipelineSettingsFromEnv(): PipelineSettings {
  const warmupSec = Number(process.env.BENCH_PIPELINE_WARMUP_SEC ?? 5);
  if (!(warmupSec >= 0)) throw new Error('BENCH_PIPELINE_WARMUP_SEC must be 0 or more');
  const profileTop = positiveNumber('BENCH_PIPELINE_PROFILE_TOP', 15);
  if (!Number.isInteger(profileTop)) throw new Error('BENCH_PIPELINE_PROFILE_TOP must be a positive integer');
  return {
    ratePerSec: positiveNumber('BENCH_PIPELINE_RATE', 100),
    durationSec: positiveNumber('BENCH_PIPELINE_DURATION_SEC', 60),
    warmupSec,
    idleSec: positiveNumber('BENCH_PIPELINE_IDLE_SEC', 10),
    baselineSec: positiveNumber('BENCH_PIPELINE_BASELINE_SEC', 30),
    timeoutSec: positiveNumber('BENCH_PIPELINE_TIMEOUT_SEC', 300),
    profile: process.env.BENCH_PIPELINE_PROFILE === '1',
    profileTop,
    minAcceptedShare: MIN_ACCEPTED_SHARE,
  };
}

function positiveIntegers(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback).split(',').map((c) => Number(c.trim()));
  if (values.some((c) => !Number.isInteger(c) || c < 1)) throw new Error(`${name} must be a comma-separated list of positive integers`);
  return values;
}

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number`);
  return value;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** A Kafka broker (reused, or a fresh local one with empty storage), the database and every topic. */
async function provision(): Promise<LocalKafkaCluster | null> {
  await dropDatabase(DATABASE_URL);
  if (!(await kafkaAnswers(BROKERS.split(',')))) await rm(KAFKA_DATA_DIR, { recursive: true, force: true });
  return provisionInfrastructure({
    projectRoot: PROJECT_ROOT,
    brokers: BROKERS,
    databaseUrl: DATABASE_URL,
    kafkaDataDir: KAFKA_DATA_DIR,
    partitions: PARTITIONS,
    log,
  });
}

async function pipelineScenario(ctx: ScenarioContext, run: BenchRun, settings: PipelineSettings): Promise<ScenarioOutcome> {
  const results = await runPipelineScenario(ctx, settings);
  const table = await writePipelineResults(run, settings, results);
  const problems = `${results.accepted}/${results.load.sent} accepted, ${results.lost} lost, ${results.duplicated} duplicated`;
  return {
    title: 'Pipeline',
    table,
    files: pipelineResultFiles(settings),
    failedRuns: results.failed ? [`pipeline (${problems})`] : [],
  };
}

async function webScenario(ctx: ScenarioContext, run: BenchRun, settings: WebIntakeSettings): Promise<ScenarioOutcome> {
  const results = await runWebIntakeScenario(ctx, settings);
  const table = await writeWebIntakeResults(run, settings, results);
  return {
    title: 'Web intake',
    table,
    files: ['web-intake.json', 'web-intake.md'],
    failedRuns: results.runs.filter((r) => r.failed).map((r) => `web ${r.target} c=${r.connections}`),
  };
}

async function hotlineScenario(ctx: ScenarioContext, run: BenchRun, settings: HotlineIntakeSettings): Promise<ScenarioOutcome> {
  const results = await runHotlineIntakeScenario(ctx, settings);
  const table = await writeHotlineIntakeResults(run, settings, results);
  return {
    title: 'Hotline intake',
    table,
    files: ['hotline-intake.json', 'hotline-intake.md'],
    failedRuns: results.runs.filter((r) => r.failed).map((r) => `hotline ${r.target} batch=${r.batchSize}`),
  };
}

async function wechatScenario(ctx: ScenarioContext, run: BenchRun, settings: WechatIntakeSettings): Promise<ScenarioOutcome> {
  const results = await runWechatIntakeScenario(ctx, settings);
  const table = await writeWechatIntakeResults(run, settings, results);
  return {
    title: 'WeChat passive reply',
    table,
    files: ['wechat-intake.json', 'wechat-intake.md'],
    failedRuns: results.runs.filter((r) => r.failed).map((r) => `wechat ${r.target} ${r.mode} c=${r.concurrency}`),
  };
}

async function routerScenario(ctx: ScenarioContext, run: BenchRun, settings: RouterSettings): Promise<ScenarioOutcome> {
  const results = await runRouterScenario(ctx, settings);
  const table = await writeRouterResults(run, settings, results);
  return {
    title: 'Router',
    table,
    files: ['router.json', 'router.md'],
    failedRuns: results.runs.filter((r) => r.failed).map((r) => `router ${r.target} (${r.rows}/${r.complaints} rows)`),
  };
}

async function analyticsScenario(ctx: ScenarioContext, run: BenchRun, settings: AnalyticsSettings): Promise<ScenarioOutcome> {
  const results = await runAnalyticsScenario(ctx, settings);
  const table = await writeAnalyticsResults(run, settings, results);
  return {
    title: 'Analytics',
    table,
    files: ['analytics.json', 'analytics.md'],
    failedRuns: results.ingest.filter((r) => r.failed).map((r) => `analytics ${r.target} (${r.rows}/${r.events} events)`),
  };
}

function printOutcome(outcome: ScenarioOutcome, cpuCount: number): void {
  process.stdout.write(
    `\n${outcome.title} (${cpuCount} CPU cores shared by load generator, services, Kafka and PostgreSQL)\n\n${outcome.table}\n\n`,
  );
  process.stdout.write(`Results written to ${outcome.files.map((f) => join('bench', 'results', f)).join(' and ')}\n`);
}

async function main(): Promise<number> {
  const scenarios = scenariosFromEnv();
  // Every setting is checked before the broker is started.
  const pipelineSettings = scenarios.includes('pipeline') ? pipelineSettingsFromEnv() : undefined;
  const webSettings = scenarios.includes('web') ? webSettingsFromEnv() : undefined;
  const hotlineSettings = scenarios.includes('hotline') ? hotlineSettingsFromEnv() : undefined;
  const wechatSettings = scenarios.includes('wechat') ? wechatSettingsFromEnv() : undefined;
  const routerSettings = scenarios.includes('router') ? routerSettingsFromEnv() : undefined;
  const analyticsSettings = scenarios.includes('analytics') ? analyticsSettingsFromEnv() : undefined;
  const timestamp = new Date().toISOString();
  const machineAtStart = machine();
  const kafka = await provision();
  const run: BenchRun = {
    timestamp,
    machine: machineAtStart,
    resultsDir: RESULTS_DIR,
    infrastructure: { brokers: BROKERS, kafkaStartedByBench: kafka !== null, partitions: PARTITIONS, databaseUrl: DATABASE_URL },
  };
  const ctx: ScenarioContext = { projectRoot: PROJECT_ROOT, brokers: BROKERS, databaseUrl: DATABASE_URL, log };
  const outcomes: ScenarioOutcome[] = [];
  try {
    if (pipelineSettings) outcomes.push(await pipelineScenario(ctx, run, pipelineSettings));
    if (webSettings) outcomes.push(await webScenario(ctx, run, webSettings));
    if (hotlineSettings) outcomes.push(await hotlineScenario(ctx, run, hotlineSettings));
    if (wechatSettings) outcomes.push(await wechatScenario(ctx, run, wechatSettings));
    if (routerSettings) outcomes.push(await routerScenario(ctx, run, routerSettings));
    if (analyticsSettings) outcomes.push(await analyticsScenario(ctx, run, analyticsSettings));
  } finally {
    if (kafka) {
      log('stopping the Kafka broker started for the bench');
      await kafka.stop();
    }
  }
  for (const outcome of outcomes) printOutcome(outcome, machineAtStart.cpuCount);
  const failed = outcomes.flatMap((o) => o.failedRuns);
  if (failed.length) {
    process.stderr.write(
      `\nBENCH FAILED (most requests not accepted, not every complaint routed, or complaints lost or duplicated): ${failed.join(', ')}\n`,
    );
    return 1;
  }
  return 0;
}

// Ctrl-C: exit normally so the exit hooks stop the services and the Kafka broker.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
