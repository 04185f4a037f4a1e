import { CaseEventV1 } from '@complaints/contracts';
import { surveyChangeOf } from './outstanding-survey';

const DAY = 24 * 3_600_000;

function event(eventType: CaseEventV1['eventType'], snapshot: Partial<CaseEventV1['case']>): CaseEventV1 {
  return Object.assign(new CaseEventV1(), {
    eventType,
    at: '2026-11-29T08:00:00.000Z',
    case: {
      reference: 'C20261129-X00001',
      complaintId: '00000000-0000-4000-8000-000000000001',
      channel: 'wechat',
      source: { system: 'wxtest00000000001', messageId: '1' },
      contact: { openId: 'oUser' },
      ...snapshot,
    },
  });
}

describe('the survey of a social-channel case', () => {
  it('is sent when the case is resolved and open for the given time', () => {
    expect(surveyChangeOf(event('case.resolved', {}), 7 * DAY)).toEqual({
      kind: 'sent',
      channel: 'wechat',
      userId: 'oUser',
      reference: 'C20261129-X00001',
      complaintId: '00000000-0000-4000-8000-000000000001',
      account: 'wxtest00000000001',
      at: new Date('2026-11-29T08:00:00.000Z'),
      expiresAt: new Date('2026-12-06T08:00:00.000Z'),
    });
    expect(surveyChangeOf(event('case.resolved', { channel: 'weibo', contact: { uid: '5000000002' } }), DAY)).toMatchObject({
      kind: 'sent',
      userId: '5000000002',
    });
  });

  it.each(['case.satisfaction_recorded', 'case.reopened', 'case.withdrawn', 'case.archived'] as const)('ends with %s', (type) => {
    expect(surveyChangeOf(event(type, {}), DAY)).toMatchObject({ kind: 'ended', userId: 'oUser', reference: 'C20261129-X00001' });
  });

  it('is none of this service’s business for other channels, customers without a channel identity and other events', () => {
    expect(surveyChangeOf(event('case.resolved', { channel: 'web', contact: { phoneLast4: '1234' } }), DAY)).toBeNull();
    expect(surveyChangeOf(event('case.resolved', { contact: { uid: 'not-wechat' } }), DAY)).toBeNull();
    expect(surveyChangeOf(event('case.feedback_sent', {}), DAY)).toBeNull();
    expect(surveyChangeOf(event('case.closed', {}), DAY)).toBeNull();
  });
});
