import { Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates the topics that do not exist yet (idempotent, safe when several services race), so that
 * topics exist before any consumer subscribes.
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
        waitForLeaders: true,
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
    return missing;
  } finally {
    await admin.disconnect();
  }
}
