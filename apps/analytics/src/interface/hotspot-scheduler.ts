import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { AnalyticsConfig } from '../analytics.config';
import { DetectHotspotsUseCase } from '../application/hotspots/detect-hotspots.use-case';

/**
 * Starts hot-spot detection once the application has booted (replay of the term state, re-seeded
 * deduplication, pending alerts published; in the background) and then ticks every ANALYTICS_TERM_TICK_MS (0: never;
 * tests call the use case). A failed tick is logged; the next one tries again.
 */
@Injectable()
export class HotspotScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly detect: DetectHotspotsUseCase,
    private readonly config: AnalyticsConfig,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the replay takes seconds at a week of complaints, and HTTP should not wait for it.
    // Evaluations queue behind it; if it fails, the first evaluation replays and re-seeds instead.
    this.detect
      .start()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'hot-spot start failed; the first evaluation replays instead'));
    if (this.config.ANALYTICS_TERM_TICK_MS > 0) this.timer = setInterval(() => this.tick(), this.config.ANALYTICS_TERM_TICK_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.detect.idle();
  }

  private tick(): void {
    this.detect.tick().then(
      (raised) => {
        if (raised.length) this.logger.info({ alerts: raised.map((a) => a.key) }, 'hot-spot alerts raised');
      },
      (error: unknown) => this.logger.warn({ err: error }, 'hot-spot evaluation failed; the next tick tries again'),
    );
  }
}
