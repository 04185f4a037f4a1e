import { CaseEventV1, surveyStepOf } from '@complaints/contracts';
import { customerLanguage, Language } from '../../domain/notification';
import { smsSurveyChangeOf } from '../../domain/sms-survey';
import { PhoneFingerprints } from './phone-fingerprints';
import { SmsSurveyChangeResult, SmsSurveyStore } from './sms-survey.store';

export interface SmsSurveySettings {
  ttlHours: number;
  defaultLanguage: Language;
  /** Whether an SMS gateway is configured (no SMS, no survey by SMS). */
  smsConfigured: boolean;
}

/**
 * Follows the case events for the surveys texted to hotline and web customers: recorded as outstanding
 * (by phone fingerprint) before the survey SMS is queued, for `ttlHours`; ended by an answer on any
 * channel, a reopening or a withdrawal.
 */
export class TrackSmsSurveysUseCase {
  constructor(
    private readonly store: SmsSurveyStore,
    private readonly fingerprints: PhoneFingerprints,
    private readonly settings: SmsSurveySettings,
  ) {}

  /**
   * Whether an event, as JSON not yet checked, can change an SMS survey (see `smsSurveyChangeOf`: SMS
   * configured, a survey step of a hotline or web case): read before anything else.
   */
  concerns(json: unknown): boolean {
    if (!this.settings.smsConfigured) return false;
    const event = json as { eventType?: unknown; case?: { channel?: unknown } } | null;
    const channel = event?.case?.channel;
    return (channel === 'hotline' || channel === 'web') && typeof event?.eventType === 'string' && surveyStepOf(event.eventType) !== null;
  }

  async execute(event: CaseEventV1): Promise<SmsSurveyChangeResult | 'not-a-survey' | 'unreadable-phone'> {
    const language = customerLanguage(event.case.language, this.settings.defaultLanguage);
    const change = smsSurveyChangeOf(event, this.settings.ttlHours * 3_600_000, language, this.settings.smsConfigured);
    if (!change) return 'not-a-survey';
    const fingerprint = this.fingerprints.ofSealed(change.recipient);
    return fingerprint ? this.store.apply(fingerprint, change) : 'unreadable-phone';
  }
}
