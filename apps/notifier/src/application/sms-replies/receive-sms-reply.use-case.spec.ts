import { customerResponseIdFor } from '@complaints/contracts';
import { caseEvent } from '../in-memory/case-event';
import { InMemoryAnswersRelay } from '../in-memory/in-memory-answers.relay';
import { InMemorySmsSurveyStore } from '../in-memory/in-memory-sms-survey.store';
import { PhoneFingerprints } from '../sms-surveys/phone-fingerprints';
import { SmsStoreUnavailableError } from '../sms-surveys/sms-survey.store';
import { TrackSmsSurveysUseCase } from '../sms-surveys/track-sms-surveys.use-case';
import { InvalidSenderError, ReceiveSmsReplyUseCase, SmsReplyCommand } from './receive-sms-reply.use-case';

const HOUR = 3_600_000;
const RESOLVED_AT = new Date('2026-12-01T10:00:00.000Z');
const PHONE = '13800138000';
/** Sealed phones are `sealed:<number>` here; anything else cannot be opened. */
const sealed = (phone: string) => `sealed:${phone}`;
const fingerprints = new PhoneFingerprints('test-key', 'CN', (s) => {
  if (!s.startsWith('sealed:')) throw new Error('no key for this seal');
  return s.slice('sealed:'.length);
});

function setUp() {
  const store = new InMemorySmsSurveyStore();
  const relay = new InMemoryAnswersRelay(store);
  const track = new TrackSmsSurveysUseCase(store, fingerprints, { ttlHours: 72, defaultLanguage: 'zh', smsConfigured: true });
  const receive = new ReceiveSmsReplyUseCase(store, relay, fingerprints, 'notifier', () => new Date(RESOLVED_AT.getTime() + 2 * HOUR));
  /** A case resolved `hoursAgo` before the reply: its survey is texted to the phone. */
  const resolved = async (options: { at?: Date; channel?: 'web' | 'hotline'; language?: 'zh' | 'en' } = {}) => {
    const event = caseEvent(
      'case.resolved',
      { channel: options.channel ?? 'hotline', language: options.language ?? 'zh', contact: { phone: sealed(PHONE) } },
      { at: options.at ?? RESOLVED_AT },
    );
    await track.execute(event);
    return event.case;
  };
  return { store, relay, receive, resolved };
}

let message = 0;
const reply = (text: string, overrides: Partial<SmsReplyCommand> = {}): SmsReplyCommand => ({
  gatewayId: 'gw-1',
  messageId: `m-${++message}`,
  from: `+86${PHONE}`,
  text,
  receivedAt: new Date(RESOLVED_AT.getTime() + HOUR),
  correlationId: 'corr-1',
  ...overrides,
});

describe('ReceiveSmsReplyUseCase', () => {
  it("answers the phone's survey: the response is published under the case's channel and the customer is thanked by SMS", async () => {
    const { store, relay, receive, resolved } = setUp();
    const c = await resolved({ channel: 'hotline', language: 'en' });
    const command = reply('满意');

    expect(await receive.execute(command)).toEqual({ outcome: 'survey-answered', reference: c.reference, score: 5 });

    expect(relay.published).toHaveLength(1);
    expect(relay.published[0]).toMatchObject({
      eventId: customerResponseIdFor('hotline', `sms:gw-1:${command.messageId}`),
      channel: 'hotline',
      reference: c.reference,
      complaintId: c.complaintId,
      satisfaction: { score: 5 },
    });
    expect(store.tables.deliveries).toMatchObject([{ route: 'sms', recipient: sealed(PHONE), language: 'en', reference: c.reference }]);
  });

  it('gives a redelivered message its first outcome again, publishing and texting nothing more', async () => {
    const { store, relay, receive, resolved } = setUp();
    const c = await resolved();
    const command = reply('2');
    await receive.execute(command);

    expect(await receive.execute(command)).toEqual({ outcome: 'survey-answered', reference: c.reference, score: 2 });
    expect(relay.published).toHaveLength(1);
    expect(store.tables.deliveries).toHaveLength(1);
  });

  it('records a text that is no score without answering the survey, which a later score still answers', async () => {
    const { relay, receive, resolved } = setUp();
    const c = await resolved();

    expect(await receive.execute(reply('what is this about?'))).toEqual({ outcome: 'not-an-answer' });
    expect(relay.published).toEqual([]);
    expect(await receive.execute(reply('4'))).toEqual({ outcome: 'survey-answered', reference: c.reference, score: 4 });
  });

  it('answers only one survey once: a second score from the phone finds none outstanding', async () => {
    const { relay, receive, resolved } = setUp();
    await resolved();
    await receive.execute(reply('5'));
    expect(await receive.execute(reply('1'))).toEqual({ outcome: 'no-survey' });
    expect(relay.published).toHaveLength(1);
  });

  it('answers the most recent survey texted to the phone', async () => {
    const { receive, resolved } = setUp();
    await resolved({ at: new Date(RESOLVED_AT.getTime() - 5 * HOUR) });
    const latest = await resolved();
    expect(await receive.execute(reply('5'))).toMatchObject({ reference: latest.reference });
  });

  it('finds no survey once it expired before the message reached the gateway', async () => {
    const { receive, resolved } = setUp();
    await resolved();
    expect(await receive.execute(reply('5', { receivedAt: new Date(RESOLVED_AT.getTime() + 73 * HOUR) }))).toEqual({
      outcome: 'no-survey',
    });
  });

  it('refuses a sender that is no phone number, recording nothing', async () => {
    const { store, receive, resolved } = setUp();
    await resolved();
    await expect(receive.execute(reply('5', { from: 'not-a-number' }))).rejects.toThrow(InvalidSenderError);
    expect(store.tables.replies.size).toBe(0);
  });

  it('tells the gateway to retry when the store does not answer, publishing nothing', async () => {
    const { store, relay, receive, resolved } = setUp();
    await resolved();
    store.unavailable = new Error('connection refused');
    await expect(receive.execute(reply('5'))).rejects.toThrow(SmsStoreUnavailableError);
    expect(relay.published).toEqual([]);
  });
});
