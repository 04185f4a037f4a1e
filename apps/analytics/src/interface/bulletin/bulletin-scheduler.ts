import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PublishDueBulletinUseCase } from '../../application/bulletin/publish-due-bulletin.use-case';

/** How often the bulletin scheduler looks at the clock, in ms (0: never; tests call the use case). */
export const BULLETIN_TICK_MS = Symbol('BULLETIN_TICK_MS');

/**
 * Looks at the clock once the application has booted and then every tick: when the send time has passed
 * and the last complete week has no bulletin yet, it is composed and published. A failed tick is logged;
 * the next one tries again.
 */
@Injectable()
export class BulletinScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly publishDue: PublishDueBulletinUseCase,
    @Inject(BULLETIN_TICK_MS) private readonly tickMs: number,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.tickMs <= 0) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.last;
  }

  private tick(): void {
    this.last = this.publishDue.tick().then(
      (result) => {
        if (result.composed || result.published) this.logger.info(result, 'staff bulletin composed or published');
      },
      (error: unknown) => this.logger.warn({ err: error }, 'staff bulletin tick failed; the next one tries again'),
    );
  }
}
