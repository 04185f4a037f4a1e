import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { AnalyticsResults, AnalyticsSettings } from './analytics.scenario';

/** Results of the "analytics" scenario: bench/results/analytics.{json,md}. */

const MACHINE_NOTE =
  'the consumer under test (analytics as a child process, or the baseline in the bench process), Kafka and PostgreSQL share this machine; queries are sequential HTTP requests from the bench process';

export async function writeAnalyticsResults(run: BenchRun, settings: AnalyticsSettings, results: AnalyticsResults): Promise<string> {
  const table = `${ingestTable(results)}\n\n${queryTable(results)}`;
  const json = {
    scenario: 'analytics',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: {
      ...settings,
      ...run.infrastructure,
      analytics:
        'child process: node dist/apps/analytics/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, DB pool 10, ANALYTICS_BATCH_SIZE default 500: one transaction per batch), consumer groups bench-analytics.<topic> set to the topic ends before the events were published',
      baseline:
        'in the bench process: one kafkajs consumer (eachBatch) of the three topics, per batch one multi-row INSERT into bench.applied_events and one into bench.complaint_events, no validation, no folding, no rollup',
      syntheticLoad:
        "INSERT ... SELECT over generate_series into analytics.complaint_facts, then kpi_rollup and jrt0169_rollup filled from them with the migrations' backfill SQL (bench/analytics-synthetic-facts.ts), VACUUM ANALYZE; not through Kafka",
    },
    failed: results.ingest.some((r) => r.failed),
    ...results,
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, 'analytics.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, 'analytics.md'), markdownReport(run, settings, results, table));
  return table;
}

function ingestTable(results: AnalyticsResults): string {
  const baseline = results.ingest.find((r) => r.target === 'baseline');
  const lines = [
    '| consumer | events | recorded | events/s | % of baseline | s from start to last event |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of results.ingest) {
    const share = baseline && baseline.eventsPerSec > 0 ? `${Math.round((r.eventsPerSec / baseline.eventsPerSec) * 1000) / 10} %` : '';
    lines.push(`| ${r.target} | ${r.events} | ${r.rows} | ${r.eventsPerSec} | ${share} | ${r.wallSec} |`);
  }
  return lines.join('\n');
}

function queryTable(results: AnalyticsResults): string {
  const lines = [
    `| query (${results.load.facts.toLocaleString('en')} complaints of ${results.load.year}, ${results.load.rollupRows.toLocaleString('en')} KPI rollup rows${
      results.load.jrt0169RollupRows === undefined ? '' : `, ${results.load.jrt0169RollupRows.toLocaleString('en')} JR/T 0169 rollup rows`
    }) | requests | p50 ms | p95 ms | max ms | complaints counted |`,
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const q of results.queries)
    lines.push(`| ${q.name} (\`${q.path}\`) | ${q.runs} | ${q.p50Ms} | ${q.p95Ms} | ${q.maxMs} | ${q.volume} |`);
  return lines.join('\n');
}

function markdownReport(run: BenchRun, settings: AnalyticsSettings, results: AnalyticsResults, table: string): string {
  return `# Analytics

${measuredLine(run)}

Events recorded per second by the analytics service's consumers, beside a bare kafkajs consumer that
only inserts each event's first two rows (\`${settings.complaints}\` complaints, 5 events each, on three
topics); then the latency of the KPI, transparency and JR/T 0169 queries after loading ${results.load.facts.toLocaleString('en')}
synthetic complaints **directly into the read model with SQL** (not through Kafka; ${results.load.seconds} s
to load). See bench/README.md, scenario "analytics".

${table}

The machine has ${run.machine.cpuCount} CPU cores shared by the consumer, Kafka and PostgreSQL (and, while
this ran, other work: see the load average above); compare with the baseline of the same run.
`;
}
