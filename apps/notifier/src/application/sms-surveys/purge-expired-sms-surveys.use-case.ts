import { SmsSurveyStore } from './sms-survey.store';

const DAY_MS = 86_400_000;

/**
 * Forgets the SMS surveys that expired (`SMS_SURVEY_TTL_HOURS` after resolution: a reply after that
 * answers nothing) and the records of SMS replies older than their retention (`SMS_REPLY_RETENTION_DAYS`:
 * until then a gateway's redelivery gets the first answer again).
 */
export class PurgeExpiredSmsSurveysUseCase {
  constructor(
    private readonly store: SmsSurveyStore,
    private readonly replyRetentionDays: number,
  ) {}

  /** `now` is the clock of the caller (the periodic job, or a test); answers how many rows went. */
  async execute(now: Date): Promise<number> {
    const surveys = await this.store.purgeExpired(now);
    const replies = await this.store.purgeRepliesRecordedBefore(new Date(now.getTime() - this.replyRetentionDays * DAY_MS));
    return surveys + replies;
  }
}
