import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DeliverCallbacksUseCase } from '../application/notify-callcenter/deliver-callbacks.use-case';
import { hotlineMetrics } from './hotline.metrics';

export const CALLBACK_POLL_MS = Symbol('CALLBACK_POLL_MS');

/** Runs the callback delivery every poll interval (never two runs at once in one process). */
@Injectable()
export class CallbackDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deliver: DeliverCallbacksUseCase,
    private readonly logger: PinoLogger,
    @Inject(CALLBACK_POLL_MS) private readonly pollMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.pollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.deliver
      .execute()
      .then((report) => {
        for (const [outcome, count] of Object.entries(report)) if (count > 0) hotlineMetrics.callbacks.inc({ outcome }, count);
        if (report.retrying || report.dead) this.logger.warn(report, 'call-centre callbacks failed');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'call-centre callback run failed'))
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }
}
