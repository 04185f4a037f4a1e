import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaAnswers } from '@complaints/devstack';
import { dropDatabase } from '@complaints/persistence';
import { PROJECT_ROOT, stackEnv } from './stack-env';

/**
 * `npm run reset`: forgets all local data: drops the stack's database and deletes the local Kafka
 * broker's data and logs. Refuses while the local broker is running (stop `npm start` first).
 */
async function main(): Promise<void> {
  const env = stackEnv();
  if (await kafkaAnswers(env.KAFKA_BROKERS!.split(',')))
    throw new Error(`a Kafka broker still answers at ${env.KAFKA_BROKERS}: stop the stack first`);
  await dropDatabase(env.DATABASE_URL!);
  const name = new URL(env.DATABASE_URL!).pathname.slice(1);
  await rm(join(PROJECT_ROOT, '.local', 'kafka'), { recursive: true, force: true });
  await rm(join(PROJECT_ROOT, '.local', 'logs'), { recursive: true, force: true });
  process.stdout.write(`Dropped database ${name} and deleted .local/kafka and .local/logs.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
