import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicTask } from '@complaints/persistence';
import { PurgeExpiredSurveysUseCase } from '../application/purge-surveys/purge-expired-surveys.use-case';
import { socialMetrics } from './social.metrics';

export const SURVEY_PURGE_INTERVAL_MS = Symbol('SURVEY_PURGE_INTERVAL_MS');

/** Deletes expired surveys from `intake_social.surveys` every `SOCIAL_SURVEY_PURGE_INTERVAL_MS` (0: never). */
@Injectable()
export class SurveyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly purge: PurgeExpiredSurveysUseCase,
    private readonly logger: PinoLogger,
    @Inject(SURVEY_PURGE_INTERVAL_MS) private readonly intervalMs: number,
  ) {
    this.task = new PeriodicTask(intervalMs, () => this.run());
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  private async run(): Promise<void> {
    try {
      const purged = await this.purge.execute(new Date());
      if (purged > 0) {
        socialMetrics.surveysPurged.inc(purged);
        this.logger.info({ purged }, 'expired surveys purged');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'purging expired surveys failed; the next run tries again');
    }
  }
}
