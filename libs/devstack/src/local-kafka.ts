import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { kafkaClusterId } from './kafka-probe';
import { resolveKafkaJars } from './kafka-jars';

const execFileAsync = promisify(execFile);

/** A broker started by {@link startLocalKafka}. */
export interface LocalKafka {
  /** Bootstrap address, `127.0.0.1:<port>`. */
  brokers: string;
  /** Pid of the broker's JVM. */
  pid: number;
  /** The broker's log file. */
  logFile: string;
  /** What it was started with: `startLocalKafka(broker.options)` starts it again on the same data. */
  options: LocalKafkaOptions;
  /** Settles when the JVM has exited, for whatever reason (a stop, a crash, a kill). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the broker (SIGTERM, SIGKILL after 20 s) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

/** A controller of a KRaft quorum: its node id and controller port on 127.0.0.1. */
export interface KafkaVoter {
  nodeId: number;
  controllerPort: number;
}

export interface LocalKafkaOptions {
  projectRoot: string;
  port: number;
  controllerPort: number;
  /** Holds server.properties, log4j.properties, the cluster id and the broker's data (`logs/`). */
  dataDir: string;
  /** Broker log; defaults to `<dataDir>/broker.log`. */
  logFile?: string;
  /** JVM heap in MB (default 512). */
  heapMb?: number;
  /** How long to wait for the broker to answer (default 60 s; a restart after a crash recovers its logs first). */
  readyTimeoutMs?: number;
  /** This node's id in its cluster (default 1). */
  nodeId?: number;
  /** The controllers of its cluster, itself included (default: this node alone). */
  voters?: KafkaVoter[];
  /** The cluster id its storage is formatted with (default: kept in `<dataDir>/cluster.id`). */
  clusterId?: string;
  log?: (line: string) => void;
}

const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 250;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts a KRaft Kafka node (broker + controller in one JVM) listening on 127.0.0.1:`port`, with its
 * data in `dataDir`: a cluster of its own, or one node of the cluster of `voters` (see
 * local-kafka-cluster.ts). The storage is formatted once and reused, so data survives stop/start with
 * the same `dataDir`. Resolves when the broker answers metadata requests; rejects with the tail of the
 * broker log if the JVM exits first or is not ready in time (60 s unless told).
 */
export async function startLocalKafka(opts: LocalKafkaOptions): Promise<LocalKafka> {
  const { projectRoot, port, controllerPort, dataDir, heapMb = 512, nodeId = 1, readyTimeoutMs = READY_TIMEOUT_MS, log } = opts;
  const voters = opts.voters ?? [{ nodeId, controllerPort }];
  const logFile = opts.logFile ?? join(dataDir, 'broker.log');
  const libs = await resolveKafkaJars(projectRoot, log);
  const classpath = join(libs, '*');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

  await mkdir(join(dataDir, 'logs'), { recursive: true });
  await mkdir(dirname(logFile), { recursive: true });
  const propsFile = join(dataDir, 'server.properties');
  const log4jFile = join(dataDir, 'log4j.properties');
  await writeFile(propsFile, serverProperties({ nodeId, port, controllerPort, voters, logDir: join(dataDir, 'logs') }));
  await writeFile(log4jFile, log4jProperties(logFile));
  const log4jArg = `-Dlog4j.configuration=file:${log4jFile}`;

  const formattedId = await formattedClusterId(dataDir);
  const clusterId = formattedId ?? opts.clusterId ?? (await readOrCreateClusterId(dataDir));
  if (opts.clusterId && clusterId !== opts.clusterId)
    throw new Error(
      `Kafka storage in ${dataDir} belongs to cluster ${clusterId}, not ${opts.clusterId}: delete it or use another data dir`,
    );
  if (!formattedId) {
    log?.(`formatting Kafka storage in ${dataDir} (cluster ${clusterId})`);
    const args = [log4jArg, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, '--ignore-formatted'];
    await execFileAsync(java, args, { cwd: dataDir }).catch((err: unknown) => {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`Kafka storage format failed: ${e.message.split('\n')[0]}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
  }

  const brokers = `127.0.0.1:${port}`;
  if (await kafkaClusterId([brokers], 1000)) {
    throw new Error(`Cannot start a local Kafka on port ${port}: another broker already answers there`);
  }

  // JVM stdout/stderr (startup errors, crashes) go to the broker log too, never to our stdout.
  const out = await open(logFile, 'a');
  const logStart = (await out.stat()).size;
  let child: ChildProcess;
  try {
    const jvm = [`-Xmx${heapMb}m`, `-Xms${heapMb}m`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true'];
    child = spawn(java, [...jvm, log4jArg, '-cp', classpath, 'kafka.Kafka', propsFile], {
      cwd: dataDir,
      stdio: ['ignore', out.fd, out.fd],
    });
  } finally {
    await out.close();
  }
  log?.(`starting Kafka on ${brokers} (pid ${child.pid ?? '?'}, log ${logFile})`);

  let exited = false;
  const exitStatus = new Promise<{ code: number | null; signal: NodeJS.Signals | null; reason: string }>((resolve) => {
    child.once('error', (err) => {
      exited = true;
      resolve({ code: null, signal: null, reason: err.message });
    });
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, reason: signal ? `signal ${signal}` : `exit code ${code}` });
    });
  });
  const exit = exitStatus.then((status) => status.reason);
  const watchdog = child.pid ? spawnWatchdog(child.pid) : undefined;
  const onParentExit = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', onParentExit);
  // A broker that dies by itself (and is started again, e.g. by npm start's supervisor) leaves no listener behind.
  void exitStatus.then(() => process.removeListener('exit', onParentExit));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.removeListener('exit', onParentExit);
      watchdog?.kill('SIGKILL');
      if (exited) return;
      child.kill('SIGTERM');
      if (!(await within(exit, STOP_TIMEOUT_MS))) {
        log?.(`Kafka (pid ${child.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
        child.kill('SIGKILL');
        await exit;
      }
    })());

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`Kafka broker exited during startup (${await exit}); ${logFile}:\n${await logExcerpt(logFile, logStart)}`);
    }
    const answered = await kafkaClusterId([brokers], 2000);
    if (answered === clusterId && !exited) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Kafka broker not ready on ${brokers} after ${readyTimeoutMs / 1000} s; ${logFile}:\n${await logExcerpt(logFile, logStart)}`,
      );
    }
    await within(exit, POLL_MS);
  }
  log?.(`Kafka ready on ${brokers}`);
  return {
    brokers,
    pid: child.pid as number,
    logFile,
    options: opts,
    exited: exitStatus.then(({ code, signal }) => ({ code, signal })),
    stop,
  };
}

interface NodeSettings {
  nodeId: number;
  port: number;
  controllerPort: number;
  voters: KafkaVoter[];
  logDir: string;
}

/**
 * One node's settings. In a cluster of three or more, every topic (the internal offsets and transaction
 * topics too) keeps three copies and takes a write once two have it; a lost node is fenced (and its
 * partitions led elsewhere) 3 s after its last heartbeat instead of Kafka's 9 s, so producers waiting
 * for acks=all stall briefly.
 */
function serverProperties({ nodeId, port, controllerPort, voters, logDir }: NodeSettings): string {
  const replicas = Math.min(voters.length, 3);
  const minInSync = Math.min(voters.length, 2);
  const props: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': nodeId,
    'controller.quorum.voters': voters.map((v) => `${v.nodeId}@127.0.0.1:${v.controllerPort}`).join(','),
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 6,
    'default.replication.factor': replicas,
    'min.insync.replicas': minInSync,
    'offsets.topic.replication.factor': replicas,
    'offsets.topic.num.partitions': 6,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': minInSync,
    'transaction.state.log.num.partitions': 6,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': 'false',
    'num.network.threads': 2,
    'num.io.threads': 4,
    ...(voters.length > 1 && { 'broker.session.timeout.ms': 3000, 'broker.heartbeat.interval.ms': 1000 }),
  };
  return Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProp(String(v))}`)
    .join('\n')
    .concat('\n');
}

