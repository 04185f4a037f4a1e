import type { CaseEventV1 } from '@complaints/contracts';
import { surveyChangeOf } from '../../domain/outstanding-survey';
import { SurveyChangeResult, SurveyStore } from './survey.store';

/**
 * Follows `complaints.case-events.v1` for the surveys of WeChat and Weibo customers: a resolved case
 * awaits the customer's answer for `ttlHours`; an answer anywhere, a reopening or a withdrawal ends it.
 */
export class TrackSurveysUseCase {
  constructor(
    private readonly store: SurveyStore,
    private readonly ttlHours: number,
  ) {}

  async execute(event: CaseEventV1): Promise<SurveyChangeResult | 'not-a-survey'> {
    const change = surveyChangeOf(event, this.ttlHours * 3_600_000);
    return change ? this.store.apply(change) : 'not-a-survey';
  }
}
