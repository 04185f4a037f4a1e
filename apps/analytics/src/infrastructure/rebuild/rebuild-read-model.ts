import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Topics } from '@complaints/contracts';
import { ensureDatabase, migrate } from '@complaints/persistence';
import { AnalyticsConfig } from '../../analytics.config';
import { AnalyticsModule } from '../../analytics.module';
import { analyticsGroupFor } from '../../interface/analytics-group';
import { analyticsDataSourceOptions, ANALYTICS_SCHEMA } from '../persistence/analytics.data-source';
import { PostgresAnalyticsReadModel } from '../persistence/postgres-analytics-read-model';

export const REPLAYED_TOPICS = [Topics.complaintReceivedV1, Topics.complaintRoutedV1, Topics.caseEventsV1] as const;

export interface RebuildResult {
  consumerGroup: string;
  /** Messages replayed per topic (up to the end offsets seen after truncating). */
  messages: Record<string, number>;
  complaints: number;
  seconds: number;
}

type Offsets = Map<string, Map<number, bigint>>;

async function endOffsets(kafka: Kafka): Promise<{ ends: Offsets; messages: Record<string, number> }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends: Offsets = new Map();
    const messages: Record<string, number> = {};
    for (const topic of REPLAYED_TOPICS) {
      const partitions = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(partitions.map((p) => [p.partition, BigInt(p.high)])));
      messages[topic] = partitions.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
    }
    return { ends, messages };
  } finally {
    await admin.disconnect();
  }
}

async function caughtUp(kafka: Kafka, group: string, ends: Offsets): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of REPLAYED_TOPICS) {
      const [committed] = await admin.fetchOffsets({ groupId: analyticsGroupFor(group, topic), topics: [topic] });
      const done = committed.partitions.every((p) => {
        const end = ends.get(topic)?.get(p.partition) ?? 0n;
        return end === 0n || (Number(p.offset) >= 0 && BigInt(p.offset) >= end);
      });
      if (!done) return false;
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Rebuilds the read model from the topics: empties it, then replays complaints.received.v1,
 * complaints.routed.v1 and complaints.case-events.v1 from the beginning with a fresh consumer group
 * (the service's own consumers, through the same use case) until every partition reaches the end
 * offset it had once the model was empty, then drops those groups. Events the running service applies
 * meanwhile are deduplicated by eventId, so the service may keep running.
 */
export async function rebuildReadModel(
  config: AnalyticsConfig,
  log: (line: string) => void = () => undefined,
  timeoutMs = 30 * 60_000,
): Promise<RebuildResult> {
  const started = Date.now();
  const options = analyticsDataSourceOptions(config.DATABASE_URL, 2);
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = await new DataSource(options).initialize();
  const readModel = new PostgresAnalyticsReadModel(dataSource);
  try {
    await migrate(dataSource, ANALYTICS_SCHEMA);
    await readModel.truncate();
    log('read model emptied');
    const kafka = new Kafka({ clientId: 'analytics-rebuild', brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const { ends, messages } = await endOffsets(kafka);
    const group = `${config.ANALYTICS_CONSUMER_GROUP}-rebuild-${new Date()
      .toISOString()
      .replace(/[^0-9]/g, '')
      .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
    log(`replaying ${JSON.stringify(messages)} with consumer group ${group}`);
    const app = await NestFactory.createApplicationContext(
      AnalyticsModule.register(config, { consumerGroup: group, detectHotspots: false }),
      { logger: ['error', 'warn'] },
    );
    try {
      const deadline = Date.now() + timeoutMs;
      while (!(await caughtUp(kafka, group, ends))) {
        if (Date.now() > deadline) throw new Error(`rebuild did not catch up within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await app.close();
    }
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups(REPLAYED_TOPICS.map((topic) => analyticsGroupFor(group, topic))).catch(() => undefined);
    await admin.disconnect();
    const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM analytics.complaint_facts');
    return { consumerGroup: group, messages, complaints: count, seconds: Math.round((Date.now() - started) / 100) / 10 };
  } finally {
    await dataSource.destroy();
  }
}
