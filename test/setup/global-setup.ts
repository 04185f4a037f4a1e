import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaAnswers } from '../../libs/devstack/src/kafka-probe';
import { provisionInfrastructure } from '../../libs/devstack/src/provision';
import { dropDatabase } from '../../libs/persistence/src/ensure-database';
import { applyTestEnv } from './test-defaults';

/**
 * Before all tests: a Kafka broker (the one answering at KAFKA_BROKERS, else a fresh local one),
 * a fresh test database, and every topic.
 */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const projectRoot = join(__dirname, '..', '..');
  const databaseUrl = process.env.DATABASE_URL!;
  await dropDatabase(databaseUrl);
  const kafkaDataDir = join(projectRoot, '.local', 'kafka-test');
  // A broker we start begins empty; one that already answers is reused as it is.
  if (!(await kafkaAnswers(process.env.KAFKA_BROKERS!.split(',')))) await rm(kafkaDataDir, { recursive: true, force: true });
  const started = await provisionInfrastructure({
    projectRoot,
    brokers: process.env.KAFKA_BROKERS!,
    databaseUrl,
    kafkaDataDir,
    partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS),
    log: (line) => process.stderr.write(`[test setup] ${line}\n`),
  });
  (globalThis as { __testKafka?: unknown }).__testKafka = started;
}
