import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { COMPLAINT_BODY, WebIntakeResults, WebIntakeRun, WebIntakeSettings } from './web-intake.scenario';

/** Results of the "web intake" scenario: bench/results/web-intake.{json,md}. */

const MACHINE_NOTE =
  'autocannon (in the bench process), the target under test (a child process), the idle other target, Kafka and PostgreSQL all share this machine';

/** Writes both files and returns the Markdown table (for stdout). */
export async function writeWebIntakeResults(run: BenchRun, settings: WebIntakeSettings, results: WebIntakeResults): Promise<string> {
  const table = markdownTable(results.runs);
  const json = {
    scenario: 'web-intake',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: {
      ...settings,
      ...run.infrastructure,
      intakeWeb:
        'child process: node dist/apps/intake-web/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, rate limit off, default DB pool 10)',
      baseline: 'child process: node dist/bench/baseline-producer-server.js (Fastify 5, kafkajs idempotent producer, acks=-1)',
      loadGenerator: 'autocannon 8 (programmatic) in the bench process',
      requestBody: COMPLAINT_BODY,
      requestBodyBytes: results.requestBodyBytes,
    },
    failed: results.runs.some((r) => r.failed),
    runs: results.runs,
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, 'web-intake.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, 'web-intake.md'), markdownReport(run, settings, results, table));
  return table;
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

function markdownReport(run: BenchRun, settings: WebIntakeSettings, results: WebIntakeResults, table: string): string {
  return [
    '# Web intake benchmark',
    '',
    measuredLine(run),
    `${settings.durationSec} s per run after ${settings.warmupSec} s of warm-up per target; autocannon, keep-alive connections, no pipelining.`,
    `Note: ${MACHINE_NOTE}, so the figures are relative (intake-web vs baseline), not capacity numbers.`,
    '',
    table,
    '',
    '- **baseline**: bare Fastify + kafkajs idempotent producer (acks=all) to `complaints.received.v1`, no validation, no PostgreSQL; child process.',
    '- **intake-web**: the real service (`dist/apps/intake-web/src/main.js`, child process): validation, PostgreSQL reserve + mark accepted, Kafka acks=all.',
    ...(settings.withIdempotencyKey
      ? ['- **intake-web+idempotency-key**: the same with a unique `Idempotency-Key` on every request (one extra look-up).']
      : []),
    `- accepted/s = 2xx answers per second; p50/p99 = latency of 2xx answers; Kafka records = records appended to the topic during the run (should be about accepted).`,
    `- Request body (${results.requestBodyBytes} bytes): \`${COMPLAINT_BODY}\``,
    '',
  ].join('\n');
}
