import { PeriodicTask } from './periodic-task';

export interface PurgeScheduleOptions {
  /** How often to purge; 0 never. */
  intervalMs: number;
  /** What is purged, for the log, e.g. `expired surveys`. */
  what: string;
  /** Deletes what is due by `now`; returns how many rows went. */
  purge: (now: Date) => Promise<number>;
  /** Counts the rows purged (a metric). */
  counted: (purged: number) => void;
  logger: { info(details: object, message: string): void; warn(details: object, message: string): void };
}

/**
 * A clean-up job of stored rows that runs every `intervalMs` while the application runs (Nest
 * lifecycle hooks); a failed run is logged and the next one tries again.
 */
export class PurgeSchedule {
  private readonly task: PeriodicTask;

  constructor(private readonly options: PurgeScheduleOptions) {
    this.task = new PeriodicTask(options.intervalMs, () => this.run());
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs > 0) this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async run(): Promise<void> {
    const { what, purge, counted, logger } = this.options;
    try {
      const purged = await purge(new Date());
      if (purged > 0) {
        counted(purged);
        logger.info({ purged }, `${what} purged`);
      }
    } catch (error) {
      logger.warn({ err: error }, `purging ${what} failed; the next run tries again`);
    }
  }
}
