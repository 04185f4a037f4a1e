import { mkdir, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { kafkaAnswers, LocalKafka, provisionInfrastructure } from '@complaints/devstack';
import { dropDatabase } from '@complaints/persistence';
import { COMPLAINT_BODY, runWebIntakeScenario, WebIntakeResults, WebIntakeRun, WebIntakeSettings } from './web-intake.scenario';

/**
 * `npm run bench`: provisions a dedicated Kafka broker and database, runs the "web intake" scenario
 * and writes bench/results/web-intake.{json,md}. Exits 1 when a run failed (most requests not 2xx).
 *
 * Environment: BENCH_KAFKA_BROKERS (default 127.0.0.1:19292; a broker answering there is reused,
 * otherwise one is started and stopped again), BENCH_CONNECTIONS (default "8,32"),
 * BENCH_DURATION_SEC (10), BENCH_WARMUP_SEC (3), BENCH_IDEMPOTENCY_KEY ("0" skips that variant).
 */

const PROJECT_ROOT = join(__dirname, '..', '..');
const RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');
const BROKERS = process.env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19292';
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/complaints_bench';
const KAFKA_DATA_DIR = join(PROJECT_ROOT, '.local', 'kafka-bench');
const PARTITIONS = 6;
const MACHINE_NOTE =
  'autocannon (in the bench process), the target under test (a child process), the idle other target, Kafka and PostgreSQL all share this machine';

/** Settings of the run, from BENCH_* variables or the defaults (about 75 s of load in all). */
function settingsFromEnv(): WebIntakeSettings {
  const connections = (process.env.BENCH_CONNECTIONS ?? '8,32').split(',').map((c) => Number(c.trim()));
  if (connections.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('BENCH_CONNECTIONS must be a comma-separated list of positive integers');
  return {
    connections,
    durationSec: positiveNumber('BENCH_DURATION_SEC', 10),
    warmupSec: positiveNumber('BENCH_WARMUP_SEC', 3),
    withIdempotencyKey: process.env.BENCH_IDEMPOTENCY_KEY !== '0',
    minAcceptedShare: 0.5,
  };
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
async function provision(): Promise<LocalKafka | null> {
  await dropDatabase(DATABASE_URL);
  if (!(await kafkaAnswers(BROKERS.split(',')))) await rm(KAFKA_DATA_DIR, { recursive: true, force: true });
  return provisionInfrastructure({ projectRoot: PROJECT_ROOT, brokers: BROKERS, databaseUrl: DATABASE_URL, kafkaDataDir: KAFKA_DATA_DIR, partitions: PARTITIONS, log });
}

/** Where and how the figures were measured, for the JSON results. */
function environment() {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    totalMemMb: Math.round(totalmem() / 2 ** 20),
    loadAvgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    note: MACHINE_NOTE,
  };
}

/** The results as a Markdown table, one row per target and connection level. */
function markdownTable(runs: WebIntakeRun[]): string {
  const header = [
    '| target | connections | accepted/s | % of baseline | p50 ms | p99 ms | non-2xx | errors | Kafka records |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = runs.map((run) => {
    const baseline = runs.find((r) => r.target === 'baseline' && r.connections === run.connections);
    const share = baseline && baseline.acceptedPerSec > 0 ? `${Math.round((100 * run.acceptedPerSec) / baseline.acceptedPerSec)} %` : '-';
    const flag = run.failed ? ' **FAILED**' : '';
    return `| ${run.target}${flag} | ${run.connections} | ${run.acceptedPerSec} | ${share} | ${run.latencyP50Ms} | ${run.latencyP99Ms} | ${run.non2xx} | ${run.errors} | ${run.kafkaRecords} |`;
  });
  return [...header, ...rows].join('\n');
}

function markdownReport(timestamp: string, settings: WebIntakeSettings, results: WebIntakeResults, table: string): string {
  const env = environment();
  return [
    '# Web intake benchmark',
    '',
    `Measured ${timestamp} with Node ${env.node} on ${env.platform}, ${env.cpuCount} CPU cores (${env.cpuModel}), load average ${env.loadAvgAtStart.join(' ')} at start.`,
    `${settings.durationSec} s per run after ${settings.warmupSec} s of warm-up per target; autocannon, keep-alive connections, no pipelining.`,
    `Note: ${MACHINE_NOTE}, so the figures are relative (intake-web vs baseline), not capacity numbers.`,
    '',
    table,
    '',
    '- **baseline**: bare Fastify + kafkajs idempotent producer (acks=all) to `complaints.received.v1`, no validation, no PostgreSQL; child process.',
    '- **intake-web**: the real service (`dist/apps/intake-web/src/main.js`, child process): validation, PostgreSQL reserve + mark accepted, Kafka acks=all.',
    ...(settings.withIdempotencyKey ? ['- **intake-web+idempotency-key**: the same with a unique `Idempotency-Key` on every request (one extra look-up).'] : []),
    `- accepted/s = 2xx answers per second; p50/p99 = latency of 2xx answers; Kafka records = records appended to the topic during the run (should be about accepted).`,
    `- Request body (${results.requestBodyBytes} bytes): \`${COMPLAINT_BODY}\``,
    '',
  ].join('\n');
}

async function writeResults(timestamp: string, startedKafka: boolean, settings: WebIntakeSettings, results: WebIntakeResults): Promise<string> {
  const table = markdownTable(results.runs);
  const json = {
    scenario: 'web-intake',
    timestamp,
    environment: environment(),
    settings: {
      ...settings,
      brokers: BROKERS,
      kafkaStartedByBench: startedKafka,
      partitions: PARTITIONS,
      databaseUrl: DATABASE_URL,
      intakeWeb: 'child process: node dist/apps/intake-web/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, rate limit off, default DB pool 10)',
      baseline: 'child process: node dist/bench/baseline-producer-server.js (Fastify 5, kafkajs idempotent producer, acks=-1)',
      loadGenerator: 'autocannon 8 (programmatic) in the bench process',
      requestBody: COMPLAINT_BODY,
      requestBodyBytes: results.requestBodyBytes,
    },
    failed: results.runs.some((r) => r.failed),
    runs: results.runs,
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, 'web-intake.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(RESULTS_DIR, 'web-intake.md'), markdownReport(timestamp, settings, results, table));
  return table;
}

async function main(): Promise<number> {
  const settings = settingsFromEnv();
  const timestamp = new Date().toISOString();
  const kafka = await provision();
  let results: WebIntakeResults;
  try {
    results = await runWebIntakeScenario({ projectRoot: PROJECT_ROOT, brokers: BROKERS, databaseUrl: DATABASE_URL, log }, settings);
  } finally {
    if (kafka) {
      log('stopping the Kafka broker started for the bench');
      await kafka.stop();
    }
  }
  const table = await writeResults(timestamp, kafka !== null, settings, results);
  process.stdout.write(`\nWeb intake (${cpus().length} CPU cores shared by load generator, services, Kafka and PostgreSQL)\n\n${table}\n\n`);
  process.stdout.write(`Results written to ${join('bench', 'results', 'web-intake.json')} and ${join('bench', 'results', 'web-intake.md')}\n`);
  const failed = results.runs.filter((r) => r.failed);
  if (failed.length) {
    process.stderr.write(`\nBENCH FAILED: most requests were not answered 2xx in ${failed.map((r) => `${r.target} c=${r.connections}`).join(', ')}\n`);
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
