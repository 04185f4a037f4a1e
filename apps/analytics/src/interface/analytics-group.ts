/** The base name of the read model's consumer groups (a rebuild passes a fresh one). */
export const ANALYTICS_GROUP = Symbol('ANALYTICS_GROUP');

/** One group per topic (kafkajs assigns partitions assuming every member of a group reads the same topics). */
export function analyticsGroupFor(base: string, topic: string): string {
  return `${base}.${topic}`;
}
