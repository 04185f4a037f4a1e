import { Kafka, logLevel } from 'kafkajs';
import { allTopics } from '../../contracts/src/topics';
import { ensureTopics } from '../../messaging/src/ensure-topics';
import { ensureDatabase } from '../../persistence/src/ensure-database';
import { ensureKafka } from './ensure-kafka';
import type { LocalKafkaCluster } from './local-kafka-cluster';

// Relative imports on purpose: jest's global setup loads this file without the path aliases.

export interface ProvisionOptions {
  projectRoot: string;
  brokers: string;
  databaseUrl: string;
  /** Data directory of a broker started here. */
  kafkaDataDir: string;
  partitions: number;
  /** Copies of each topic (default 1); the cluster must have at least that many brokers. */
  replicationFactor?: number;
  /** Nodes to start when no broker answers (see {@link ensureKafka}; default 1). */
  localBrokers?: number;
  log?: (line: string) => void;
}

/**
 * Brings the infrastructure up for `npm start` and `npm test`: Kafka (reused when a broker answers,
 * else started locally: one node or a cluster), the database, and every topic (with
 * `replicationFactor` copies), before any consumer subscribes. Returns the nodes it started, if any,
 * so the caller can stop them.
 */
export async function provisionInfrastructure(options: ProvisionOptions): Promise<LocalKafkaCluster | null> {
  const replicationFactor = options.replicationFactor ?? 1;
  const started = await ensureKafka({
    projectRoot: options.projectRoot,
    brokers: options.brokers,
    localBrokers: options.localBrokers,
    dataDir: options.kafkaDataDir,
    log: options.log,
  });
  try {
    if (await ensureDatabase(options.databaseUrl)) options.log?.(`created database ${new URL(options.databaseUrl).pathname.slice(1)}`);
    const kafka = new Kafka({ clientId: 'provision', brokers: options.brokers.split(','), logLevel: logLevel.NOTHING });
    await expectBrokers(kafka, replicationFactor);
    const created = await ensureTopics(kafka, allTopics(), { partitions: options.partitions, replicationFactor });
    if (created.length) options.log?.(`created topics: ${created.join(', ')}`);
    return started;
  } catch (error) {
    await started?.stop();
    throw error;
  }
}

/** Fails clearly when the cluster has fewer brokers than each topic needs copies (e.g. a single broker reused for KAFKA_BROKERS_LOCAL=3). */
async function expectBrokers(kafka: Kafka, replicationFactor: number): Promise<void> {
  if (replicationFactor <= 1) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { brokers } = await admin.describeCluster();
    if (brokers.length < replicationFactor)
      throw new Error(
        `Kafka at ${brokers.map((b) => `${b.host}:${b.port}`).join(',')} has ${brokers.length} broker(s), fewer than the replication factor ${replicationFactor}`,
      );
  } finally {
    await admin.disconnect();
  }
}
