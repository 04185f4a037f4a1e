import { Clock, ExitStatus, Incarnation, RestartEvent, Sleep, Supervisor } from './supervisor';

/** A clock whose time moves only when the test says so. */
class FakeClock implements Clock {
  private time = 0;
  private timers: { at: number; wake: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Sleep {
    let wake: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (wake = resolve));
    const timer = { at: this.time + ms, wake };
    this.timers.push(timer);
    return {
      done,
      cancel: () => {
        this.timers = this.timers.filter((t) => t !== timer);
        wake();
      },
    };
  }

  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    due.forEach((t) => t.wake());
    await settle();
  }

  get pending(): number {
    return this.timers.length;
  }
}

/** A run that ends when the test crashes it or the supervisor stops it. */
class FakeRun implements Incarnation {
  exited: Promise<ExitStatus>;
  stopped = false;
  private end: (status: ExitStatus) => void = () => undefined;

  constructor(readonly pid: number) {
    this.exited = new Promise((resolve) => (this.end = resolve));
  }

  crash(status: ExitStatus = { code: 1, signal: null }): Promise<void> {
    this.end(status);
    return settle();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.end({ code: null, signal: 'SIGTERM' });
    return this.exited.then(() => undefined);
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function supervised(launch?: () => Promise<FakeRun>) {
  const clock = new FakeClock();
  const runs: FakeRun[] = [];
  const restarts: RestartEvent[] = [];
  const supervisor = new Supervisor({
    name: 'router',
    clock,
    initialBackoffMs: 1_000,
    maxBackoffMs: 30_000,
    resetAfterMs: 60_000,
    launch:
      launch ??
      (() => {
        const run = new FakeRun(100 + runs.length);
        runs.push(run);
        return run;
      }),
    onRestart: (event) => restarts.push(event),
  });
  return { clock, runs, restarts, supervisor };
}

describe('Supervisor', () => {
  it('restarts a run that exits after a backoff doubling from 1 s up to 30 s', async () => {
    const { clock, runs, restarts, supervisor } = supervised();
    supervisor.start();
    await settle();
    expect(runs).toHaveLength(1);

    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await runs[runs.length - 1].crash({ code: 3, signal: null });
      const delay = restarts[restarts.length - 1].delayMs;
      delays.push(delay);
      await clock.advance(delay - 1);
      expect(runs).toHaveLength(i + 1); // not before the backoff is over
      await clock.advance(1);
      expect(runs).toHaveLength(i + 2);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(restarts[0]).toMatchObject({ name: 'router', status: { code: 3, signal: null }, restart: 1, uptimeMs: 0 });
    expect(supervisor.restarts).toBe(7);
    await supervisor.stop();
  });

  it('goes back to 1 s once a run has lasted a minute', async () => {
    const { clock, runs, restarts, supervisor } = supervised();
    supervisor.start();
    await settle();
    for (const delay of [1_000, 2_000, 4_000]) {
      await runs[runs.length - 1].crash();
      await clock.advance(delay);
    }
    await clock.advance(59_999);
    await runs[runs.length - 1].crash({ code: null, signal: 'SIGKILL' });
    expect(restarts[restarts.length - 1]).toMatchObject({ delayMs: 8_000, uptimeMs: 59_999 });
    await clock.advance(8_000);

    await clock.advance(60_000);
    await runs[runs.length - 1].crash({ code: null, signal: 'SIGKILL' });
    expect(restarts[restarts.length - 1]).toMatchObject({ delayMs: 1_000, uptimeMs: 60_000, status: { signal: 'SIGKILL' } });
    await supervisor.stop();
  });

  it('stops the running run and restarts nothing after stop()', async () => {
    const { clock, runs, restarts, supervisor } = supervised();
    supervisor.start();
    await settle();
    await supervisor.stop();
    expect(runs[0].stopped).toBe(true);
    await clock.advance(120_000);
    expect(runs).toHaveLength(1);
    expect(restarts).toHaveLength(0);
  });

  it('restarts nothing when stopped while waiting to restart', async () => {
    const { clock, runs, supervisor } = supervised();
    supervisor.start();
    await settle();
    await runs[0].crash();
    expect(clock.pending).toBe(1);
    await supervisor.stop();
    expect(clock.pending).toBe(0);
    await clock.advance(120_000);
    expect(runs).toHaveLength(1);
  });

  it('stops a run that was still starting when stop() came, once it has started', async () => {
    let started: (run: FakeRun) => void = () => undefined;
    const starting = new FakeRun(7);
    const { supervisor } = supervised(() => new Promise((resolve) => (started = resolve)));
    supervisor.start();
    await settle();
    let stopped = false;
    const stopping = supervisor.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    started(starting);
    await stopping;
    expect(starting.stopped).toBe(true);
  });

  it('retries a launch that fails, with the same backoff', async () => {
    let attempts = 0;
    const { clock, restarts, supervisor } = supervised(() => {
      attempts += 1;
      return attempts < 3 ? Promise.reject(new Error('port 9092 taken')) : Promise.resolve(new FakeRun(1));
    });
    supervisor.start();
    await settle();
    expect(restarts[0]).toMatchObject({ status: { error: 'port 9092 taken' }, delayMs: 1_000, uptimeMs: 0 });
    await clock.advance(1_000);
    expect(restarts[1]).toMatchObject({ delayMs: 2_000 });
    await clock.advance(2_000);
    expect(attempts).toBe(3);
    expect(supervisor.incarnation?.pid).toBe(1);
    await supervisor.stop();
  });

  it('takes charge of a run started elsewhere and restarts it with the launcher', async () => {
    const { clock, runs, supervisor } = supervised();
    const first = new FakeRun(42);
    supervisor.start(first);
    await settle();
    expect(runs).toHaveLength(0);
    expect(supervisor.incarnation).toBe(first);
    await first.crash();
    await clock.advance(1_000);
    expect(runs).toHaveLength(1);
    await supervisor.stop();
    expect(runs[0].stopped).toBe(true);
  });
});
