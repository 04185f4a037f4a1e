import { Admin } from 'kafkajs';
import { Topics } from '@complaints/contracts';

/** What every scenario is given by bench/run-benchmarks.ts. */
export interface ScenarioContext {
  projectRoot: string;
  brokers: string;
  databaseUrl: string;
  log: (line: string) => void;
}

/**
 * Pause before counting records (and again after a run): requests still in flight when the load
 * stopped (the warm-up or the previous run) may append their record a moment later.
 */
export const SETTLE_MS = 1_000;

/** Sum of the end offsets of every partition of `complaints.received.v1` (records ever appended). */
export async function receivedRecordCount(admin: Admin): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(Topics.complaintReceivedV1);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}

/**
 * Environment of a platform service started by the bench: the bench's Kafka and database,
 * development defaults for everything else (PII keys...), warnings only in the log.
 */
export function platformServiceEnv(ctx: ScenarioContext): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    KAFKA_BROKERS: ctx.brokers,
    DATABASE_URL: ctx.databaseUrl,
    LOG_LEVEL: 'warn',
  };
}
