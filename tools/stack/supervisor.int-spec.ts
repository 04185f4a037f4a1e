import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processIncarnation } from './process-incarnation';
import { Incarnation, RestartEvent, Supervisor } from './supervisor';

/**
 * The supervisor with real processes (`node -e`): a child that crashes is started again, one killed
 * from outside too, and stop() ends the one running, even when it ignores SIGTERM.
 */
describe('Supervisor with real child processes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'supervisor-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Appends its pid to `<dir>/starts`; the first run exits with code 3 after 100 ms, later runs stay up. */
  const script = (ignoreSigterm: boolean) => `
    const fs = require('node:fs');
    const file = ${JSON.stringify('STARTS')};
    ${ignoreSigterm ? "process.on('SIGTERM', () => undefined);" : ''}
    const first = !fs.existsSync(file);
    fs.appendFileSync(file, process.pid + '\\n');
    if (first) setTimeout(() => process.exit(3), 100);
    setInterval(() => undefined, 1000);
  `;

  function supervise(ignoreSigterm = false) {
    const restarts: RestartEvent[] = [];
    const started: Incarnation[] = [];
    const code = script(ignoreSigterm).replace('STARTS', join(dir, 'starts'));
    const supervisor = new Supervisor({
      name: 'crasher',
      initialBackoffMs: 200,
      launch: () => processIncarnation(spawn(process.execPath, ['-e', code], { stdio: 'ignore' }), 500),
      onRestart: (event) => restarts.push(event),
      onStarted: (incarnation) => started.push(incarnation),
    });
    return { supervisor, restarts, started };
  }

  const pids = async () => (await readFile(join(dir, 'starts'), 'utf8').catch(() => '')).split('\n').filter(Boolean).map(Number);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('restarts a child that crashes or is killed, and stop() kills the one running', async () => {
    const { supervisor, restarts, started } = supervise();
    supervisor.start();

    await until(async () => (await pids()).length === 2);
    const [crashed, second] = await pids();
    expect(restarts[0]).toMatchObject({ name: 'crasher', status: { code: 3, signal: null }, delayMs: 200, restart: 1 });
    expect(alive(crashed)).toBe(false);
    expect(alive(second)).toBe(true);

    process.kill(second, 'SIGKILL');
    await until(async () => (await pids()).length === 3);
    expect(restarts[1]).toMatchObject({ status: { code: null, signal: 'SIGKILL' }, delayMs: 400, restart: 2 });
    const third = (await pids())[2];
    await until(() => started.length === 3 && started[2].pid === third);

    await supervisor.stop();
    expect(alive(third)).toBe(false);
    expect(await started[2].exited).toEqual({ code: null, signal: 'SIGTERM' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await pids()).toHaveLength(3);
    expect(restarts).toHaveLength(2);
  });

  it('starts nothing more when stopped during the backoff after a crash', async () => {
    const { supervisor, restarts } = supervise();
    supervisor.start();
    await until(() => restarts.length === 1);
    await supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await pids()).toHaveLength(1);
  });

  it('kills (SIGKILL) a child that ignores SIGTERM when stopping', async () => {
    const { supervisor, started } = supervise(true);
    supervisor.start();
    await until(async () => (await pids()).length === 2 && started.length === 2);
    const second = (await pids())[1];
    await supervisor.stop();
    expect(await started[1].exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(alive(second)).toBe(false);
  });
});
