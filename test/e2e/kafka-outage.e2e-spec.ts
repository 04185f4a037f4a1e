import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import { allTopics, ComplaintReceivedV1 } from '@complaints/contracts';
import { LocalKafka, startLocalKafka } from '@complaints/devstack';
import { ensureTopics } from '@complaints/messaging';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';

/**
 * The durability rule: a 2xx means Kafka has the complaint. With the broker down the intake answers
 * 503 + Retry-After (never 500), and every complaint it acknowledged is on the topic after a restart.
 */
describe('web intake while Kafka is down (a broker of its own, stopped and restarted)', () => {
  const projectRoot = join(__dirname, '..', '..');
  const dataDir = join(projectRoot, '.local', 'tmp', `outage-${process.pid}`);
  // Ports of this process (runs of other checkouts at the same time have others), below the ephemeral range,
  // so no client connection takes them while the broker is down and the restart finds them free.
  const port = 20_000 + (process.pid % 6_000) * 2;
  const ports = { port, controllerPort: port + 1 };
  let broker: LocalKafka;
  let intake: RunningApp;

  const start = () => startLocalKafka({ projectRoot, ...ports, dataDir });
  const body = (text: string) => JSON.stringify({ text, customer: { name: '赵六', phone: '13600136000' }, consent: true });
  const post = (text: string, headers: Record<string, string> = {}) =>
    fetch(`${intake.url}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body(text) });

  beforeAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    broker = await start();
    const kafka = new Kafka({ brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, allTopics(), { partitions: 3, replicationFactor: 1 });
    intake = await startApp(
      IntakeWebModule.register(testConfig(IntakeWebConfig, { KAFKA_BROKERS: broker.brokers, KAFKA_SEND_TIMEOUT_MS: '3000' })),
    );
  }, 120_000);

  afterAll(async () => {
    await intake?.close();
    await broker?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while down and loses nothing it acknowledged', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(`转账一直没到账 ${i}`);
      expect(res.status).toBe(202);
      acknowledged.push(((await res.json()) as { complaintId: string }).complaintId);
    }

    await broker.stop();
    const key = randomUUID();
    const down = await post('broker is down', { 'idempotency-key': key });
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(down.headers.get('retry-after')).toBe('5');

    broker = await start();
    let retried: Response | undefined;
    for (let attempt = 0; attempt < 20 && retried?.status !== 202; attempt++) {
      retried = await post('broker is down', { 'idempotency-key': key });
      if (retried.status !== 202) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(retried!.status).toBe(202);
    acknowledged.push(((await retried!.json()) as { complaintId: string }).complaintId);

    const onTopic = await readComplaintIds(broker.brokers, acknowledged.length);
    for (const id of acknowledged) expect(onTopic).toContain(id);
  });
});

async function readComplaintIds(brokers: string, atLeast: number): Promise<string[]> {
  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `outage-check-${randomUUID()}` });
  const ids: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: ComplaintReceivedV1.topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${ids.length} complaints on the topic`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        ids.push((JSON.parse(message.value!.toString()) as ComplaintReceivedV1).complaint.complaintId);
        if (ids.length >= atLeast) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return ids;
}
