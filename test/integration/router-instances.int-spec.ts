import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ComplaintReceivedV1, ComplaintRoutedV1 } from '@complaints/contracts';
import { envelopeHeaders, EventPublisher } from '@complaints/messaging';
import { ROUTER_GROUP } from '../../apps/router/src/interface/complaint-received.consumer';
import { eventually } from '../support/running-app';
import { brokers, connectDb, receivedComplaint, routedEventReader, testPublisher } from './router-fixtures';

const ROOT = join(__dirname, '..', '..');
const COMPLAINTS = 200;

interface RouterProcess {
  child: ChildProcess;
  url: string;
  output: string[];
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function startRouter(): Promise<RouterProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/apps/router/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, ROUTER_PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  return { child, url: `http://127.0.0.1:${port}`, output };
}

async function stopRouter(router: RouterProcess | undefined): Promise<void> {
  if (!router || hasExited(router.child)) return;
  router.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([once(router.child, 'exit'), new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
  clearTimeout(timer);
  if (!hasExited(router.child)) router.child.kill('SIGKILL');
}

/** Two router processes (as deployed: `node dist/apps/router/src/main.js`) in one consumer group. */
describe('two router instances share the partitions and route every complaint exactly once', () => {
  const routers: RouterProcess[] = [];
  let db: Client;
  let publisher: EventPublisher;
  const admin = new Kafka({ brokers: brokers(), clientId: 'router-instances-test', logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    routers.push(await startRouter(), await startRouter());
    for (const router of routers) {
      await eventually(async () => ((await fetch(`${router.url}/health/ready`)).status === 200 ? true : undefined), 60_000, 250).catch(
        (error) => {
          throw new Error(`${String(error)}\n${router.output.join('')}`);
        },
      );
    }
    db = await connectDb();
    publisher = testPublisher();
    await publisher.connect();
    await admin.connect();
  }, 300_000); // a build and two boots on a busy 2-core machine

  afterAll(async () => {
    await Promise.all(routers.map(stopRouter));
    await Promise.all([db?.end(), publisher?.disconnect(), admin.disconnect()]);
  });

  /** Partitions of complaints.received.v1 per member of the router group, once the group is stable. */
  async function assignments(): Promise<number[][]> {
    const { groups } = await admin.describeGroups([ROUTER_GROUP]);
    const [group] = groups;
    if (group.state !== 'Stable') return [];
    return group.members.map((member) => {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      return decoded?.assignment[ComplaintReceivedV1.topic] ?? [];
    });
  }

  /** Publishes `count` complaints in bulk and checks each has one decision and only that decision on the topic. */
  async function routeOnceEach(count: number, batch: string): Promise<{ published: number; duplicates: number; routedInMs: number }> {
    const reader = await routedEventReader();
    try {
      const events = Array.from({ length: count }, (_, i) => receivedComplaint(`信用卡年费乱收,${batch}第${i}次投诉。`));
      const started = Date.now();
      // Bulk: one produce request per 50 complaints.
      for (let i = 0; i < events.length; i += 50) {
        const chunk = events.slice(i, i + 50);
        await publisher.send(
          ComplaintReceivedV1.topic,
          chunk.map((e) => ({ key: e.complaint.complaintId, value: JSON.stringify(e), headers: envelopeHeaders(e) })),
        );
      }
      const ids = events.map((e) => e.complaint.complaintId);

      const decisions = await eventually(
        async () => {
          const { rows } = await db.query('SELECT complaint_id, routed_event FROM routing.decisions WHERE complaint_id = ANY($1::uuid[])', [
            ids,
          ]);
          return rows.length === count ? rows : undefined;
        },
        120_000,
        500,
      );
      const routedInMs = Date.now() - started;
      const decided = new Map<string, string>(decisions.map((row) => [row.complaint_id, row.routed_event.eventId]));
      expect(decided.size).toBe(count);

      const ours = () => reader.events.filter((e) => decided.has(e.complaint.complaintId));
      await eventually(async () => (new Set(ours().map((e) => e.complaint.complaintId)).size === count ? true : undefined), 60_000, 250);
      // Anything published twice would arrive within this pause.
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      const perComplaint = new Map<string, ComplaintRoutedV1[]>();
      for (const event of ours())
        perComplaint.set(event.complaint.complaintId, [...(perComplaint.get(event.complaint.complaintId) ?? []), event]);
      for (const id of ids) {
        // Every routed event of a complaint is its stored decision (a redelivery republishes the same eventId).
        expect(new Set((perComplaint.get(id) ?? []).map((e) => e.eventId))).toEqual(new Set([decided.get(id)]));
      }
      return { published: ours().length, duplicates: ours().length - count, routedInMs };
    } finally {
      await reader.stop();
    }
  }

  it(`routes ${COMPLAINTS} complaints once each, with both instances holding partitions`, async () => {
    const shared = await eventually(
      async () => {
        const members = await assignments();
        return members.length === 2 && members.every((partitions) => partitions.length > 0) ? members : undefined;
      },
      60_000,
      500,
    );
    expect(shared.flat().sort()).toEqual([0, 1, 2]);

    const { published, duplicates, routedInMs } = await routeOnceEach(COMPLAINTS, 'first');
    process.stderr.write(
      `[router-instances] ${COMPLAINTS} complaints stored within ${routedInMs} ms, ${published} routed messages (${duplicates} redelivered copies), partitions ${JSON.stringify(shared)}\n`,
    );
    expect(duplicates).toBe(0);
    for (const router of routers) expect(hasExited(router.child)).toBe(false);
  }, 240_000);

  it('hands every partition to the remaining instance when one stops, still routing each complaint once', async () => {
    await stopRouter(routers[1]);
    // Nest shuts down gracefully on SIGTERM (consumer leaves the group), then re-raises the signal.
    expect([routers[1].child.exitCode, routers[1].child.signalCode]).toEqual([null, 'SIGTERM']);
    const remaining = await eventually(
      async () => {
        const members = await assignments();
        return members.length === 1 && members[0].length === 3 ? members : undefined;
      },
      60_000,
      500,
    );
    expect(remaining[0].sort()).toEqual([0, 1, 2]);
    const { duplicates, routedInMs } = await routeOnceEach(60, 'second');
    process.stderr.write(`[router-instances] one instance left: 60 complaints stored within ${routedInMs} ms\n`);
    expect(duplicates).toBe(0);
  }, 180_000);
});
