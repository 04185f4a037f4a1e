import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CheckSlaUseCase } from '../../application/check-sla/check-sla.use-case';
import { Clock } from '../../application/clock';
import { CasesConfig } from '../../cases.config';

/** Runs the SLA check every CASES_SLA_WATCH_INTERVAL_MS (0 turns the schedule off; tests call the use case). */
@Injectable()
export class SlaWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly check: CheckSlaUseCase,
    private readonly clock: Clock,
    private readonly config: CasesConfig,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.CASES_SLA_WATCH_INTERVAL_MS;
    if (interval > 0) this.timer = setInterval(() => void this.tick(), interval);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const result = await this.check.run(this.clock.now());
        if (result.events > 0) this.logger.info(result, 'SLA watcher reported warnings or breaches');
      } catch (error) {
        this.logger.warn({ err: error }, 'SLA watcher pass failed; it runs again on the next tick');
      } finally {
        this.running = null;
      }
    })();
    await this.running;
  }
}
