import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchService } from '../tools/stack/launch-service';
import { SERVICES } from '../tools/stack/services';
import { stackEnv } from '../tools/stack/stack-env';
import { ChildService, freePort, superviseChildService } from './child-service';
import { pidsWhere } from './proc-stat';
import { ScenarioContext } from './scenario-context';

/**
 * The whole stack for the pipeline bench, started exactly as `npm start` starts it (tools/stack:
 * every service of SERVICES, `node --enable-source-maps dist/apps/<name>/src/main.js`, the stack's
 * environment), but on the bench's Kafka and database, on free ports (never a developer's 3001-3008),
 * with warnings only in the logs and intake-web's rate limit lifted. Each service's output goes to
 * `.local/bench-logs/pipeline/<service>.log` (as `npm start` writes `.local/logs/<service>.log`).
 */

/** A profiled service writes its profile only if it exits by itself: a busy one gets longer than the usual 10 s. */
const PROFILED_STOP_TIMEOUT_MS = 60_000;

export interface PipelineStack {
  services: ChildService[];
  /** Stops every service (SIGTERM: a profiled one writes its profile as it exits). */
  stop(): Promise<void>;
}

export async function startPipelineStack(ctx: ScenarioContext, options: { cpuProfileDir?: string }): Promise<PipelineStack> {
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  const env = stackEnv({
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    INTAKE_RATE_LIMIT_PER_MIN: '0',
    KAFKA_BROKERS: ctx.brokers,
    DATABASE_URL: ctx.databaseUrl,
    ...Object.fromEntries(SERVICES.map((service, i) => [service.portVariable, String(ports[i])])),
  });
  const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  ctx.log(`starting ${SERVICES.length} services (${SERVICES.map((s, i) => `${s.name}:${ports[i]}`).join(' ')})`);
  const logDir = join(ctx.projectRoot, '.local', 'bench-logs', 'pipeline');
  mkdirSync(logDir, { recursive: true });
  const started = await Promise.allSettled(
    SERVICES.map((service, i) => {
      const { child, url } = launchService(service, env, { port: ports[i], nodeArgs });
      const log = createWriteStream(join(logDir, `${service.name}.log`));
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
      return superviseChildService(service.name, child, url, options.cpuProfileDir ? PROFILED_STOP_TIMEOUT_MS : undefined);
    }),
  );
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
  };
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { services, stop };
}

/** The pid of the Kafka JVM listening on the bench's first broker address (its server.properties says so). */
export function kafkaBrokerPid(brokers: string): number | null {
  const address = brokers.split(',')[0].trim();
  const candidates = pidsWhere((cmd) => cmd.includes('kafka.Kafka'));
  for (const pid of candidates) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const properties = readFileSync(args[args.length - 1], 'utf8');
      if (properties.includes(`PLAINTEXT://${address}`)) return pid;
    } catch {
      // Not readable, or gone: not ours.
    }
  }
  return null;
}