function log4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.FileAppender',
    `log4j.appender.file.File=${escapeProp(logFile)}`,
    'log4j.appender.file.Append=true',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.request.logger=WARN',
    'log4j.logger.org.apache.kafka.clients=WARN',
    '',
  ].join('\n');
}

/** Escapes a value for a Java properties file. */
function escapeProp(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

/** The cluster id of already formatted storage in `<dataDir>/logs`, or null when not formatted yet. */
async function formattedClusterId(dataDir: string): Promise<string | null> {
  const meta = await readFile(join(dataDir, 'logs', 'meta.properties'), 'utf8').catch(() => '');
  return /^cluster\.id=(.+)$/m.exec(meta)?.[1]?.trim() || null;
}

/** The cluster id kept in `<dataDir>/cluster.id`, created (Kafka Uuid format) on first use. */
export async function readOrCreateClusterId(dataDir: string): Promise<string> {
  const file = join(dataDir, 'cluster.id');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  let id: string;
  do id = randomBytes(16).toString('base64url');
  while (id.startsWith('-'));
  await writeFile(file, `${id}\n`);
  return id;
}

/**
 * A detached shell that SIGTERMs the broker if this node process dies without stopping it
 * (e.g. SIGKILL); it exits by itself once the broker is gone.
 */
function spawnWatchdog(brokerPid: number): ChildProcess | undefined {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do kill -0 ${brokerPid} 2>/dev/null || exit 0; sleep 1; done; kill -TERM ${brokerPid} 2>/dev/null`;
  try {
    const watchdog = spawn('/bin/sh', ['-c', script], { stdio: 'ignore', detached: true });
    watchdog.on('error', () => undefined);
    watchdog.unref();
    return watchdog;
  } catch {
    return undefined;
  }
}

/** Resolves true if `promise` settles within `ms`, false otherwise; leaves no timer behind. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What went wrong, from the part of the broker log written since `from` (byte offset): the first
 * ERROR/FATAL entries with the line after each (usually the exception), then the last lines.
 */
async function logExcerpt(file: string, from: number): Promise<string> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(from, size - 256 * 1024);
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(Math.max(size - start, 0)), 0, size - start, start);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '(no broker log)';
  }
  const lines = text.split('\n');
  const errors = lines.flatMap((line, i) => (/\] (ERROR|FATAL) /.test(line) ? [line, lines[i + 1] ?? ''] : [])).slice(0, 6);
  const last = lines.slice(-20).join('\n');
  return errors.length ? `${errors.join('\n')}\n...\n${last}` : last;
}
