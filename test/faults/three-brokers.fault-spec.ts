import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { allTopics, ComplaintReceivedV1 } from '@complaints/contracts';
import { LocalKafkaCluster, startLocalKafkaCluster } from '@complaints/devstack';
import { ensureTopics } from '@complaints/messaging';
import { dropDatabase, ensureDatabase } from '@complaints/persistence';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { superviseBroker } from '../../tools/stack/supervise-broker';
import { Supervisor } from '../../tools/stack/supervisor';
import { applyTestEnv } from '../setup/test-defaults';
import { testConfig } from '../support/configs';
import { databaseOfItsOwn } from '../support/own-database';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';

applyTestEnv();

/**
 * A three-broker KRaft cluster of its own (replication factor 3, min.insync.replicas 2) under the web
 * complaint → case path (intake-web, router, cases), web complaints at 10/s for 24 s, each with an
 * Idempotency-Key, and 8 s in one broker SIGKILLed: the one coordinating the router's consumer group
 * (so the router's and cases' consumers must find a new coordinator and rejoin, and the partitions it
 * led move). The client retries any answer but 202 with the same key, as a real client would. Every
 * accepted complaint must become exactly one case. The brokers are supervised as `npm start` does
 * (tools/stack/supervise-broker.ts), so the killed one is started again on its data and must rejoin:
 * every partition back to three in-sync copies. Figures are printed for the record.
 */

const PORTS = [19421, 19423, 19425]; // each broker's controller on the port after it
const RATE_PER_SECOND = 10;
const LOAD_SECONDS = 24;
const KILL_AFTER_MS = 8_000;
const PARTITIONS = 3;

jest.setTimeout(300_000);

interface Submission {
  key: string;
  complaintId?: string;
  attempts: number;
  statuses: number[];
  sentAt: number;
}

describe('three Kafka brokers, one SIGKILLed under steady web load', () => {
  const projectRoot = join(__dirname, '..', '..');
  const dataDir = join(projectRoot, '.local', 'tmp', `three-brokers-${process.pid}`);
  const databaseUrl = databaseOfItsOwn('three_brokers');
  let cluster: LocalKafkaCluster;
  let supervisors: Supervisor[] = [];
  const readyAgainAt: number[] = [];
  let kafka: Kafka;
  let admin: Admin;
  let apps: RunningApp[] = [];
  let startupMs = 0;
  const say = (line: string) => process.stderr.write(`[three brokers] ${line}\n`);

  beforeAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    const started = Date.now();
    cluster = await startLocalKafkaCluster({ projectRoot, ports: PORTS, dataDir });
    startupMs = Date.now() - started;
    say(`3 brokers ready in ${(startupMs / 1000).toFixed(1)} s (formatting included) on ${cluster.brokers}`);
    supervisors = cluster.nodes.map((node) =>
      superviseBroker(node, (line) => {
        say(line);
        if (line.includes('ready again')) readyAgainAt.push(Date.now());
      }),
    );
    kafka = new Kafka({ clientId: 'three-brokers-check', brokers: cluster.brokers.split(','), logLevel: logLevel.NOTHING });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(kafka, allTopics(), { partitions: PARTITIONS, replicationFactor: 3 });

    await dropDatabase(databaseUrl);
    await ensureDatabase(databaseUrl);
    const env = {
      KAFKA_BROKERS: cluster.brokers,
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      DATABASE_URL: databaseUrl,
      INTAKE_RATE_LIMIT_PER_MIN: '0',
      // kafkajs logs every refused connection to the dead broker as an error: too loud for a test's output.
      LOG_LEVEL: 'fatal',
    };
    const appsStarted = Date.now();
    apps = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, env))),
      startApp(RouterModule.register(testConfig(RouterConfig, env))),
      startApp(CasesModule.register(testConfig(CasesConfig, env))),
    ]);
    say(`intake-web, router and cases ready in ${((Date.now() - appsStarted) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    const stopping = Date.now();
    await Promise.all(apps.map((app) => app.close()));
    say(`apps closed in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    await admin?.disconnect();
    await Promise.all(supervisors.map((supervisor) => supervisor.stop()));
    await cluster?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
  });

  it('keeps every topic at three copies, two needed for a write', async () => {
    const topics = [...allTopics(), '__consumer_offsets'];
    await eventually(async () => ((await admin.listTopics()).includes('__consumer_offsets') ? true : undefined), 30_000);
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    for (const topic of metadata) {
      for (const partition of topic.partitions)
        expect({ topic: topic.name, replicas: partition.replicas.length }).toEqual({ topic: topic.name, replicas: 3 });
    }
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: allTopics().map((name) => ({ type: 2 /* TOPIC */, name, configNames: ['min.insync.replicas'] })),
    });
    for (const resource of configs.resources)
      expect(resource.configEntries[0]).toMatchObject({ configName: 'min.insync.replicas', configValue: '2' });
  });

  it('answers 202 (after retries with the same key) and turns every accepted complaint into exactly one case', async () => {
    const [intake] = apps;
    const submissions: Submission[] = [];
    const loadStarted = Date.now();
    let killedAt = 0;
    const killing = (async () => {
      await sleep(KILL_AFTER_MS);
      const victim = await routerGroupCoordinator(admin);
      const node = cluster.nodes[victim - 1];
      const ledReceived = (await admin.fetchTopicMetadata({ topics: [ComplaintReceivedV1.topic] })).topics[0].partitions.filter(
        (p) => p.leader === victim,
      ).length;
      killedAt = Date.now();
      process.kill(node.pid, 'SIGKILL');
      say(
        `SIGKILLed broker ${victim} (${node.brokers}, pid ${node.pid}): the router group's coordinator, leader of ${ledReceived}/${PARTITIONS} partitions of ${ComplaintReceivedV1.topic}`,
      );
      expect(await node.exited).toEqual({ code: null, signal: 'SIGKILL' });
    })();

    const total = RATE_PER_SECOND * LOAD_SECONDS;
    const sends: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      await sleepUntil(loadStarted + (i * 1000) / RATE_PER_SECOND);
      const submission: Submission = { key: randomUUID(), attempts: 0, statuses: [], sentAt: Date.now() };
      submissions.push(submission);
      sends.push(submitUntilAccepted(intake.url, submission));
    }
    await Promise.all(sends);
    await killing;
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    const refused = submissions.filter((s) => s.statuses.some((status) => status !== 202));
    const afterKill = submissions.filter((s) => s.sentAt >= killedAt);
    const statusCounts = countBy(submissions.flatMap((s) => s.statuses.filter((status) => status !== 202)));
    const accepted = submissions.filter((s) => s.complaintId);
    const ids = accepted.map((s) => s.complaintId!);

    const drainStarted = Date.now();
    const cases = await eventually(
      async () => {
        const rows = await casesOf(databaseUrl, ids);
        return rows.size >= ids.length ? rows : undefined;
      },
      120_000,
      500,
    );
    const drainSeconds = (Date.now() - drainStarted) / 1000;
    const allCases = await countCases(databaseUrl);
    const lost = ids.filter((id) => !cases.has(id)).length;
    const duplicated = [...cases.values()].filter((n) => n > 1).length + (allCases - cases.size);

    say(
      `${total} complaints over ${loadSeconds.toFixed(1)} s; accepted ${accepted.length}; ` +
        `${refused.length} needed a retry (answers other than 202: ${JSON.stringify(statusCounts)}; ` +
        `${submissions.reduce((n, s) => n + s.attempts - 1, 0)} retries), ${afterKill.length} sent after the kill; ` +
        `cases ${cases.size} (${allCases} in the database) ${drainSeconds.toFixed(1)} s after the load: ${lost} lost, ${duplicated} duplicated`,
    );
    expect(accepted).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(afterKill.length).toBeGreaterThan(100);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(allCases).toBe(total);

    // The supervisor started the killed broker again; it catches up and every partition has three in-sync copies again.
    const topics = [...allTopics(), '__consumer_offsets'];
    await eventually(
      async () => {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        const inSync = metadata.every((topic) => topic.partitions.every((p) => p.isr.length === 3));
        return inSync && readyAgainAt.length > 0 ? true : undefined;
      },
      120_000,
      500,
    );
    const fullAt = Date.now();
    say(
      `killed broker ready again ${((readyAgainAt[0] - killedAt) / 1000).toFixed(1)} s after the kill; ` +
        `every partition 3 in sync again ${((fullAt - killedAt) / 1000).toFixed(1)} s after it`,
    );
    expect(supervisors.reduce((n, supervisor) => n + supervisor.restarts, 0)).toBe(1);
  });
});

