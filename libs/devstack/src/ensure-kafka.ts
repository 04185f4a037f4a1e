import { kafkaAnswers } from './kafka-probe';
import { LocalKafka, startLocalKafka } from './local-kafka';

export interface EnsureKafkaOptions {
  projectRoot: string;
  /** Comma-separated bootstrap list; only the first address is probed. */
  brokers: string;
  /** Data directory for a broker started here. */
  dataDir: string;
  log?: (line: string) => void;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Makes sure a Kafka broker answers at the first address of `brokers`. Returns null when one already
 * does (it is reused and left alone). Otherwise, for a 127.0.0.1/localhost address, starts a local
 * broker on that port (controller on port + 1) and returns it, so the caller can stop it; for a
 * remote address that does not answer, throws.
 */
export async function ensureKafka(opts: EnsureKafkaOptions): Promise<LocalKafka | null> {
  const first = opts.brokers.split(',')[0]?.trim() ?? '';
  const match = /^(.+):(\d+)$/.exec(first);
  if (!match) throw new Error(`Invalid Kafka broker address "${first}" (expected host:port)`);
  const host = match[1];
  const port = Number(match[2]);

  if (await kafkaAnswers([first])) {
    opts.log?.(`reusing the Kafka broker that answers on ${first}`);
    return null;
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Kafka broker ${first} does not answer, and it is not local (127.0.0.1/localhost), so none can be started for it`);
  }
  return startLocalKafka({ projectRoot: opts.projectRoot, port, controllerPort: port + 1, dataDir: opts.dataDir, log: opts.log });
}
