import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ChildService } from './child-service';
import { monotonicNowUs, MonotonicWindow, profilesByPid, ProfileSummary, readCpuProfile, summariseCpuProfile } from './cpu-profile-summary';
import { openLoop, OpenLoopMeasurement, postComplaint } from './open-loop';
import { BarePartsResults, runBareParts } from './pipeline-baselines';
import { webComplaintBody } from './pipeline-complaints';
import {
  caseLatency,
  CaseLatency,
  casesOpened,
  countersDelta,
  DatabaseCounters,
  databaseBackendPids,
  databaseCounters,
  casesSince,
  serverProcessPids,
  STATS_FLUSH_MS,
} from './pipeline-database';
import { topicDeltas, topicEnds, waitUntilQuiet } from './pipeline-kafka';
import { kafkaBrokerPid, PipelineStack, startPipelineStack } from './pipeline-stack';
import { processRssMb } from './proc-stat';
import { cpuDelta, CpuDelta, cpuPerUnit, CpuPerUnit, cpuSnapshot, ProcessGroups } from './process-cpu';
import { ScenarioContext } from './scenario-context';

/**
 * Scenario "pipeline": the whole stack as `npm start` runs it (bench/pipeline-stack.ts), web
 * complaints driven open loop into intake-web at a fixed rate, and what each complaint cost until
 * its case was opened: CPU machine-wide and per process (idle rate taken off), received → case
 * opened latency from the database, Kafka records per topic, rows and commits in PostgreSQL, RSS per
 * service; then the bare parts in the same run for comparison (bench/pipeline-baselines.ts).
 */

export interface PipelineSettings {
  ratePerSec: number;
  durationSec: number;
  /** Unmeasured complaints at the same rate first (JIT, pools, consumer groups). */
  warmupSec: number;
  /** Seconds of no load over which the idle rates are measured. */
  idleSec: number;
  /** Length of the bare endpoint's run. */
  baselineSec: number;
  /** Longest wait for every case and for the pipeline to be quiet. */
  timeoutSec: number;
  /** Run every service with `--cpu-prof` and summarise the load's samples. */
  profile: boolean;
  /** Entries per service and list in the profile summary. */
  profileTop: number;
  /** The run fails when fewer of the requests were answered 2xx. */
  minAcceptedShare: number;
}

export interface PipelineResults {
  load: OpenLoopMeasurement;
  /** Requests answered 202. */
  accepted: number;
  /** Cases opened for the load's requests: the unit of every "per complaint" figure. */
  processed: number;
  /** Cases opened for requests that got no 202 (the client gave up waiting, or a 503 came after the publish). */
  processedUnanswered: number;
  /** Accepted complaints without a case at the end. */
  lost: number;
  /** Cases beyond one per request (two cases with one request's text). */
  duplicated: number;
  /** All cases opened and the pipeline quiet within the timeout. */
  drained: boolean;
  /** From the first request until every case was opened / until the pipeline was quiet. */
  secondsToLastCase: number;
  secondsToQuiet: number;
  latency: CaseLatency;
  idle: CpuDelta;
  loaded: CpuDelta;
  /** Per accepted complaint. */
  cpu: { machine: CpuPerUnit; processes: Record<string, CpuPerUnit> };
  /** Records per topic during the load and drain. */
  kafkaRecords: Record<string, number>;
  /** Rows per schema and commits during the load and drain; commits during the idle window. */
  database: DatabaseCounters;
  idleCommits: number;
  /** The machine's load average when the pipeline was quiet again (other work on the machine shows here). */
  loadAvgAfterLoad: number[];
  /** Resident set per service after the load, MB. */
  rssMb: Record<string, number>;
  /** Per service, when profiled. */
  profiles?: Record<string, ProfileSummary>;
  bare: BarePartsResults;
  failed: boolean;
}

const POLL_MS = 500;
export const KAFKA = 'kafka';
export const POSTGRES = 'postgres';
export const POSTGRES_SERVER = 'postgres server';
/** The bench process itself (the load generator): shown, not counted in the pipeline's sum. */
export const BENCH_PROCESS = 'bench process';

