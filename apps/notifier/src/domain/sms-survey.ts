import { CaseEventV1, surveyStepOf } from '@complaints/contracts';
import { routesFor } from './channel-routes';
import type { Language } from './notification';

/** The survey texted to a hotline or web customer on resolution: which case, and the sealed phone it went to. */
export interface SmsSurvey {
  reference: string;
  complaintId: string;
  /** The case's channel (`hotline`, `web`): the channel the answer is filed under. */
  channel: string;
  language: Language;
  /** The sealed phone (`pii:v1:…`) the survey was texted to; the thank-you goes there too. */
  recipient: string;
}

/** What a case event means for the SMS survey of its case: texted (then open until `expiresAt`), or no longer awaited. */
export type SmsSurveyChange = ({ kind: 'sent'; at: Date; expiresAt: Date } & SmsSurvey) | ({ kind: 'ended'; at: Date } & SmsSurvey);

/**
 * Reads a case event for the SMS survey: when the customer hears from us by SMS (`routesFor`: hotline
 * and web customers with a phone) and SMS is configured, `case.resolved` texts them the survey, open
 * for `ttlMs`; an answer on any channel, a reopening, a withdrawal or archiving ends it
 * (`surveyStepOf`). Null otherwise.
 */
export function smsSurveyChangeOf(event: CaseEventV1, ttlMs: number, language: Language, smsConfigured: boolean): SmsSurveyChange | null {
  if (!smsConfigured) return null;
  const step = surveyStepOf(event.eventType);
  const sms = step ? routesFor(event.case).find((target) => target.route === 'sms') : undefined;
  if (!step || !sms) return null;
  const at = new Date(event.at);
  const survey: SmsSurvey = {
    reference: event.case.reference,
    complaintId: event.case.complaintId,
    channel: event.case.channel,
    language,
    recipient: sms.recipient,
  };
  return step === 'sent' ? { kind: 'sent', ...survey, at, expiresAt: new Date(at.getTime() + ttlMs) } : { kind: 'ended', ...survey, at };
}
