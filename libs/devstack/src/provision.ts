import { Kafka, logLevel } from 'kafkajs';
import { allTopics } from '../../contracts/src/topics';
import { ensureTopics } from '../../messaging/src/ensure-topics';
import { ensureDatabase } from '../../persistence/src/ensure-database';
import { ensureKafka } from './ensure-kafka';
import type { LocalKafka } from './local-kafka';

// Relative imports on purpose: jest's global setup loads this file without the path aliases.

export interface ProvisionOptions {
  projectRoot: string;
  brokers: string;
  databaseUrl: string;
  /** Data directory of a broker started here. */
  kafkaDataDir: string;
  partitions: number;
  log?: (line: string) => void;
}

/**
 * Brings the infrastructure up for `npm start` and `npm test`: a Kafka broker (reused when one
 * answers, else started locally), the database, and every topic, before any consumer subscribes.
 * Returns the broker it started, if any, so the caller can stop it.
 */
export async function provisionInfrastructure(options: ProvisionOptions): Promise<LocalKafka | null> {
  const started = await ensureKafka({
    projectRoot: options.projectRoot,
    brokers: options.brokers,
    dataDir: options.kafkaDataDir,
    log: options.log,
  });
  try {
    if (await ensureDatabase(options.databaseUrl)) options.log?.(`created database ${new URL(options.databaseUrl).pathname.slice(1)}`);
    const kafka = new Kafka({ clientId: 'provision', brokers: options.brokers.split(','), logLevel: logLevel.NOTHING });
    const created = await ensureTopics(kafka, allTopics(), { partitions: options.partitions, replicationFactor: 1 });
    if (created.length) options.log?.(`created topics: ${created.join(', ')}`);
    return started;
  } catch (error) {
    await started?.stop();
    throw error;
  }
}
