import { CaseEventV1 } from '@complaints/contracts';
import { smsSurveyChangeOf } from './sms-survey';
import { surveyThanks } from './survey-thanks';

const DAY = 24 * 3_600_000;
const sealed = 'pii:v1:k1:aaaa:bbbb:cccc';

function event(eventType: CaseEventV1['eventType'], snapshot: Partial<CaseEventV1['case']> = {}): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventType,
    at: '2026-11-29T08:00:00.000Z',
    case: {
      reference: 'C20261129-H00001',
      complaintId: '00000000-0000-4000-8000-000000000001',
      channel: 'hotline',
      contact: { phone: sealed },
      ...snapshot,
    },
  });
}

describe('the SMS survey of a case', () => {
  it('is texted to a hotline or web customer with a phone on resolution, open for the given time', () => {
    expect(smsSurveyChangeOf(event('case.resolved'), 7 * DAY, 'zh', true)).toEqual({
      kind: 'sent',
      reference: 'C20261129-H00001',
      complaintId: '00000000-0000-4000-8000-000000000001',
      channel: 'hotline',
      language: 'zh',
      recipient: sealed,
      at: new Date('2026-11-29T08:00:00.000Z'),
      expiresAt: new Date('2026-12-06T08:00:00.000Z'),
    });
    expect(
      smsSurveyChangeOf(event('case.resolved', { channel: 'web', contact: { phone: sealed, email: 'pii:v1:x' } }), DAY, 'en', true),
    ).toMatchObject({ kind: 'sent', channel: 'web', language: 'en' });
  });

  it.each(['case.satisfaction_recorded', 'case.reopened', 'case.withdrawn', 'case.archived'] as const)('ends with %s', (type) => {
    expect(smsSurveyChangeOf(event(type), DAY, 'zh', true)).toMatchObject({
      kind: 'ended',
      reference: 'C20261129-H00001',
      recipient: sealed,
    });
  });

  it('is none when no SMS goes out: SMS not configured, no phone, another channel, another event', () => {
    expect(smsSurveyChangeOf(event('case.resolved'), DAY, 'zh', false)).toBeNull();
    expect(smsSurveyChangeOf(event('case.resolved', { contact: { email: 'pii:v1:x' } }), DAY, 'zh', true)).toBeNull();
    expect(
      smsSurveyChangeOf(event('case.resolved', { channel: 'wechat', contact: { openId: 'o1', phone: sealed } }), DAY, 'zh', true),
    ).toBeNull();
    expect(smsSurveyChangeOf(event('case.feedback_sent'), DAY, 'zh', true)).toBeNull();
  });
});

describe('the thank-you for a survey answer', () => {
  it('thanks, and tells a dissatisfied customer that a senior team follows up, in their language', () => {
    expect(surveyThanks('zh', 'C1', 5).text).toBe('感谢您的评价（5分）！您对投诉 C1 处理结果的反馈已记录。');
    expect(surveyThanks('zh', 'C1', 2).text).toContain('上级部门将重新跟进');
    expect(surveyThanks('en', 'C1', 1).text).toBe(
      'Thank you for your rating (1/5) of your complaint C1. A senior team will review it and contact you.',
    );
  });
});
