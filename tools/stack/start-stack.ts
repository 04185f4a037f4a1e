import { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LocalKafka, provisionInfrastructure } from '@complaints/devstack';
import { launchService, LaunchedService } from './launch-service';
import { SERVICES, ServiceEntry } from './services';
import { PROJECT_ROOT, stackEnv } from './stack-env';

/**
 * `npm start`: Kafka (reused or started), the database, topics, then every service as its own
 * process; one line per service with its URL, a line when all are ready; Ctrl-C stops everything
 * this command started. Service logs (JSON) go to .local/logs/<service>.log.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const env = stackEnv();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const logDir = join(PROJECT_ROOT, '.local', 'logs');
  mkdirSync(logDir, { recursive: true });

  const kafka = await provisionInfrastructure({
    projectRoot: PROJECT_ROOT,
    brokers: env.KAFKA_BROKERS!,
    databaseUrl: env.DATABASE_URL!,
    kafkaDataDir: join(PROJECT_ROOT, '.local', 'kafka'),
    partitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 6),
    log: (line) => say(`  infra       ${line}`),
  });
  say(`  kafka       ${env.KAFKA_BROKERS}${kafka ? ' (started here)' : ' (already running)'}`);
  say(`  postgres    ${new URL(env.DATABASE_URL!).host}${new URL(env.DATABASE_URL!).pathname}`);

  const children = SERVICES.map((service) => launch(service, env, logDir));
  const shutdown = stopper(children, kafka, say);
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  for (const { service, child } of children) {
    child.on('exit', (code) => {
      if (!stopping) {
        say(`  ${service.name.padEnd(11)} exited (code ${code}); see .local/logs/${service.name}.log`);
        void shutdown();
      }
    });
  }

  await Promise.all(
    children.map(async ({ service, url }) => {
      await waitUntilReady(url, 60_000);
      say(`  ${service.name.padEnd(11)} ${url}  (API: ${url}/openapi.json${service.site ? `; ${service.site}: ${url}/` : ''})`);
    }),
  ).then(
    () =>
      say(
        `All ${children.length} services ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Logs: .local/logs/. Ctrl-C stops everything.`,
      ),
    (error: unknown) => {
      say(`Not ready: ${error instanceof Error ? error.message : String(error)}`);
      void shutdown();
    },
  );
}

let stopping = false;

/** Starts the service as every stack start does, its output appended to `<logDir>/<service>.log`. */
function launch(service: ServiceEntry, env: NodeJS.ProcessEnv, logDir: string): LaunchedService {
  const launched = launchService(service, env);
  const log = createWriteStream(join(logDir, `${service.name}.log`), { flags: 'a' });
  launched.child.stdout?.pipe(log);
  launched.child.stderr?.pipe(log);
  return launched;
}

function stopper(children: { child: ChildProcess }[], kafka: LocalKafka | null, say: (line: string) => void) {
  return async () => {
    if (stopping) return;
    stopping = true;
    say('Stopping...');
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
          }),
      ),
    );
    await kafka?.stop();
    say('Stopped.');
    process.exit(0);
  };
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
