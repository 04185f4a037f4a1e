import { randomUUID } from 'node:crypto';
import { CaseEventType, CaseEventV1, CaseStatus } from '@complaints/contracts';
import { SocialMessage } from '../../domain/social-message';
import { ReceiveMessageUseCase } from '../receive-message/receive-message.use-case';
import { InMemoryConversationStore } from './in-memory-conversation.store';
import { InMemorySurveyAnswersRelay } from './in-memory-survey-answers.relay';
import { InMemorySurveyStore } from './in-memory-survey.store';

export const ACCOUNT = 'wxdev0000000000000';
export const QUIET_WINDOW_SECONDS = 60;
export const MAX_CONVERSATION_SECONDS = 600;

/** A WeChat text message of customer `userId`. */
export function wechatMessage(
  messageId: string,
  text: string,
  userId = 'oUser1',
  sentAt = new Date('2026-12-01T08:00:00.000Z'),
): SocialMessage {
  return { channel: 'wechat', account: ACCOUNT, userId, messageId, text, sentAt, via: 'official-account' };
}

/** The social intake's receiving side on in-memory ports, with a clock the test moves. */
export function socialIntake() {
  const clock = { now: new Date('2026-12-01T08:00:00.000Z') };
  const now = () => clock.now;
  const surveys = new InMemorySurveyStore();
  const store = new InMemoryConversationStore(surveys);
  const relay = new InMemorySurveyAnswersRelay();
  const receive = new ReceiveMessageUseCase(store, relay, QUIET_WINDOW_SECONDS, MAX_CONVERSATION_SECONDS, 'intake-social', now);
  const later = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };
  return { clock, now, later, surveys, store, relay, receive };
}

/** A case event of a WeChat (openId) or Weibo (uid) customer's case. */
export function socialCaseEvent(
  eventType: CaseEventType,
  status: CaseStatus,
  at: string,
  customer: { channel?: 'wechat' | 'weibo' | 'web'; userId?: string | null; reference?: string } = {},
): CaseEventV1 {
  const channel = customer.channel ?? 'wechat';
  const userId = customer.userId === undefined ? 'oUser1' : customer.userId;
  return Object.assign(new CaseEventV1(), {
    eventId: randomUUID(),
    eventType,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: 'corr-case',
    causationId: null,
    source: 'cases',
    case: {
      reference: customer.reference ?? 'C20261130-X7K3Q9',
      complaintId: '0b8a4cf4-43a5-5b5e-9d6c-000000000001',
      channel,
      source: { system: ACCOUNT, messageId: 'm0', receivedAt: '2026-11-30T08:00:00.000Z' },
      contact: userId === null ? {} : channel === 'weibo' ? { uid: userId } : { openId: userId },
      language: 'zh' as const,
      status,
      department: 'CARD_CENTER' as const,
      priority: 'P3' as const,
      assignee: null,
    },
    actor: { type: 'staff' as const, id: 'staff-1' },
    customerVisible: true,
    at,
  });
}
