import { DeliverDue, DeliveryReport } from './deliver-due';

/**
 * Runs a {@link DeliverDue} every `pollMs` (never two runs at once in one process) and reports each
 * run that did something. `stop()` waits for the run in progress.
 */
export class DeliveryDispatcher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deliverDue: DeliverDue<unknown>,
    private readonly pollMs: number,
    private readonly onReport: (report: DeliveryReport) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.pollMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.deliverDue
      .execute()
      .then((report) => {
        if (report.delivered || report.retrying || report.dead) this.onReport(report);
      })
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}
