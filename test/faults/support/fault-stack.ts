import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LocalKafka, provisionInfrastructure, startLocalKafka } from '../../../libs/devstack/src';
import { freePort } from '../../../bench/child-service';
import { SERVICES } from '../../../tools/stack/services';
import { PROJECT_ROOT, stackEnv } from '../../../tools/stack/stack-env';
import { OwnPostgres } from './own-postgres';
import { ServiceProcess } from './service-process';

export interface FaultStackOptions {
  kafkaPort: number;
  postgresPort: number;
  database: string;
  partitions: number;
}

/**
 * The whole stack as `npm start` runs it, on infrastructure the fault suite owns and may break: its
 * own PostgreSQL server, its own single-node Kafka (data in `.local/faults/kafka`, kept across a
 * broker restart), and the eight built services as processes on free ports. Logs: `.local/faults/logs/`.
 */
export class FaultStack {
  readonly logDir = join(PROJECT_ROOT, '.local', 'faults', 'logs');
  private readonly kafkaDataDir = join(PROJECT_ROOT, '.local', 'faults', 'kafka');
  readonly services = new Map<string, ServiceProcess>();
  postgres: OwnPostgres | undefined;
  kafka: LocalKafka | undefined;
  readonly brokers: string;
  databaseUrl = '';

  constructor(private readonly options: FaultStackOptions) {
    this.brokers = `127.0.0.1:${options.kafkaPort}`;
  }

  async start(log: (line: string) => void): Promise<void> {
    rmSync(join(PROJECT_ROOT, '.local', 'faults'), { recursive: true, force: true });
    mkdirSync(this.logDir, { recursive: true });
    this.postgres = await OwnPostgres.start(this.options.postgresPort);
    this.databaseUrl = this.postgres.url(this.options.database);
    log(`PostgreSQL ${this.databaseUrl} (pid ${this.postgres.pid()})`);
    this.kafka = await this.startKafka();
    await provisionInfrastructure({
      projectRoot: PROJECT_ROOT,
      brokers: this.brokers,
      databaseUrl: this.databaseUrl,
      kafkaDataDir: this.kafkaDataDir,
      partitions: this.options.partitions,
    });
    log(`Kafka ${this.brokers} (pid ${this.kafka.pid})`);
    const ports = await Promise.all(SERVICES.map(() => freePort()));
    const env = stackEnv({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      INTAKE_RATE_LIMIT_PER_MIN: '0',
      KAFKA_BROKERS: this.brokers,
      KAFKA_TOPIC_PARTITIONS: String(this.options.partitions),
      DATABASE_URL: this.databaseUrl,
      ...Object.fromEntries(SERVICES.map((service, i) => [service.portVariable, String(ports[i])])),
    });
    SERVICES.forEach((service, i) => this.services.set(service.name, new ServiceProcess(service, env, ports[i], this.logDir)));
    await Promise.all([...this.services.values()].map((s) => s.start()));
    log(`services: ${[...this.services.values()].map((s) => `${s.service.name} ${s.url} (pid ${s.pid})`).join(', ')}`);
  }

  service(name: string): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`no service ${name}`);
    return service;
  }

  /** SIGKILL of the broker's JVM, `downMs` of outage, then the broker again on the same data directory. */
  async killAndRestartKafka(downMs: number): Promise<void> {
    process.kill(this.kafka!.pid, 'SIGKILL');
    await this.kafka!.stop(); // resolves once the JVM is gone (it is)
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.kafka = await this.startKafka();
  }

  /** Which services answer `GET /health/ready` 200 now. */
  async readiness(): Promise<Record<string, boolean>> {
    const entries = await Promise.all([...this.services.values()].map(async (s) => [s.service.name, await s.ready()] as const));
    return Object.fromEntries(entries);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.stop()));
    await this.kafka?.stop();
    await this.postgres?.destroy();
  }

  private startKafka(): Promise<LocalKafka> {
    const port = this.options.kafkaPort;
    // After a SIGKILL the broker recovers its logs and waits for its old registration to expire: on a busy machine, over a minute.
    return startLocalKafka({
      projectRoot: PROJECT_ROOT,
      port,
      controllerPort: port + 1,
      dataDir: this.kafkaDataDir,
      heapMb: 512,
      readyTimeoutMs: 180_000,
    });
  }
}
