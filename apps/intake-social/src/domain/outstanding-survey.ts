import { CaseEventV1, surveyStepOf } from '@complaints/contracts';
import type { SocialChannel } from './social-message';

/** A case of a social-channel customer whose satisfaction survey (sent on resolution) awaits an answer. */
export interface OutstandingSurvey {
  channel: SocialChannel;
  userId: string;
  reference: string;
  complaintId: string;
}

/** What a case event means for the customer's survey: it was sent (the case resolved), or it is no longer open. */
export type SurveyChange =
  ({ kind: 'sent'; account: string; at: Date; expiresAt: Date } & OutstandingSurvey) | ({ kind: 'ended'; at: Date } & OutstandingSurvey);

/**
 * Reads a case event of a WeChat or Weibo case: `case.resolved` sends the customer the survey (the
 * notifier asks for 1-5 or 满意/不满意 on their channel), which stays open for `ttlMs`; an answer, a
 * reopening, a withdrawal or archiving end it (`surveyStepOf`). Null for other channels, customers
 * without a channel identity and other events.
 */
export function surveyChangeOf(event: CaseEventV1, ttlMs: number): SurveyChange | null {
  const { case: snapshot } = event;
  if (snapshot.channel !== 'wechat' && snapshot.channel !== 'weibo') return null;
  const userId = snapshot.channel === 'wechat' ? snapshot.contact.openId : snapshot.contact.uid;
  if (!userId) return null;
  const step = surveyStepOf(event.eventType);
  if (!step) return null;
  const at = new Date(event.at);
  const survey: OutstandingSurvey = { channel: snapshot.channel, userId, reference: snapshot.reference, complaintId: snapshot.complaintId };
  return step === 'sent'
    ? { kind: 'sent', ...survey, account: snapshot.source.system, at, expiresAt: new Date(at.getTime() + ttlMs) }
    : { kind: 'ended', ...survey, at };
}
