import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchRun, measuredLine } from './bench-run';
import { BARE_CONSUMER, BARE_ENDPOINT } from './pipeline-baselines';
import { BENCH_PROCESS, PipelineResults, PipelineSettings } from './pipeline.scenario';
import { CpuPerUnit } from './process-cpu';

/**
 * Results of the "pipeline" scenario: bench/results/pipeline.{json,md}, or pipeline-profiled.{json,md}
 * for a profiled run (whose CPU figures include the profiler's cost, so they never replace the others).
 */

const MACHINE_NOTE =
  'the load generator (bench process), all eight services, Kafka and PostgreSQL share this machine; machine-wide CPU also counts anything else running, which the idle rate measured just before only partly takes off';
const GOALS = { cpuMs: 10, p50Ms: 300, p99Ms: 1_000, rssMb: 150 };
/** Above this share of the machine busy before the load, the machine-wide figures say little. */
const BUSY_MACHINE_SHARE = 0.5;

/** The two files a run writes, in bench/results. */
export function pipelineResultFiles(settings: PipelineSettings): [string, string] {
  const name = settings.profile ? 'pipeline-profiled' : 'pipeline';
  return [`${name}.json`, `${name}.md`];
}

/** Writes both files and returns the summary table (for stdout). */
export async function writePipelineResults(run: BenchRun, settings: PipelineSettings, results: PipelineResults): Promise<string> {
  const summary = summaryTable(results, run.machine.cpuCount);
  const [jsonFile, mdFile] = pipelineResultFiles(settings);
  const json = {
    scenario: 'pipeline',
    timestamp: run.timestamp,
    environment: { ...run.machine, note: MACHINE_NOTE },
    settings: { ...settings, ...run.infrastructure },
    failed: results.failed,
    results: {
      ...results,
      load: { ...results.load, acceptedIds: undefined },
      bare: { ...results.bare, load: { ...results.bare.load, acceptedIds: undefined } },
    },
  };
  await mkdir(run.resultsDir, { recursive: true });
  await writeFile(join(run.resultsDir, jsonFile), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(join(run.resultsDir, mdFile), markdownReport(run, settings, results, summary));
  return summary;
}

function summaryTable(r: PipelineResults, cpuCount: number): string {
  const capacity = cpuCount * 1000;
  const busy = busyMachine(r, cpuCount) ? ' (machine busy with other work: not meaningful)' : '';
  const sumOfProcesses = Object.entries(r.cpu.processes)
    .filter(([name]) => name !== BENCH_PROCESS)
    .reduce((sum, [, p]) => sum + p.idleCorrectedMs, 0);
  const l = r.latency;
  return table(
    ['', 'measured', 'goal'],
    [
      ['requests sent / answered 202 / answers by status', `${r.load.sent} / ${r.accepted} / ${JSON.stringify(r.load.statusCodes)}`, ''],
      [
        'cases opened for them (the "complaints" below) / of which for requests without a 202',
        `${r.processed} / ${r.processedUnanswered}`,
        '',
      ],
      [
        'lost (202, no case) / duplicated (cases beyond one per request)',
        `${r.lost} / ${r.duplicated}${r.failed ? ' **FAILED**' : ''}`,
        '0 / 0',
      ],
      ['CPU ms per complaint, machine-wide, idle-corrected', `${fixed(r.cpu.machine.idleCorrectedMs)}${busy}`, `≤ ${GOALS.cpuMs}`],
      ['CPU ms per complaint, sum of the processes below, idle-corrected', fixed(sumOfProcesses), `≤ ${GOALS.cpuMs}`],
      [
        'received → case opened p50 / p90 / p99 / max ms',
        `${l.p50Ms} / ${l.p90Ms} / ${l.p99Ms} / ${l.maxMs}`,
        `p50 ≤ ${GOALS.p50Ms}, p99 ≤ ${GOALS.p99Ms}`,
      ],
      ['intake-web answer (202) p50 / p99 / max ms', `${r.load.latencyP50Ms} / ${r.load.latencyP99Ms} / ${r.load.latencyMaxMs}`, ''],
      [
        's from the first request to the last case / to a quiet pipeline',
        `${r.secondsToLastCase} / ${r.secondsToQuiet}${r.drained ? '' : ' (timed out)'}`,
        '',
      ],
      ['machine busy before the load (idle rate), CPU ms/s', `${fixed(r.cpu.machine.idleMsPerSec, 0)} of ${capacity}`, ''],
      ['largest RSS after the load, MB', String(Math.max(...Object.values(r.rssMb))), `≤ ${GOALS.rssMb} per app`],
    ],
  );
}

/** Was the machine already busy (other work) before the load? Then its idle-corrected figures are noise. */
function busyMachine(r: PipelineResults, cpuCount: number): boolean {
  return r.cpu.machine.idleMsPerSec > BUSY_MACHINE_SHARE * cpuCount * 1000;
}

function processTable(r: PipelineResults): string {
  const rows = Object.entries(r.cpu.processes)
    .sort((a, b) => b[1].idleCorrectedMs - a[1].idleCorrectedMs)
    .map(([name, cpu]) => [
      name === BENCH_PROCESS ? `${name} (load generator, not in the sum)` : name,
      fixed(cpu.idleMsPerSec, 1),
      fixed(cpu.rawMs),
      fixed(cpu.idleCorrectedMs),
      r.rssMb[name] === undefined ? '' : String(r.rssMb[name]),
    ]);
  return table(['process', 'idle CPU ms/s', 'CPU ms per complaint', 'idle-corrected', 'RSS MB after load'], rows);
}

function kafkaTable(r: PipelineResults): string {
  const rows = Object.entries(r.kafkaRecords)
    .filter(([, n]) => n > 0)
    .map(([topic, n]) => [`\`${topic}\``, String(n), fixed(n / r.processed)]);
  return table(['topic', 'records', 'per complaint'], rows);
}

function databaseTable(r: PipelineResults): string {
  const per = (n: number) => fixed(n / r.processed);
  const rows = Object.entries(r.database.rows)
    .filter(([, w]) => w.inserts + w.updates + w.deletes > 0)
    .map(([schema, w]) => [schema, per(w.inserts), per(w.updates), per(w.deletes)]);
  return table(['schema', 'inserts per complaint', 'updates', 'deletes'], rows);
}

function bareTable(r: PipelineResults): string {
  const b = r.bare;
  const p = (name: string): CpuPerUnit | undefined => b.cpu.processes[name];
  const cell = (c?: CpuPerUnit) => (c ? fixed(c.idleCorrectedMs) : '-');
  const intake = r.cpu.processes['intake-web']?.idleCorrectedMs;
  const router = r.cpu.processes.router?.idleCorrectedMs;
  const ratio = (bare?: CpuPerUnit, real?: number) => (bare && real ? `${fixed(real / bare.idleCorrectedMs, 1)}×` : '-');
  return table(
    ['what', 'bare parts, CPU ms per request', 'pipeline, per complaint', 'pipeline ÷ bare'],
    [
      [
        'HTTP endpoint: bare Fastify + kafkajs vs intake-web',
        cell(p(BARE_ENDPOINT)),
        fixed(intake ?? Number.NaN),
        ratio(p(BARE_ENDPOINT), intake),
      ],
      ['consumer: bare batch insert vs router', cell(p(BARE_CONSUMER)), fixed(router ?? Number.NaN), ratio(p(BARE_CONSUMER), router)],
      [
        'Kafka JVM',
        cell(p('kafka')),
        fixed(r.cpu.processes.kafka?.idleCorrectedMs ?? Number.NaN),
        ratio(p('kafka'), r.cpu.processes.kafka?.idleCorrectedMs),
      ],
      [
        'PostgreSQL backends',
        cell(p('postgres')),
        fixed(r.cpu.processes.postgres?.idleCorrectedMs ?? Number.NaN),
        ratio(p('postgres'), r.cpu.processes.postgres?.idleCorrectedMs),
      ],
      [
        'machine-wide',
        fixed(b.cpu.machine.idleCorrectedMs),
        fixed(r.cpu.machine.idleCorrectedMs),
        ratio(b.cpu.machine, r.cpu.machine.idleCorrectedMs),
      ],
    ],
  );
}

function profileSection(r: PipelineResults, top: number): string[] {
  if (!r.profiles) return [];
  const lines = [
    '## Profiles (self time while the load ran and drained)',
    '',
    "Share of each service's sampled non-idle time, and that share of the service's CPU per complaint (from /proc). " +
      'The sampled milliseconds are wall time between samples, inflated when the machine is oversubscribed: read the shares.',
    '',
  ];
  for (const [service, s] of Object.entries(r.profiles)) {
    const cpuMs = r.cpu.processes[service]?.rawMs ?? Number.NaN;
    const rows = (entries: typeof s.byPackage, code: boolean) =>
      entries.slice(0, top).map((e) => [code ? `\`${e.name}\`` : e.name, fixed(e.share, 1), fixed((e.share / 100) * cpuMs)]);
    lines.push(`### ${service}: ${fixed(cpuMs)} CPU ms per complaint, ${s.busyMs} ms sampled busy`, '');
    lines.push(table(['package', '%', '≈ CPU ms per complaint'], rows(s.byPackage, false)), '');
    lines.push(table(['function (self)', '%', '≈ CPU ms per complaint'], rows(s.byFunction, true)), '');
  }
  return lines;
}

function markdownReport(run: BenchRun, settings: PipelineSettings, r: PipelineResults, summary: string): string {
  const b = r.bare;
  return [
    '# Pipeline benchmark',
    '',
    measuredLine(run),
    `The whole stack as \`npm start\` runs it (eight services, NODE_ENV=development, LOG_LEVEL=warn, rate limit off), ` +
      `web complaints open loop into intake-web at ${settings.ratePerSec}/s for ${settings.durationSec} s ` +
      `(after ${settings.warmupSec} s of warm-up and ${settings.idleSec} s of idle measurement), each a new customer; ` +
      `figures per complaint that got its case, over the load and until the pipeline was quiet; received → case latency over all of them.${settings.profile ? ' **Profiled run (`--cpu-prof`): CPU figures include the profiler.**' : ''}`,
    `Note: ${MACHINE_NOTE}. Load average ${run.machine.loadAvgAtStart.join(' ')} at start, ${r.loadAvgAfterLoad.join(' ')} when the pipeline was quiet again.`,
    ...(busyMachine(r, run.machine.cpuCount)
      ? [
          '',
          `**The machine was already ${fixed((100 * r.cpu.machine.idleMsPerSec) / (run.machine.cpuCount * 1000), 0)} % busy before the load** (other work): the machine-wide figures are noise; the per-process ones (from /proc) still hold, latencies suffer.`,
        ]
      : []),
    '',
    summary,
    '',
    '## CPU and memory per process',
    '',
    processTable(r),
    '',
    `CPU from \`/proc/<pid>/stat\` (utime + stime); idle-corrected = minus the process's idle rate × the ${fixed(r.loaded.elapsedMs / 1000, 1)} s measured. ` +
      '`postgres` = the client backends of the bench database summed; `postgres server` = its WAL writer, checkpointer, background writer and autovacuum (shared with other databases).',
    '',
    '## Kafka records per complaint',
    '',
    kafkaTable(r),
    '',
    '## PostgreSQL rows per complaint (pg_stat_user_tables)',
    '',
    databaseTable(r),
    '',
    `Transactions committed (pg_stat_database.xact_commit): ${fixed(r.database.commits / r.processed)} per complaint, ` +
      `${fixed((r.database.commits - (r.idleCommits * r.loaded.elapsedMs) / Math.max(r.idle.elapsedMs, 1)) / r.processed)} idle-corrected ` +
      `(${fixed((r.idleCommits * 1000) / Math.max(r.idle.elapsedMs, 1), 1)} commits/s when idle).`,
    '',
    '## Bare parts, same run',
    '',
    `After the stack stopped: the web scenario's bare endpoint (\`bench/baseline-producer-server.ts\`: Fastify, one acks=all produce per request) at ${settings.ratePerSec}/s for ${settings.baselineSec} s open loop, ` +
      `and the router scenario's bare consumer (\`bench/baseline-router-consumer.ts\`, own process: eachBatch, one multi-row INSERT per batch) writing every record it produced as it arrived: ` +
      `${b.load.ok}/${b.load.sent} accepted, ${b.rows} rows; answer p50 ${b.load.latencyP50Ms} ms, p99 ${b.load.latencyP99Ms} ms; accepted → row p50 ${b.latency.p50Ms} ms, p99 ${b.latency.p99Ms} ms. ` +
      'Idle-corrected CPU ms per request (bare) against per complaint (pipeline):',
    '',
    bareTable(r),
    '',
    ...profileSection(r, settings.profileTop),
  ].join('\n');
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}
