import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { carefulLoad, CarefulLoadResult } from './support/careful-client';
import { waitForBacklog } from './support/consumer-backlog';
import { casesFor, countPipeline, PipelineCount } from './support/counting';
import { FaultStack } from './support/fault-stack';
import { Fault, FaultRecord, runFaults } from './support/fault-schedule';

/**
 * The fault suite (`npm run test:faults`): the built stack as `npm start` runs it, on its own PostgreSQL
 * and Kafka, under a steady open-loop load of web complaints from careful customers (an Idempotency-Key
 * each, retried with the same key after any answer but 202). On a fixed schedule the router is SIGKILLed
 * while it holds a batch, then the case service, then PostgreSQL crashes, then the Kafka broker is
 * SIGKILLed; each comes back. Afterwards every accepted complaint must have exactly one case, one
 * submission and one routing decision, and every service must be ready again, within a bounded time.
 * Figures: test/faults/results/last-run.json.
 */

const RATE_PER_SEC = 15;
const LOAD_SEC = 150;
const DOWN_MS = 3_000;
/** After the load's last answer: every accepted complaint has its case within this. */
const DRAIN_LIMIT_MS = 120_000;
const KAFKA_PORT = Number(process.env.FAULTS_KAFKA_PORT ?? 19511);
const POSTGRES_PORT = Number(process.env.FAULTS_POSTGRES_PORT ?? 19521);
const RESULTS = join(__dirname, 'results', 'last-run.json');

jest.setTimeout(9 * 60_000);

const log = (line: string) => process.stdout.write(`[faults] ${line}\n`);

describe('the pipeline under faults', () => {
  const stack = new FaultStack({ kafkaPort: KAFKA_PORT, postgresPort: POSTGRES_PORT, database: 'complaints_faults', partitions: 6 });
  let admin: Admin;
  let db: Client;
  const suiteStartedAt = Date.now();

  beforeAll(async () => {
    await stack.start(log);
    admin = new Kafka({ clientId: 'faults', brokers: [stack.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    log(`stack ready after ${((Date.now() - suiteStartedAt) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await stack.stop();
  });

  it('loses and duplicates no accepted complaint when the router, the case service, PostgreSQL and Kafka fail', async () => {
    let routerBacklogAtKill = 0;
    let casesBacklogAtKill = 0;
    const faults: Fault[] = [
      {
        atSec: 10,
        name: 'SIGKILL router while it holds a batch, restart',
        inject: async () => {
          routerBacklogAtKill = await waitForBacklog(admin, 'router', 'complaints.received.v1');
          await stack.service('router').kill();
          await sleep(DOWN_MS);
          await stack.service('router').start();
        },
      },
      {
        atSec: 50,
        name: 'SIGKILL cases, restart',
        inject: async () => {
          casesBacklogAtKill = await waitForBacklog(admin, 'cases', 'complaints.routed.v1');
          await stack.service('cases').kill();
          await sleep(DOWN_MS);
          await stack.service('cases').start();
        },
      },
      { atSec: 90, name: 'PostgreSQL crash (pg_ctl stop -m immediate), restart', inject: () => stack.postgres!.crashAndRestart(DOWN_MS) },
      { atSec: 105, name: 'SIGKILL Kafka broker, restart', inject: () => stack.killAndRestartKafka(DOWN_MS) },
    ];

    const loadStartedAt = Date.now();
    log(`load: ${RATE_PER_SEC} web complaints/s for ${LOAD_SEC} s, open loop, retried with the same Idempotency-Key`);
    const [load, faultRecords] = await Promise.all([
      carefulLoad({
        url: `${stack.service('intake-web').url}/v1/complaints`,
        ratePerSec: RATE_PER_SEC,
        durationSec: LOAD_SEC,
        keyPrefix: `faults-${loadStartedAt}`,
        retryForMs: 120_000,
      }),
      runFaults(faults, loadStartedAt, async () => Object.values(await stack.readiness()).every(Boolean), log),
    ]);
    log(`load done after ${((load.endedAt - loadStartedAt) / 1000).toFixed(1)} s: ${load.accepted.size}/${load.complaints} accepted`);

    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const accepted = [...load.accepted.values()];
    let cases = await casesFor(db, accepted);
    for (let polls = 1; cases < accepted.length && Date.now() - load.endedAt < DRAIN_LIMIT_MS; polls++) {
      if (polls % 20 === 0) log(`draining: ${cases}/${accepted.length} cases`);
      await sleep(500);
      cases = await casesFor(db, accepted);
    }
    const drainSec = (Date.now() - load.endedAt) / 1000;
    const readiness = await stack.readiness();
    const count = await countPipeline(db, stack.brokers, accepted);
    const figures = report(load, count, faultRecords, readiness, {
      drainSec,
      routerBacklogAtKill,
      casesBacklogAtKill,
      suiteSec: (Date.now() - suiteStartedAt) / 1000,
    });
    log(JSON.stringify(figures, null, 2));

    expect(load.gaveUp).toEqual([]);
    expect(load.accepted.size).toBe(load.complaints);
    expect({ lost: count.lost, duplicated: count.duplicated, unexpectedCases: count.unexpectedCases }).toEqual({
      lost: 0,
      duplicated: 0,
      unexpectedCases: 0,
    });
    expect(count.intake).toEqual({ submissions: accepted.length, distinctKeys: accepted.length, pending: 0, missing: 0 });
    expect(count.routed.missing).toBe(0);
    expect(count.routed.decidedTwice).toBe(0);
    expect(drainSec).toBeLessThan(DRAIN_LIMIT_MS / 1000);
    expect(readiness).toEqual(Object.fromEntries([...stack.services.keys()].map((name) => [name, true])));
    expect(faultRecords.every((f) => f.allReadyAfterSec !== null)).toBe(true);
    // Every fault met the load (a machine too busy to restart the services in time fails here).
    expect(faultRecords.map((f) => f.injectedAtSec < LOAD_SEC)).toEqual(faults.map(() => true));
    expect(routerBacklogAtKill).toBeGreaterThan(0);
  });
});

/** The run's figures, printed and written to test/faults/results/last-run.json. */
function report(
  load: CarefulLoadResult,
  count: PipelineCount,
  faults: FaultRecord[],
  readiness: Record<string, boolean>,
  extra: { drainSec: number; routerBacklogAtKill: number; casesBacklogAtKill: number; suiteSec: number },
) {
  const figures = {
    finishedAt: new Date().toISOString(),
    load: { ratePerSec: RATE_PER_SEC, durationSec: LOAD_SEC, complaints: load.complaints },
    accepted: load.accepted.size,
    retried: load.retried,
    retries: load.retries,
    non202ByStatus: load.non202,
    non202FirstLastSecond: load.non202Seconds,
    gaveUp: load.gaveUp.length,
    secondsToDrain: round(extra.drainSec),
    lost: count.lost,
    duplicated: count.duplicated,
    unexpectedCases: count.unexpectedCases,
    cases: count.cases,
    intakeSubmissions: count.intake,
    routedTopic: count.routed,
    routerBacklogAtKill: extra.routerBacklogAtKill,
    casesBacklogAtKill: extra.casesBacklogAtKill,
    faults,
    readyAtEnd: readiness,
    suiteSeconds: round(extra.suiteSec),
  };
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
