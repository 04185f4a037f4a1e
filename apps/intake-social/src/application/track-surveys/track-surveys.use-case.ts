import { CaseEventV1, surveyStepOf } from '@complaints/contracts';
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

  /** Whether an event, as JSON not yet checked, can change a survey (see `surveyChangeOf`): read before anything else. */
  static concerns(json: unknown): boolean {
    const event = json as { eventType?: unknown; case?: { channel?: unknown } } | null;
    const channel = event?.case?.channel;
    return (channel === 'wechat' || channel === 'weibo') && typeof event?.eventType === 'string' && surveyStepOf(event.eventType) !== null;
  }

  async execute(event: CaseEventV1): Promise<SurveyChangeResult | 'not-a-survey'> {
    const change = surveyChangeOf(event, this.ttlHours * 3_600_000);
    return change ? this.store.apply(change) : 'not-a-survey';
  }
}
