import { SmsSurveyStore } from './sms-survey.store';

/** Forgets the SMS surveys that expired (`SMS_SURVEY_TTL_HOURS` after resolution): a reply after that answers nothing. */
export class PurgeExpiredSmsSurveysUseCase {
  constructor(private readonly store: SmsSurveyStore) {}

  /** `now` is the clock of the caller (the periodic job, or a test). */
  execute(now: Date): Promise<number> {
    return this.store.purgeExpired(now);
  }
}
