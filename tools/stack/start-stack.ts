import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { provisionInfrastructure } from '@complaints/devstack';
import { launchService } from './launch-service';
import { processIncarnation } from './process-incarnation';
import { SERVICES, ServiceEntry } from './services';
import { localBrokerCount, PROJECT_ROOT, stackEnv } from './stack-env';
import { superviseBroker } from './supervise-broker';
import { Incarnation, restartLine, Supervisor } from './supervisor';

/**
 * `npm start`: Kafka (reused, or started: one broker or KAFKA_BROKERS_LOCAL of them), the database,
 * topics, then every service as its own process; one line per service with its URL, a line when all
 * are ready. A service or broker started here that exits is started again (supervisor.ts: backoff
 * from 1 s doubling to 30 s), with a line saying why and where its log is; the others keep running.
 * Ctrl-C stops everything this command started. Service logs (JSON) go to .local/logs/<service>.log.
 */

const SERVICE_STOP_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 60_000;

let stopping = false;
const say = (line: string) => process.stdout.write(`${line}\n`);
const label = (name: string) => `  ${name.padEnd(11)}`;

async function main(): Promise<void> {
  const started = Date.now();
  const env = stackEnv();
  const logDir = join(PROJECT_ROOT, '.local', 'logs');
  mkdirSync(logDir, { recursive: true });

  const kafka = await provisionInfrastructure({
    projectRoot: PROJECT_ROOT,
    brokers: env.KAFKA_BROKERS!,
    localBrokers: localBrokerCount(env),
    replicationFactor: Number(env.KAFKA_REPLICATION_FACTOR ?? 1),
    databaseUrl: env.DATABASE_URL!,
    kafkaDataDir: join(PROJECT_ROOT, '.local', 'kafka'),
    partitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 6),
    log: (line) => say(`${label('infra')} ${line}`),
  });
  const copies = Number(env.KAFKA_REPLICATION_FACTOR ?? 1);
  const infraSeconds = ((Date.now() - started) / 1000).toFixed(1);
  say(
    `${label('kafka')} ${env.KAFKA_BROKERS}${kafka ? ` (started here, with the topics in ${infraSeconds} s)` : ' (already running)'}, ${copies} cop${copies === 1 ? 'y' : 'ies'} of each topic`,
  );
  say(`${label('postgres')} ${new URL(env.DATABASE_URL!).host}${new URL(env.DATABASE_URL!).pathname}`);

  const brokers = (kafka?.nodes ?? []).map((node) => superviseBroker(node, (line) => say(`${label('kafka')} ${line}`)));
  const services = SERVICES.map((service) => superviseService(service, env, logDir));
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say('Stopping...');
    await Promise.all(services.map(({ supervisor }) => supervisor.stop()));
    await Promise.all(brokers.map((supervisor) => supervisor.stop()));
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  const ready = await Promise.all(
    services.map(async ({ service, url }) => {
      const ok = await waitUntilReady(url, READY_TIMEOUT_MS);
      if (ok) say(`${label(service.name)} ${url}  (API: ${url}/openapi.json${service.site ? `; ${service.site}: ${url}/` : ''})`);
      else if (!stopping)
        say(
          `${label(service.name)} not ready within ${READY_TIMEOUT_MS / 1000} s; see ${logOf(service)} (it keeps being restarted if it exits)`,
        );
      return ok;
    }),
  );
  if (stopping) return;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (ready.every(Boolean)) say(`All ${services.length} services ready in ${seconds} s. Logs: .local/logs/. Ctrl-C stops everything.`);
  else
    say(
      `${ready.filter(Boolean).length} of ${services.length} services ready after ${seconds} s. Logs: .local/logs/. Ctrl-C stops everything.`,
    );
}

/** Runs the service under a supervisor, every run's output appended to `.local/logs/<service>.log`. */
function superviseService(service: ServiceEntry, env: NodeJS.ProcessEnv, logDir: string) {
  const log = createWriteStream(join(logDir, `${service.name}.log`), { flags: 'a' });
  const url = `http://127.0.0.1:${env[service.portVariable] ?? service.defaultPort}`;
  const supervisor = new Supervisor({
    name: service.name,
    launch: () => {
      const { child } = launchService(service, env);
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
      return processIncarnation(child, SERVICE_STOP_TIMEOUT_MS);
    },
    onRestart: (event) => say(`${label(service.name)} ${restartLine(event)}; see ${logOf(service)}`),
    onStarted: (run, restart) => {
      if (restart > 0) void readyAgain(service.name, url, run);
    },
  });
  supervisor.start();
  return { service, url, supervisor };
}

function logOf(service: ServiceEntry): string {
  return `.local/logs/${service.name}.log`;
}

async function readyAgain(name: string, url: string, run: Incarnation): Promise<void> {
  let gone = false;
  void run.exited.then(() => (gone = true));
  if (await waitUntilReady(url, READY_TIMEOUT_MS, () => gone)) say(`${label(name)} ready again (pid ${run.pid})`);
}

/** Polls `<url>/health/ready` until it answers 200 (true), or the time is up, the stack stops or `givenUp()` (false). */
async function waitUntilReady(url: string, timeoutMs: number, givenUp: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping && !givenUp()) {
    const ok = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
