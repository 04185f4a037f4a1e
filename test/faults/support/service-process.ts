import { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchService } from '../../../tools/stack/launch-service';
import { ServiceEntry } from '../../../tools/stack/services';

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

/**
 * One built service run as `npm start` runs it (tools/stack/launch-service: `node dist/apps/<name>/src/main.js`),
 * which the suite can SIGKILL and start again on the same port. Its output is appended to `<logDir>/<name>.log`.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<void> = Promise.resolve();
  readonly url: string;

  constructor(
    readonly service: ServiceEntry,
    private readonly env: NodeJS.ProcessEnv,
    private readonly port: number,
    private readonly logDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process; resolves once `/health/ready` answers 200 (rejects if it exits first or after 90 s). */
  async start(): Promise<void> {
    const { child } = launchService(this.service, this.env, { port: this.port });
    const log = createWriteStream(join(this.logDir, `${this.service.name}.log`), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    // Never outlive the suite (jest exiting on a failure or Ctrl-C).
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    this.exit = new Promise((resolve) =>
      child.once('exit', () => {
        process.removeListener('exit', killOnExit);
        resolve();
      }),
    );
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await this.ready())) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.service.name} exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${this.logDir}`);
      if (Date.now() > deadline)
        throw new Error(`${this.service.name} was not ready within ${READY_TIMEOUT_MS / 1000} s; see ${this.logDir}`);
      await sleep(250);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. Resolves once the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exit;
  }

  /** SIGTERM (SIGKILL after 15 s); resolves once the process is gone. */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exit;
    clearTimeout(timer);
  }

  /** True when `GET /health/ready` answers 200 within 2 s. */
  ready(): Promise<boolean> {
    return fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      async (res) => {
        await res.body?.cancel();
        return res.ok;
      },
      () => false,
    );
  }
}
