import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from 'kafkajs';

/** Records ever appended to every topic (sum of its partitions' end offsets), by topic. */
export async function topicEnds(admin: Admin): Promise<Record<string, number>> {
  const ends: Record<string, number> = {};
  for (const topic of (await admin.listTopics()).sort()) {
    ends[topic] = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  }
  return ends;
}

/** Records each topic received between two {@link topicEnds}. */
export function topicDeltas(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([topic, end]) => [topic, end - (before[topic] ?? 0)]));
}

/** Records not yet committed by the consumer groups, summed over every group and partition it has committed on. */
async function consumerLag(admin: Admin): Promise<number> {
  const { groups } = await admin.listGroups();
  let lag = 0;
  for (const { groupId } of groups) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      if (topic.startsWith('__')) continue;
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const committed = Number(partitions.find((c) => c.partition === p.partition)?.offset ?? -1);
        if (committed >= 0) lag += Math.max(Number(p.high) - committed, 0);
      }
    }
  }
  return lag;
}

const QUIET_CHECK_MS = 1_000;
const QUIET_CHECKS = 3;

/**
 * Waits until the pipeline is quiet: no topic received a record and every consumer group had
 * committed all it was given, over three checks a second apart. Returns false at the timeout.
 */
export async function waitUntilQuiet(admin: Admin, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let previous = JSON.stringify(await topicEnds(admin));
  let quietChecks = 0;
  while (Date.now() < deadline) {
    await sleep(QUIET_CHECK_MS);
    const ends = JSON.stringify(await topicEnds(admin));
    const quiet = ends === previous && (await consumerLag(admin)) === 0;
    previous = ends;
    quietChecks = quiet ? quietChecks + 1 : 0;
    if (quietChecks >= QUIET_CHECKS) return true;
  }
  return false;
}
