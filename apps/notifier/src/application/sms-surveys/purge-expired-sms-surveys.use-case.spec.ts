import { InMemorySmsSurveyStore } from '../in-memory/in-memory-sms-survey.store';
import { PurgeExpiredSmsSurveysUseCase } from './purge-expired-sms-surveys.use-case';

const DAY = 86_400_000;
const NOW = new Date('2026-12-10T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe('PurgeExpiredSmsSurveysUseCase', () => {
  it('forgets expired surveys and the replies older than their retention, and keeps the rest', async () => {
    const store = new InMemorySmsSurveyStore();
    const survey = (reference: string, expiresAt: Date) => ({
      phoneFingerprint: 'fp',
      reference,
      complaintId: reference,
      channel: 'hotline',
      language: 'zh' as const,
      recipient: 'sealed',
      status: 'outstanding' as const,
      sentAt: daysAgo(5),
      expiresAt,
      changedAt: daysAgo(5),
    });
    store.tables.surveys.set('fp|expired', survey('expired', daysAgo(1)));
    store.tables.surveys.set('fp|open', survey('open', new Date(NOW.getTime() + DAY)));
    store.tables.replies.set('gw|old', { outcome: 'no-survey', reference: null, score: 5, recordedAt: daysAgo(31) });
    store.tables.replies.set('gw|recent', { outcome: 'no-survey', reference: null, score: 5, recordedAt: daysAgo(29) });

    expect(await new PurgeExpiredSmsSurveysUseCase(store, 30).execute(NOW)).toBe(2);

    expect([...store.tables.surveys.keys()]).toEqual(['fp|open']);
    expect([...store.tables.replies.keys()]).toEqual(['gw|recent']);
  });
});
