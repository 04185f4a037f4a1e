import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { CALLCENTER_ID, HotlineIntakeResults, HotlineIntakeRun, HotlineIntakeSettings, WARMUP_BATCH_SIZE } from './hotline-intake.scenario';

/** Results of the "hotline intake" scenario: bench/results/hotline-intake.{json,md}. */

const MACHINE_NOTE =
  'the load generator and the baseline producer (both in the bench process), intake-hotline (a child process), Kafka and PostgreSQL all share this machine';

/** Writes both files and returns the Markdown table (for stdout). */
export async function writeHotlineIntakeResults(
  run: BenchRun,
  settings: HotlineIntakeSettings,
  results: HotlineIntakeResults,
): Promise<string> {
  const table = markdownTable(results.runs);
  const json = {
    scenario: 'hotline-intake',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: {
      ...settings,
      warmupBatchSize: WARMUP_BATCH_SIZE,
      ...run.infrastructure,
      intakeHotline: `child process: node dist/apps/intake-hotline/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, HOTLINE_SECRETS=${CALLCENTER_ID}:<random>, no callbacks, default DB pool 10)`,
      baseline:
        'in the bench process: kafkajs idempotent producer (maxInFlightRequests 1, acks=-1), one send per batch, one record per call',
      loadGenerator:
        'closed loop in the bench process: each worker builds a batch of new calls, signs it, POSTs it with fetch (keep-alive) and waits for the answer',
      callBytes: results.callBytes,
      recordBytes: results.recordBytes,
    },
    failed: results.runs.some((r) => r.failed),
    runs: results.runs,
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, 'hotline-intake.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, 'hotline-intake.md'), markdownReport(run, settings, results, table));
  return table;
}

/** The results as a Markdown table, one row per batch size and target. */
function markdownTable(runs: HotlineIntakeRun[]): string {
  const header = [
    '| target | calls/batch | calls accepted/s | % of baseline | batches/s | p50 ms | p99 ms | not accepted | failed batches | Kafka records |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = runs.map((run) => {
    const baseline = runs.find((r) => r.target === 'baseline' && r.batchSize === run.batchSize);
    const share = baseline && baseline.acceptedPerSec > 0 ? `${Math.round((100 * run.acceptedPerSec) / baseline.acceptedPerSec)} %` : '-';
    const flag = run.failed ? ' **FAILED**' : '';
    const notAccepted = run.callsSent - run.accepted;
    const failedBatches = run.attempts - run.succeeded;
    return `| ${run.target}${flag} | ${run.batchSize} | ${run.acceptedPerSec} | ${share} | ${run.succeededPerSec} | ${run.latencyP50Ms} | ${run.latencyP99Ms} | ${notAccepted} | ${failedBatches} | ${run.kafkaRecords} |`;
  });
  return [...header, ...rows].join('\n');
}

function markdownReport(run: BenchRun, settings: HotlineIntakeSettings, results: HotlineIntakeResults, table: string): string {
  return [
    '# Hotline intake benchmark',
    '',
    measuredLine(run),
    `${settings.durationSec} s per run after ${settings.warmupSec} s of warm-up per target (batches of ${WARMUP_BATCH_SIZE}); closed loop with ${settings.concurrency} workers, one batch in flight each.`,
    `Note: ${MACHINE_NOTE}, so the figures are relative (intake-hotline vs baseline), not capacity numbers.`,
    '',
    table,
    '',
    "- **baseline**: a bare kafkajs idempotent producer (acks=all, same settings as the platform's EventPublisher) in the bench process: one `send` per batch with a `complaints.received.v1`-shaped record per call; no HTTP, no validation, no PostgreSQL.",
    '- **intake-hotline**: the real service (`dist/apps/intake-hotline/src/main.js`, child process): `POST /v1/hotline/calls` signed with HMAC-SHA256; signature check, validation, PII sealing, bulk PostgreSQL reserve + mark accepted, one Kafka request per batch with acks=all.',
    '- calls accepted/s = calls answered `accepted` (baseline: records acknowledged) per second; batches/s = 2xx answers (acknowledged sends) per second; p50/p99 = latency of those, per request.',
    '- not accepted = calls sent but not accepted (duplicate, rejected, or in a failed batch); failed batches = non-2xx answers and requests without an answer.',
    '- Kafka records = records appended to `complaints.received.v1` during the run; batches in flight at the end are waited for, so it should equal calls accepted.',
    `- One call is ${results.callBytes} bytes of request body; one record value is ${results.recordBytes.baseline} bytes for the baseline, ${results.recordBytes.intakeHotline} for intake-hotline (the caller's number sealed).`,
    '',
  ].join('\n');
}
