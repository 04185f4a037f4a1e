import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from 'kafkajs';

/** Records of `topic` the consumer group has not committed yet (fetched, being worked on, or waiting). */
export async function uncommitted(admin: Admin, groupId: string, topic: string): Promise<number> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
  return ends.reduce((sum, end) => sum + Math.max(Number(end.high) - Math.max(at.get(end.partition) ?? 0, 0), 0), 0);
}

/** Waits (up to `timeoutMs`) until the group has uncommitted records, i.e. a batch is in its hands; returns how many. */
export async function waitForBacklog(admin: Admin, groupId: string, topic: string, timeoutMs = 5_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const backlog = await uncommitted(admin, groupId, topic);
    if (backlog > 0 || Date.now() > deadline) return backlog;
    await sleep(20);
  }
}
