import { Kafka, logLevel } from 'kafkajs';
import { eventually } from './running-app';

/**
 * Waits until a consumer group has committed every partition of a topic up to its end, i.e. a
 * service has worked through what earlier tests left on the topic before this test relies on it.
 */
export async function groupCaughtUp(
  groupId: string,
  topic: string,
  timeoutMs = 90_000,
  brokers = process.env.KAFKA_BROKERS!,
): Promise<void> {
  const admin = new Kafka({ clientId: 'test-lag', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
        return ends.every((end) => Number(end.offset) === 0 || (at.get(end.partition) ?? -1) >= Number(end.offset)) ? true : undefined;
      },
      timeoutMs,
      500,
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Moves a consumer group (not running) to the end of a topic, so a service started next sees only
 * what the test publishes. Commits the actual end offsets (kafkajs' resetOffsets commits "latest",
 * which a group that never committed reads as "from the beginning").
 */
export async function skipToEnd(groupId: string, topic: string, brokers = process.env.KAFKA_BROKERS!): Promise<void> {
  const admin = new Kafka({ clientId: 'test-lag', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: ends.map((end) => ({ partition: end.partition, offset: end.offset })) });
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const wrong = committed.partitions.filter((p) => p.offset !== ends.find((e) => e.partition === p.partition)?.offset);
    if (wrong.length) throw new Error(`could not move ${groupId} to the end of ${topic}: ${JSON.stringify(wrong)}`);
  } finally {
    await admin.disconnect();
  }
}
