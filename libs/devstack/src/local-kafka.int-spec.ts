import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { kafkaAnswers } from './kafka-probe';
import { LocalKafka, startLocalKafka } from './local-kafka';

const projectRoot = resolve(__dirname, '../../..');
const PORT = 29092;
const TOPIC = 'devstack.persistence-check';

jest.setTimeout(180_000);

describe('startLocalKafka', () => {
  let dataDir: string;
  let broker: LocalKafka | undefined;

  beforeAll(async () => {
    await mkdir(join(projectRoot, '.local', 'tmp'), { recursive: true });
    dataDir = await mkdtemp(join(projectRoot, '.local', 'tmp', 'kafka-int-'));
  });

  afterAll(async () => {
    await broker?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = () => startLocalKafka({ projectRoot, port: PORT, controllerPort: PORT + 1, dataDir, heapMb: 384 });
  const client = (brokers: string) => new Kafka({ clientId: 'devstack-int-spec', brokers: [brokers], logLevel: logLevel.NOTHING });

  it('runs a broker whose data survives a restart with the same data dir', async () => {
    broker = await start();
    expect(broker.brokers).toBe(`127.0.0.1:${PORT}`);
    expect(broker.pid).toBeGreaterThan(0);

    const kafka = client(broker.brokers);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: TOPIC, acks: -1, messages: [{ key: 'k1', value: 'survives restarts' }] });
    await producer.disconnect();

    await broker.stop();
    expect(await kafkaAnswers([`127.0.0.1:${PORT}`], 1000)).toBe(false);

    broker = await start();
    const consumer = client(broker.brokers).consumer({ groupId: `devstack-int-spec-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    const received = new Promise<string>((resolveValue) => {
      void consumer.run({ eachMessage: async ({ message }) => resolveValue(message.value?.toString() ?? '') });
    });
    expect(await received).toBe('survives restarts');
    await consumer.disconnect();

    await broker.stop();
    expect(await kafkaAnswers([broker.brokers], 1000)).toBe(false);
  });
});
