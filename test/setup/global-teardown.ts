import type { LocalKafka } from '../../libs/devstack/src/local-kafka';

/** Stops the broker the global setup started (a reused one is left alone). */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __testKafka?: LocalKafka | null }).__testKafka;
  await started?.stop();
}
