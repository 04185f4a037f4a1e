import { Kafka, logLevel } from 'kafkajs';

/**
 * The cluster id reported by a Kafka broker among `brokers`, or null when none answers a cluster
 * metadata request within `timeoutMs`. Quiet (no kafkajs logging), no retries; always disconnects.
 */
export async function kafkaClusterId(brokers: string[], timeoutMs = 3000): Promise<string | null> {
  const kafka = new Kafka({
    clientId: 'devstack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const probe = (async () => {
    await admin.connect();
    return (await admin.describeCluster()).clusterId;
  })().catch(() => null);
  const disconnect = () => admin.disconnect().catch(() => undefined);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
    await disconnect();
    // A connect that outlived the timeout must not leave a socket open behind us.
    void probe.then(disconnect);
  }
}

/** True when a Kafka broker among `brokers` answers a cluster metadata request within `timeoutMs`. */
export async function kafkaAnswers(brokers: string[], timeoutMs = 3000): Promise<boolean> {
  return (await kafkaClusterId(brokers, timeoutMs)) !== null;
}
