import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicTask } from '@complaints/persistence';
import { PurgeExpiredSmsSurveysUseCase } from '../application/sms-surveys/purge-expired-sms-surveys.use-case';
import { smsSurveyMetrics } from './sms-survey.metrics';

export const SMS_SURVEY_PURGE_INTERVAL_MS = Symbol('SMS_SURVEY_PURGE_INTERVAL_MS');

/** Deletes expired surveys from `notifier.sms_surveys` every `SMS_SURVEY_PURGE_INTERVAL_MS` (0: never). */
@Injectable()
export class SmsSurveyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    private readonly purge: PurgeExpiredSmsSurveysUseCase,
    private readonly logger: PinoLogger,
    @Inject(SMS_SURVEY_PURGE_INTERVAL_MS) private readonly intervalMs: number,
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
        smsSurveyMetrics.purged.inc(purged);
        this.logger.info({ purged }, 'expired SMS surveys purged');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'purging expired SMS surveys failed; the next run tries again');
    }
  }
}
