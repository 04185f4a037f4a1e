import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { BASELINE_TABLE } from './baseline-router-consumer';
import { ClassifierTiming, RouterResults, RouterRun, RouterSettings } from './router.scenario';

/** Results of the "router" scenario: bench/results/router.{json,md}. */

const MACHINE_NOTE =
  'the consumer under test (the router as a child process, or the baseline in the bench process), Kafka and PostgreSQL share this machine; the classifier is timed in the bench process once both consumers have stopped';

export async function writeRouterResults(run: BenchRun, settings: RouterSettings, results: RouterResults): Promise<string> {
  const table = `${routingTable(results.runs)}\n\n${classifierTable(results.classifier)}`;
  const json = {
    scenario: 'router',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: {
      ...settings,
      ...run.infrastructure,
      router:
        'child process: node dist/apps/router/src/main.js (NODE_ENV=development, LOG_LEVEL=warn, default rules, default DB pool 10), consumer group `router` set to the topic end before the events were published',
      baseline: `in the bench process: kafkajs consumer (eachBatch), one multi-row INSERT per batch into ${BASELINE_TABLE} (the shape of routing.decisions), no validation, no classification, no publish`,
      texts: results.texts,
      eventBytesMean: results.eventBytesMean,
    },
    failed: results.runs.some((r) => r.failed),
    runs: results.runs,
    classifier: results.classifier,
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, 'router.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, 'router.md'), markdownReport(run, settings, results, table));
  return table;
}

function routingTable(runs: RouterRun[]): string {
  const header = [
    '| consumer | complaints | rows written | commits | routed/s | % of baseline | s from start to last row | routed events published |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const baseline = runs.find((r) => r.target === 'baseline');
  const rows = runs.map((run) => {
    const share = baseline && baseline.routedPerSec > 0 ? `${Math.round((100 * run.routedPerSec) / baseline.routedPerSec)} %` : '-';
    const flag = run.failed ? ' **FAILED**' : '';
    return `| ${run.target}${flag} | ${run.complaints} | ${run.rows} | ${run.commits} | ${run.routedPerSec} | ${share} | ${run.wallSec} | ${run.routedEvents} |`;
  });
  return [...header, ...rows].join('\n');
}

function classifierTable(timings: ClassifierTiming[]): string {
  const header = [
    '| classifier texts | texts | calls | mean chars | mean ms | p50 ms | p90 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = timings.map(
    (t) => `| ${t.language} | ${t.texts} | ${t.calls} | ${t.meanChars} | ${t.meanMs} | ${t.p50Ms} | ${t.p90Ms} | ${t.p99Ms} | ${t.maxMs} |`,
  );
  return [...header, ...rows].join('\n');
}

function markdownReport(run: BenchRun, settings: RouterSettings, results: RouterResults, tables: string): string {
  const all = results.classifier.find((t) => t.language === 'all');
  const router = results.runs.find((r) => r.target === 'router');
  const share = all && router && router.routedPerSec > 0 ? Math.round(all.meanMs * router.routedPerSec * 10) / 100 : undefined;
  return [
    '# Router benchmark',
    '',
    measuredLine(run),
    `${settings.complaints} \`complaints.received.v1\` events published before either consumer starts; each consumer reads all of them from the same offsets. Classifier: ${settings.classifierCalls} timed calls after one warm-up pass.`,
    `Note: ${MACHINE_NOTE}, so the figures are relative (router vs baseline), not capacity numbers.`,
    '',
    tables,
    '',
    '- **baseline**: a bare kafkajs consumer in the bench process: for every batch kafkajs delivers, one multi-row `INSERT ... ON CONFLICT DO NOTHING` of equivalent rows into a scratch table shaped like `routing.decisions`, then the commit; nothing else.',
    "- **router**: the real service (`dist/apps/router/src/main.js`, one instance, child process), batch after batch (kafkajs `eachBatch`, at most `ROUTING_BATCH_SIZE` = 500 complaints of one partition): contract check of each event, one look-up of earlier decisions, classification of each, one transaction (customer advisory locks, one repeat look-up for the batch, rules, department locks and handler loads, bulk inserts of decisions, assignments, matters and identities), one publish of the batch's `complaints.routed.v1` events with acks=all, commit of the batch's offsets.",
    "- routed/s = rows written after the first commit, per second between the first and the last commit (`created_at` of the rows: the router's transactions, the baseline's batches); s from start = from starting the consumer (the router: spawning the process, with Nest boot, migrations and group join) until every row was there.",
    `- classifier = \`classifyComplaint\` from libs/classification (jieba segmentation, features, softmax over the model) over the same ${results.texts.total} texts (${results.texts.zh} Chinese, ${results.texts.en} English), in the bench process.` +
      (share !== undefined ? ` At the router's rate, classification is about ${share} % of its time per complaint.` : ''),
    `- Events average ${results.eventBytesMean} bytes; every complaint has its own customer (WeChat openId), so none is a repeat.`,
    '',
  ].join('\n');
}
