import { Admin, Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates the topics that do not exist yet (idempotent, safe when several services race), so that
 * topics exist before any consumer subscribes; resolves once every partition of them has a leader.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], settings: TopicSettings): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: [{ name: 'min.insync.replicas', value: String(Math.min(2, settings.replicationFactor)) }],
        })),
      });
    } catch (error) {
      if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
    }
    await waitForLeaders(admin, missing);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

const LEADERS_TIMEOUT_MS = 30_000;

/**
 * Waits until every partition of `topics` has a leader. (kafkajs' own `waitForLeaders` asks the broker
 * that created them and gives up when that broker does not know them yet, as happens in a cluster of
 * several brokers: "This server does not host this topic-partition". Here that is waited out too.)
 */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (!/UNKNOWN_TOPIC_OR_PARTITION|LEADER_NOT_AVAILABLE/.test((error as { type?: string }).type ?? '')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Kafka topics ${topics.join(', ')} have no leader after ${LEADERS_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
