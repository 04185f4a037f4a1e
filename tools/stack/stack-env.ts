import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEV_DEFAULTS } from '@complaints/config';
import { SERVICES } from './services';

/** The repository root: the nearest directory with a package.json (tools run from dist/tools/...; the fault suite imports them from source). */
export const PROJECT_ROOT = nearestPackageRoot(__dirname);

function nearestPackageRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return join(from, '..', '..', '..');
}

/**
 * The environment of the local stack: `overrides` (the pipeline bench's own Kafka, database and ports),
 * then `.env` when present (see .env.example), then the process environment, then the development
 * defaults of docs/ARCHITECTURE.md (Public interfaces). The console wiring below follows the resulting ports.
 */
export function stackEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const envFile = join(PROJECT_ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    KAFKA_BROKERS: DEV_DEFAULTS.KAFKA_BROKERS,
    DATABASE_URL: DEV_DEFAULTS.DATABASE_URL,
    ...process.env,
    ...overrides,
  };
  return { ...consoleWiring(env), ...env, ...kafkaCluster(env) };
}

/** How many Kafka brokers `npm start` runs here when none answers: KAFKA_BROKERS_LOCAL (1 unless set, at most 9). */
export function localBrokerCount(env: NodeJS.ProcessEnv): number {
  const count = Number(env.KAFKA_BROKERS_LOCAL ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 9)
    throw new Error(`KAFKA_BROKERS_LOCAL must be a whole number from 1 to 9, not "${env.KAFKA_BROKERS_LOCAL}"`);
  return count;
}

/**
 * KAFKA_BROKERS_LOCAL=3: three local brokers. A single KAFKA_BROKERS address host:port becomes three,
 * on port, port + 2 and port + 4 (each broker's controller on the port after it), and every topic
 * keeps three copies (KAFKA_REPLICATION_FACTOR, unless set). One broker (the default): nothing changes.
 */
function kafkaCluster(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const count = localBrokerCount(env);
  if (count === 1) return {};
  let addresses = env.KAFKA_BROKERS!.split(',').map((address) => address.trim());
  const single = /^(.+):(\d+)$/.exec(addresses[0]);
  if (addresses.length === 1 && single) addresses = Array.from({ length: count }, (_, i) => `${single[1]}:${Number(single[2]) + 2 * i}`);
  return {
    KAFKA_BROKERS: addresses.join(','),
    KAFKA_REPLICATION_FACTOR: env.KAFKA_REPLICATION_FACTOR ?? String(Math.min(count, 3)),
  };
}

/**
 * The staff console (served by cases) calls the router's and analytics' APIs from the browser, and links
 * evidence to the intakes that keep it: unless set, cases tells it their local addresses and they allow
 * its origin, on whatever ports the stack uses. (EVIDENCE_LINK_SECRET: the same development default everywhere.)
 */
function consoleWiring(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const local = (portVariable: string) =>
    `http://127.0.0.1:${env[portVariable] ?? SERVICES.find((s) => s.portVariable === portVariable)!.defaultPort}`;
  const consoleOrigins = [local('CASES_PORT'), local('CASES_PORT').replace('127.0.0.1', 'localhost')].join(',');
  return {
    CASES_CONSOLE_ROUTER_URL: local('ROUTER_PORT'),
    CASES_CONSOLE_ANALYTICS_URL: local('ANALYTICS_PORT'),
    CASES_EVIDENCE_BASE_URLS: `web:${local('INTAKE_WEB_PORT')},mobile:${local('INTAKE_MOBILE_PORT')}`,
    ROUTER_CORS_ORIGINS: consoleOrigins,
    ANALYTICS_CORS_ORIGINS: consoleOrigins,
  };
}
