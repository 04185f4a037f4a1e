import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The services under test run as child processes of the bench (`node dist/...`), so the load
 * generator and the target have separate event loops. Shared by every scenario.
 */

/** A service running as a child process of the bench. */
export interface ChildService {
  name: string;
  baseUrl: string;
  pid: number;
  /** True once the process has exited. */
  exited(): boolean;
  /** The last lines it wrote (stdout and stderr), for diagnostics. */
  outputTail(): string;
  /** SIGTERM, SIGKILL after the stop timeout (10 s unless told otherwise); resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_LINES = 40;

/**
 * Runs `node <script>` and resolves once `GET <baseUrl>/health/ready` answers 200 (see
 * {@link superviseChildService}).
 */
export function startChildService(name: string, script: string, baseUrl: string, env: NodeJS.ProcessEnv): Promise<ChildService> {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return superviseChildService(name, child, baseUrl);
}

/**
 * Takes charge of a process just spawned with piped output (by {@link startChildService}, or the way
 * `npm start` launches a service): resolves once `GET <baseUrl>/health/ready` answers 200. Rejects
 * with the child's last output lines if it exits first or is not ready within 60 s. `stop` kills it
 * (SIGKILL) if it has not exited `stopTimeoutMs` after SIGTERM, and so does the bench process's exit.
 */
export async function superviseChildService(
  name: string,
  child: ChildProcess,
  baseUrl: string,
  stopTimeoutMs = STOP_TIMEOUT_MS,
): Promise<ChildService> {
  const tail = outputRecorder(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  const onBenchExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', onBenchExit);

  let stopping: Promise<void> | undefined;
  const service: ChildService = {
    name,
    baseUrl,
    pid: child.pid ?? -1,
    exited: () => exited,
    outputTail: tail,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', onBenchExit);
        if (exited) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exit;
        clearTimeout(timer);
      })()),
  };
  try {
    await waitUntilReady(service);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

/** Polls `/health/ready` until it answers 200. */
async function waitUntilReady(service: ChildService): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (service.exited()) throw new Error(`${service.name} exited before it was ready; its output:\n${service.outputTail()}`);
    const status = await fetch(`${service.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(
        `${service.name} not ready after ${READY_TIMEOUT_MS / 1000} s (last status ${status}); its output:\n${service.outputTail()}`,
      );
    await sleep(250);
  }
}

/** Keeps the last lines a child writes to stdout and stderr; returns a function that reads them. */
function outputRecorder(child: ChildProcess): () => string {
  const lines: string[] = [];
  const record = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > OUTPUT_TAIL_LINES) lines.splice(0, lines.length - OUTPUT_TAIL_LINES);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  return () => (lines.length ? lines.join('\n') : '(no output)');
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
