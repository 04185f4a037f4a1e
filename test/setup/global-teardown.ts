import type { LocalKafkaCluster } from '../../libs/devstack/src/local-kafka-cluster';

/** Stops the broker(s) the global setup started (a reused one is left alone). */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __testKafka?: LocalKafkaCluster | null }).__testKafka;
  await started?.stop();
}
