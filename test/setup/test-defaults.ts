/**
 * Where tests find their infrastructure. A dedicated broker port and database keep test runs apart
 * from a stack started with `npm start`; set KAFKA_BROKERS / DATABASE_URL to point elsewhere.
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  KAFKA_BROKERS: '127.0.0.1:19092',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/complaints_test',
  KAFKA_TOPIC_PARTITIONS: '3',
  INTAKE_RATE_LIMIT_PER_MIN: '0',
  // Most intake-social tests post plaintext WeChat messages (compatible mode); the callback tests also run without it.
  WECHAT_ACCEPT_PLAINTEXT: 'true',
};

export function applyTestEnv(): void {
  for (const [name, value] of Object.entries(TEST_ENV)) process.env[name] ??= value;
}