export async function runPipelineScenario(ctx: ScenarioContext, settings: PipelineSettings): Promise<PipelineResults> {
  const kafka = new Kafka({ clientId: 'bench-pipeline', brokers: ctx.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const db = new Client({ connectionString: ctx.databaseUrl });
  let stack: PipelineStack | undefined;
  try {
    await Promise.all([admin.connect(), db.connect()]);
    const profileDir = settings.profile ? join(ctx.projectRoot, '.local', 'bench-profiles', `pipeline-${Date.now()}`) : undefined;
    if (profileDir) await mkdir(profileDir, { recursive: true });
    stack = await startPipelineStack(ctx, { cpuProfileDir: profileDir });
    const kafkaPid = kafkaBrokerPid(ctx.brokers);
    if (!kafkaPid) ctx.log(`no Kafka JVM found for ${ctx.brokers}: its CPU is left out of the per-process figures`);
    const groups = processGroups(stack.services, kafkaPid, db);
    const intakeUrl = `${stack.services.find((s) => s.name === 'intake-web')!.baseUrl}/v1/complaints`;
    const timeoutMs = settings.timeoutSec * 1000;

    const warmupCount = Math.round(settings.ratePerSec * settings.warmupSec);
    if (warmupCount > 0) {
      ctx.log(`warming up: ${settings.ratePerSec}/s for ${settings.warmupSec} s`);
      const warmup = await openLoop((i) => postComplaint(intakeUrl, webComplaintBody(i)), settings.ratePerSec, settings.warmupSec);
      await waitForCases(db, warmup.acceptedIds, timeoutMs);
    }
    ctx.log('waiting until the pipeline is quiet');
    await waitUntilQuiet(admin, timeoutMs);

    ctx.log(`measuring the idle rate (${settings.idleSec} s)`);
    const idleStart = cpuSnapshot(await groups());
    const idleCounters = await databaseCounters(db);
    await sleep(settings.idleSec * 1000);
    const countersBefore = await databaseCounters(db);
    const topicsBefore = await topicEnds(admin);
    const loadStart = cpuSnapshot(await groups());
    const loadStartedAt = new Date();
    const window: MonotonicWindow = { fromUs: monotonicNowUs(), toUs: 0 };

    ctx.log(`load: ${settings.ratePerSec} web complaints/s for ${settings.durationSec} s, open loop`);
    const load = await openLoop(
      (i) => postComplaint(intakeUrl, webComplaintBody(warmupCount + i)),
      settings.ratePerSec,
      settings.durationSec,
    );
    ctx.log(
      `load done: ${load.ok}/${load.sent} accepted ${JSON.stringify(load.statusCodes)}, HTTP p50 ${load.latencyP50Ms} ms, p99 ${load.latencyP99Ms} ms`,
    );
    const allCases = await waitForCases(db, load.acceptedIds, timeoutMs);
    const secondsToLastCase = (Date.now() - loadStartedAt.getTime()) / 1000;
    const quiet = await waitUntilQuiet(admin, timeoutMs);
    const secondsToQuiet = (Date.now() - loadStartedAt.getTime()) / 1000;
    window.toUs = monotonicNowUs();
    const loadEnd = cpuSnapshot(await groups());
    const topicsAfter = await topicEnds(admin);
    const loadAvgAfterLoad = loadavg().map((l) => Math.round(l * 100) / 100);
    const rssMb = Object.fromEntries(stack.services.map((s) => [s.name, Math.round(processRssMb(s.pid) ?? Number.NaN)]));
    ctx.log(`pipeline ${quiet ? 'quiet' : 'NOT quiet'} ${secondsToQuiet.toFixed(1)} s after the load started; reading statistics`);
    await sleep(STATS_FLUSH_MS);
    const countersAfter = await databaseCounters(db);

    const accepted = load.ok;
    const casesFound = await casesOpened(db, load.acceptedIds);
    const opened = await casesSince(db, loadStartedAt);
    const processed = opened.cases - opened.duplicated;
    const latency = await caseLatency(db, loadStartedAt);
    const idle = cpuDelta(idleStart, loadStart);
    const loaded = cpuDelta(loadStart, loadEnd);
    const units = Math.max(processed, 1);
    await stack.stop();
    const profiles = profileDir ? await summariseProfiles(profileDir, stack.services, window, settings.profileTop) : undefined;

    const bare = await runBareParts(
      ctx,
      { admin, db, kafkaPid },
      { ratePerSec: settings.ratePerSec, durationSec: settings.baselineSec, idleSec: settings.idleSec, timeoutSec: settings.timeoutSec },
      warmupCount + load.sent,
    );
    const lost = accepted - casesFound;
    return {
      load,
      accepted,
      processed,
      processedUnanswered: processed - casesFound,
      lost,
      duplicated: opened.duplicated,
      drained: allCases && quiet,
      secondsToLastCase: round(secondsToLastCase),
      secondsToQuiet: round(secondsToQuiet),
      latency,
      idle,
      loaded,
      cpu: cpuPerUnit(loaded, idle, units),
      kafkaRecords: topicDeltas(topicsBefore, topicsAfter),
      database: countersDelta(countersBefore, countersAfter),
      idleCommits: countersBefore.commits - idleCounters.commits,
      loadAvgAfterLoad,
      rssMb,
      profiles,
      bare,
      failed: lost > 0 || opened.duplicated > 0 || accepted < settings.minAcceptedShare * load.sent,
    };
  } finally {
    await stack?.stop();
    await db.end().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Every service, the Kafka JVM, this database's backends and the server's own processes (looked up again at every snapshot). */
function processGroups(services: ChildService[], kafkaPid: number | null, db: Client): () => Promise<ProcessGroups> {
  return async () => ({
    ...Object.fromEntries(services.map((s) => [s.name, [s.pid]])),
    [KAFKA]: kafkaPid ? [kafkaPid] : [],
    [POSTGRES]: await databaseBackendPids(db),
    [POSTGRES_SERVER]: await serverProcessPids(db),
    [BENCH_PROCESS]: [process.pid],
  });
}

/** Polls until every complaint has its case; false at the timeout. */
async function waitForCases(db: Client, complaintIds: string[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await casesOpened(db, complaintIds)) >= complaintIds.length) return true;
    if (Date.now() > deadline) return false;
    await sleep(POLL_MS);
  }
}

/** Each service's profile (written as it exited), its samples within the load's window. */
async function summariseProfiles(
  dir: string,
  services: ChildService[],
  window: MonotonicWindow,
  top: number,
): Promise<Record<string, ProfileSummary>> {
  const files = await profilesByPid(dir);
  const summaries: Record<string, ProfileSummary> = {};
  for (const service of services) {
    const file = files.get(service.pid);
    if (file) summaries[service.name] = summariseCpuProfile(await readCpuProfile(file), window, top);
  }
  return summaries;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
