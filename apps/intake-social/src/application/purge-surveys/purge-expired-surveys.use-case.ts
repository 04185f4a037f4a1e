import { SurveyStore } from '../track-surveys/survey.store';

/**
 * Forgets the surveys that expired (`SOCIAL_SURVEY_TTL_HOURS` after resolution): a reply after that
 * is a message again, so the rows only took space. Answered and ended surveys go once expired too.
 */
export class PurgeExpiredSurveysUseCase {
  constructor(private readonly store: SurveyStore) {}

  /** `now` is the clock of the caller (the periodic job, or a test). */
  execute(now: Date): Promise<number> {
    return this.store.purgeExpired(now);
  }
}
