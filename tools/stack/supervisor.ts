/**
 * Keeps one thing running (a service process, a Kafka broker): when it exits and nobody asked it to,
 * it is started again after a backoff that doubles from `initialBackoffMs` up to `maxBackoffMs`, and
 * falls back to `initialBackoffMs` once a run has lasted `resetAfterMs`. `stop()` stops it for good,
 * also while it is being started or waiting to be restarted. What it supervises and the clock are
 * given to it, so its rules are tested without processes or waiting (supervisor.spec.ts).
 */

/** How a run ended: an exit code, a signal, or why it could not be started. */
export interface ExitStatus {
  code: number | null;
  signal: string | null;
  /** Set when the run could not be started at all (the launch failed). */
  error?: string;
}

/** One run of the supervised thing. */
export interface Incarnation {
  pid?: number;
  /** Settles once the run has ended (never rejects). */
  exited: Promise<ExitStatus>;
  /** Asks it to end and resolves once it has (a no-op once it has exited). */
  stop(): Promise<void>;
}

/** A pending wait that `cancel` ends at once. */
export interface Sleep {
  done: Promise<void>;
  cancel(): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Sleep;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep(ms) {
    let timer: NodeJS.Timeout | undefined;
    let wake: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    return {
      done,
      cancel: () => {
        clearTimeout(timer);
        wake();
      },
    };
  },
};

/** Told before each restart. */
export interface RestartEvent {
  name: string;
  status: ExitStatus;
  /** How long the run that ended lasted (0 when it could not be started). */
  uptimeMs: number;
  /** How long until the next start. */
  delayMs: number;
  /** 1 for the first restart, and so on. */
  restart: number;
}

export interface SupervisorOptions {
  name: string;
  /** Starts one run; it may take its time (a broker resolves once it answers) or fail. */
  launch: () => Incarnation | Promise<Incarnation>;
  clock?: Clock;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A run that lasted this long resets the backoff to `initialBackoffMs`. */
  resetAfterMs?: number;
  onRestart?: (event: RestartEvent) => void;
  /** Told of every run once it is started (restart 0 is the first). */
  onStarted?: (incarnation: Incarnation, restart: number) => void;
}

export const DEFAULT_BACKOFF = { initialBackoffMs: 1_000, maxBackoffMs: 30_000, resetAfterMs: 60_000 };

export class Supervisor {
  private readonly clock: Clock;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly resetAfterMs: number;
  private stopping = false;
  private current: Incarnation | undefined;
  private waiting: Sleep | undefined;
  private loop: Promise<void> | undefined;
  private restartCount = 0;

  constructor(private readonly options: SupervisorOptions) {
    this.clock = options.clock ?? realClock;
    this.initialBackoffMs = options.initialBackoffMs ?? DEFAULT_BACKOFF.initialBackoffMs;
    this.maxBackoffMs = options.maxBackoffMs ?? DEFAULT_BACKOFF.maxBackoffMs;
    this.resetAfterMs = options.resetAfterMs ?? DEFAULT_BACKOFF.resetAfterMs;
  }

  /** Starts supervising: launches a first run, or takes charge of `running` (started elsewhere). */
  start(running?: Incarnation): void {
    this.loop ??= this.run(running);
  }

  /** The run going on now, if any. */
  get incarnation(): Incarnation | undefined {
    return this.current;
  }

  get restarts(): number {
    return this.restartCount;
  }

  /** Stops for good: no more restarts; the current run (or one being started) is stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.waiting?.cancel();
    await this.current?.stop();
    await this.loop;
  }

  private async run(first?: Incarnation): Promise<void> {
    let backoff = this.initialBackoffMs;
    let given = first;
    while (!this.stopping) {
      let status: ExitStatus;
      let startedAt = this.clock.now();
      try {
        const incarnation = given ?? (await this.options.launch());
        given = undefined;
        startedAt = this.clock.now();
        this.current = incarnation;
        if (this.stopping) {
          await incarnation.stop();
          break;
        }
        this.options.onStarted?.(incarnation, this.restartCount);
        status = await incarnation.exited;
      } catch (error) {
        status = { code: null, signal: null, error: error instanceof Error ? error.message : String(error) };
      } finally {
        this.current = undefined;
      }
      if (this.stopping) break;

      const uptimeMs = status.error ? 0 : this.clock.now() - startedAt;
      if (uptimeMs >= this.resetAfterMs) backoff = this.initialBackoffMs;
      const delayMs = backoff;
      backoff = Math.min(backoff * 2, this.maxBackoffMs);
      this.restartCount += 1;
      this.options.onRestart?.({ name: this.options.name, status, uptimeMs, delayMs, restart: this.restartCount });
      this.waiting = this.clock.sleep(delayMs);
      await this.waiting.done;
      this.waiting = undefined;
    }
  }
}

/** "exit code 3", "signal SIGKILL" or why it could not start. */
export function describeExit(status: ExitStatus): string {
  if (status.error) return `failed to start: ${status.error}`;
  return status.signal ? `signal ${status.signal}` : `exit code ${status.code}`;
}

/** "signal SIGKILL after 71.4 s; restart 1 in 1 s" */
export function restartLine({ status, uptimeMs, delayMs, restart }: RestartEvent): string {
  const ran = status.error ? '' : ` after ${(uptimeMs / 1000).toFixed(1)} s`;
  return `${describeExit(status)}${ran}; restart ${restart} in ${delayMs / 1000} s`;
}
