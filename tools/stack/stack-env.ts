import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_DEFAULTS } from '@complaints/config';

/** The repository root (tools are run from dist/tools/...). */
export const PROJECT_ROOT = join(__dirname, '..', '..', '..');

/**
 * The environment of the local stack: `.env` when present (see .env.example), then the process
 * environment, then the development defaults of DESIGN section 4.
 */
export function stackEnv(): NodeJS.ProcessEnv {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return {
    NODE_ENV: 'development',
    KAFKA_BROKERS: DEV_DEFAULTS.KAFKA_BROKERS,
    DATABASE_URL: DEV_DEFAULTS.DATABASE_URL,
    ...process.env,
  };
}
