import { caseEvent } from '../in-memory/case-event';
import { InMemorySmsSurveyStore } from '../in-memory/in-memory-sms-survey.store';
import { PhoneFingerprints } from './phone-fingerprints';
import { TrackSmsSurveysUseCase } from './track-sms-surveys.use-case';

const HOUR = 3_600_000;
const AT = new Date('2026-12-01T10:00:00.000Z');
const PHONE = '13800138000';
const fingerprints = new PhoneFingerprints('test-key', 'CN', (s) => {
  if (!s.startsWith('sealed:')) throw new Error('no key for this seal');
  return s.slice('sealed:'.length);
});

function setUp(smsConfigured = true) {
  const store = new InMemorySmsSurveyStore();
  return { store, track: new TrackSmsSurveysUseCase(store, fingerprints, { ttlHours: 72, defaultLanguage: 'zh', smsConfigured }) };
}

const hotlineCase = { channel: 'hotline' as const, language: 'en' as const, contact: { phone: `sealed:${PHONE}` } };
const at = (hours: number) => ({ at: new Date(AT.getTime() + hours * HOUR) });

describe('TrackSmsSurveysUseCase', () => {
  it("records the survey texted on resolution as outstanding for the TTL, under the phone's fingerprint", async () => {
    const { store, track } = setUp();
    const event = caseEvent('case.resolved', hotlineCase, at(0));

    expect(await track.execute(event)).toBe('applied');

    const [survey] = store.tables.surveys.values();
    expect(survey).toMatchObject({
      phoneFingerprint: fingerprints.ofNumber(PHONE),
      reference: event.case.reference,
      status: 'outstanding',
      language: 'en',
      expiresAt: new Date(AT.getTime() + 72 * HOUR),
    });
  });

  it('ends the survey when the case is reopened, and a replayed older resolution does not bring it back', async () => {
    const { store, track } = setUp();
    const resolved = caseEvent('case.resolved', hotlineCase, at(0));
    await track.execute(resolved);

    expect(await track.execute(caseEvent('case.reopened', { ...hotlineCase, reference: resolved.case.reference }, at(1)))).toBe('applied');
    expect(await track.execute(resolved)).toBe('stale');
    expect([...store.tables.surveys.values()][0].status).toBe('ended');
  });

  it('leaves cases the customer does not hear from by SMS alone, and everything when SMS is not configured', async () => {
    const { store, track } = setUp();
    expect(await track.execute(caseEvent('case.resolved', { channel: 'wechat', contact: { openId: 'o-1' } }))).toBe('not-a-survey');
    expect(await track.execute(caseEvent('case.opened', hotlineCase))).toBe('not-a-survey');

    const unconfigured = setUp(false);
    const resolved = caseEvent('case.resolved', hotlineCase);
    expect(unconfigured.track.concerns(JSON.parse(JSON.stringify(resolved)))).toBe(false);
    expect(await unconfigured.track.execute(resolved)).toBe('not-a-survey');
    expect(store.tables.surveys.size + unconfigured.store.tables.surveys.size).toBe(0);
  });

  it('skips a phone sealed with a key this service does not hold', async () => {
    const { store, track } = setUp();
    expect(await track.execute(caseEvent('case.resolved', { ...hotlineCase, contact: { phone: 'pii:v1:other-key' } }))).toBe(
      'unreadable-phone',
    );
    expect(store.tables.surveys.size).toBe(0);
  });
});
