import { kafkaAnswers } from './kafka-probe';
import { LocalKafkaCluster, startLocalKafkaCluster } from './local-kafka-cluster';

export interface EnsureKafkaOptions {
  projectRoot: string;
  /** Comma-separated bootstrap list; only the first address is probed. */
  brokers: string;
  /**
   * How many nodes to start when none answers (default 1): the first that many addresses of `brokers`,
   * each node's controller on its port + 1. With more than one, `<dataDir>/<n>-brokers` holds their data.
   */
  localBrokers?: number;
  /** Data directory for a broker started here. */
  dataDir: string;
  log?: (line: string) => void;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Makes sure a Kafka broker answers at the first address of `brokers`. Returns null when one already
 * does (it is reused and left alone). Otherwise, for 127.0.0.1/localhost addresses, starts local
 * nodes on their ports (controller on port + 1) and returns them, so the caller can stop them; for a
 * remote address that does not answer, throws.
 */
export async function ensureKafka(opts: EnsureKafkaOptions): Promise<LocalKafkaCluster | null> {
  const count = opts.localBrokers ?? 1;
  const addresses = opts.brokers.split(',').map((address) => address.trim());
  if (addresses.length < count)
    throw new Error(`${count} local Kafka brokers need ${count} addresses in KAFKA_BROKERS, not "${opts.brokers}"`);
  const ports = addresses.slice(0, count).map((address) => {
    const match = /^(.+):(\d+)$/.exec(address);
    if (!match) throw new Error(`Invalid Kafka broker address "${address}" (expected host:port)`);
    if (!LOCAL_HOSTS.has(match[1])) return null;
    return Number(match[2]);
  });

  if (await kafkaAnswers([addresses[0]])) {
    opts.log?.(`reusing the Kafka broker that answers on ${addresses[0]}`);
    return null;
  }
  if (ports.some((port) => port === null)) {
    throw new Error(
      `Kafka broker ${addresses[0]} does not answer, and it is not local (127.0.0.1/localhost), so none can be started for it`,
    );
  }
  const dataDir = count === 1 ? opts.dataDir : `${opts.dataDir}/${count}-brokers`;
  return startLocalKafkaCluster({ projectRoot: opts.projectRoot, ports: ports as number[], dataDir, log: opts.log });
}
