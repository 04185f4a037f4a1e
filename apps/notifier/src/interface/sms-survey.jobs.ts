import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicTask } from '@complaints/persistence';
import { RelaySmsAnswersUseCase } from '../application/sms-replies/relay-sms-answers.use-case';
import { PurgeExpiredSmsSurveysUseCase } from '../application/sms-surveys/purge-expired-sms-surveys.use-case';
import { smsSurveyMetrics } from './sms-survey.metrics';

export const SMS_SURVEY_SCHEDULE = Symbol('SMS_SURVEY_SCHEDULE');

export interface SmsSurveySchedule {
  /** How often answers waiting for Kafka are relayed. */
  relayMs: number;
  /** How often expired surveys are purged (0: never). */
  purgeMs: number;
}

/**
 * The background work of SMS surveys: publishing the answers taken by SMS (and queueing the
 * thank-yous) every `relayMs`, and deleting expired surveys every `purgeMs`.
 */
@Injectable()
export class SmsSurveyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relayTask: PeriodicTask;
  private readonly purgeTask: PeriodicTask;

  constructor(
    private readonly relay: RelaySmsAnswersUseCase,
    private readonly purge: PurgeExpiredSmsSurveysUseCase,
    private readonly logger: PinoLogger,
    @Inject(SMS_SURVEY_SCHEDULE) private readonly schedule: SmsSurveySchedule,
  ) {
    this.relayTask = new PeriodicTask(schedule.relayMs, () => this.relayAnswers());
    this.purgeTask = new PeriodicTask(schedule.purgeMs, () => this.purgeExpired());
  }

  onApplicationBootstrap(): void {
    this.relayTask.start();
    if (this.schedule.purgeMs > 0) this.purgeTask.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.relayTask.stop(), this.purgeTask.stop()]);
  }

  private async relayAnswers(): Promise<void> {
    try {
      const published = await this.relay.execute();
      if (published > 0) smsSurveyMetrics.answersPublished.inc(published);
    } catch (error) {
      this.logger.warn({ err: error }, 'publishing survey answers taken by SMS failed; they stay queued');
    }
  }

  private async purgeExpired(): Promise<void> {
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