/** Posts the complaint until it is accepted, like a client: any other answer (or none) is retried with the same Idempotency-Key after Retry-After (1 s if none). */
async function submitUntilAccepted(baseUrl: string, submission: Submission): Promise<void> {
  const phone = uniquePhone();
  const body = JSON.stringify({
    text: `信用卡被盗刷了,请立即冻结并退款。第${submission.key.slice(0, 8)}号`,
    customer: { name: '张三', phone: phone.number },
    consent: true,
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    submission.attempts += 1;
    const res = await fetch(`${baseUrl}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submission.key },
      body,
      signal: AbortSignal.timeout(30_000),
    }).catch(() => null);
    submission.statuses.push(res?.status ?? 0);
    if (res?.status === 202) {
      submission.complaintId = ((await res.json()) as { complaintId: string }).complaintId;
      return;
    }
    await res?.body?.cancel();
    await sleep(Number(res?.headers.get('retry-after') ?? 1) * 1000);
  }
}

/** The node coordinating the router's group: the leader of its __consumer_offsets partition (Java hashCode of the group id). */
async function routerGroupCoordinator(admin: Admin): Promise<number> {
  const { topics } = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
  const partitions = topics[0].partitions;
  let hash = 0;
  for (const char of ROUTER_GROUP) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  const partition = (hash === -2147483648 ? 0 : Math.abs(hash)) % partitions.length;
  return partitions.find((p) => p.partitionId === partition)!.leader;
}

/** Cases per complaint id, of those given. */
async function casesOf(databaseUrl: string, complaintIds: string[]): Promise<Map<string, number>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; n: number }>(
      'SELECT complaint_id::text AS id, count(*)::int AS n FROM cases.cases WHERE complaint_id::text = ANY($1::text[]) GROUP BY 1',
      [complaintIds],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    await db.end();
  }
}

async function countCases(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases.cases')).rows[0].n;
  } finally {
    await db.end();
  }
}

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (at: number) => sleep(Math.max(0, at - Date.now()));
