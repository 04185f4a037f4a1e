import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaAnswers } from '../../libs/devstack/src/kafka-probe';
import { provisionInfrastructure } from '../../libs/devstack/src/provision';
import { dropDatabase } from '../../libs/persistence/src/ensure-database';
import { buildSites } from './build-sites';
import { ensureChromium } from './ensure-chromium';
import { applyTestEnv } from './test-defaults';

/**
 * Before all tests: a Kafka broker (the one answering at KAFKA_BROKERS, else a fresh local one),
 * a fresh test database, every topic, the built web sites and Debian's Chromium for the browser tests.
 */
export default async function globalSetup(): Promise<void> {
  applyTestEnv();
  const projectRoot = join(__dirname, '..', '..');
  const databaseUrl = process.env.DATABASE_URL!;
  const say = (line: string) => process.stderr.write(`[test setup] ${line}\n`);
  ensureChromium(say);
  buildSites(projectRoot);
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
    log: say,
  });
  (globalThis as { __testKafka?: unknown }).__testKafka = started;
}
