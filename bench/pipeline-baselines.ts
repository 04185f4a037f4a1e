import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@complaints/contracts';
import { BASELINE_GROUP, BASELINE_TABLE, createBaselineTable } from './baseline-router-consumer';
import { ChildService, freePort, startChildService } from './child-service';
import { openLoop, OpenLoopMeasurement, postComplaint } from './open-loop';
import { databaseBackendPids } from './pipeline-database';
import { webComplaintBody } from './pipeline-complaints';
import { cpuDelta, cpuPerUnit, CpuPerUnit, cpuSnapshot, ProcessGroups } from './process-cpu';
import { ScenarioContext } from './scenario-context';
import { startBaseline } from './web-intake.scenario';

/**
 * The bare parts of the pipeline, measured in the same run once the stack is stopped: the web
 * scenario's bare Fastify + kafkajs endpoint (bench/baseline-producer-server.ts) under the same
 * open-loop rate, and the router scenario's bare batch consumer (bench/baseline-router-consumer.ts,
 * as its own process) inserting every record the endpoint produced into PostgreSQL as it arrives.
 */

export interface BarePartsSettings {
  ratePerSec: number;
  durationSec: number;
  idleSec: number;
  timeoutSec: number;
}

export interface BarePartsResults {
  load: OpenLoopMeasurement;
  /** Rows the bare consumer wrote for the accepted requests. */
  rows: number;
  /** Per accepted request: the machine (idle-corrected) and each process. */
  cpu: { machine: CpuPerUnit; processes: Record<string, CpuPerUnit> };
  /** Accepted by the endpoint → row committed by the consumer (the row's created_at against the record's receivedAt). */
  latency: { p50Ms: number; p99Ms: number; maxMs: number };
}

export const BARE_ENDPOINT = 'bare endpoint';
export const BARE_CONSUMER = 'bare consumer';

/** Runs both bare parts together; `bodyOffset` keeps their phone numbers apart from the pipeline's. */
export async function runBareParts(
  ctx: ScenarioContext,
  io: { admin: Admin; db: Client; kafkaPid: number | null },
  settings: BarePartsSettings,
  bodyOffset: number,
): Promise<BarePartsResults> {
  const { admin, db, kafkaPid } = io;
  await createBaselineTable(db);
  const ends = await admin.fetchTopicOffsets(Topics.complaintReceivedV1);
  await admin.setOffsets({
    groupId: BASELINE_GROUP,
    topic: Topics.complaintReceivedV1,
    partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
  });
  const services: ChildService[] = [];
  try {
    const endpoint = await startBaseline(ctx, join(ctx.projectRoot, 'dist'));
    services.push(endpoint);
    const consumer = await startBareConsumer(ctx);
    services.push(consumer);
    const groups = async (): Promise<ProcessGroups> => ({
      [BARE_ENDPOINT]: [endpoint.pid],
      [BARE_CONSUMER]: [consumer.pid],
      kafka: kafkaPid ? [kafkaPid] : [],
      postgres: await databaseBackendPids(db),
    });

    ctx.log(`bare parts: measuring the idle rate (${settings.idleSec} s)`);
    const idleStart = cpuSnapshot(await groups());
    await sleep(settings.idleSec * 1000);
    const loadStart = cpuSnapshot(await groups());
    ctx.log(`bare parts: ${settings.ratePerSec}/s for ${settings.durationSec} s, open loop`);
    const url = `${endpoint.baseUrl}/v1/complaints`;
    const load = await openLoop((i) => postComplaint(url, webComplaintBody(bodyOffset + i)), settings.ratePerSec, settings.durationSec);
    const rows = await waitForRows(db, load.acceptedIds, settings.timeoutSec);
    const loadEnd = cpuSnapshot(await groups());
    const cpu = cpuPerUnit(cpuDelta(loadStart, loadEnd), cpuDelta(idleStart, loadStart), Math.max(load.ok, 1));
    ctx.log(
      `bare parts: ${load.ok}/${load.sent} accepted, ${rows} rows; ${cpu.machine.idleCorrectedMs.toFixed(2)} ms CPU per request machine-wide`,
    );
    return { load, rows, cpu, latency: await rowLatency(db) };
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}

async function startBareConsumer(ctx: ScenarioContext): Promise<ChildService> {
  const port = await freePort();
  ctx.log(`starting the bare consumer (port ${port})`);
  return startChildService(
    BARE_CONSUMER,
    join(ctx.projectRoot, 'dist', 'bench', 'baseline-consumer-process.js'),
    `http://127.0.0.1:${port}`,
    {
      ...process.env,
      KAFKA_BROKERS: ctx.brokers,
      DATABASE_URL: ctx.databaseUrl,
      BASELINE_HOST: '127.0.0.1',
      BASELINE_PORT: String(port),
    },
  );
}

/** Waits until the bare consumer wrote a row for every accepted request (or the timeout); returns how many it wrote. */
async function waitForRows(db: Client, ids: string[], timeoutSec: number): Promise<number> {
  const deadline = Date.now() + timeoutSec * 1000;
  for (;;) {
    const result = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${BASELINE_TABLE} WHERE complaint_id = ANY($1::uuid[])`, [ids]);
    const rows = Number(result.rows[0].n);
    if (rows >= ids.length || Date.now() > deadline) return rows;
    await sleep(250);
  }
}

async function rowLatency(db: Client): Promise<BarePartsResults['latency']> {
  const result = await db.query<{ p: number[] | null; max: number | null }>(`
    SELECT percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY ms) AS p, max(ms) AS max
    FROM (SELECT extract(epoch FROM created_at - (routed_event->'complaint'->>'receivedAt')::timestamptz) * 1000 AS ms FROM ${BASELINE_TABLE}) t`);
  const [p50, p99] = (result.rows[0].p ?? [Number.NaN, Number.NaN]).map(Number);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { p50Ms: round(p50), p99Ms: round(p99), maxMs: round(Number(result.rows[0].max ?? Number.NaN)) };
}
