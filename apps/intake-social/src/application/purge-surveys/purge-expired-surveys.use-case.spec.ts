import { InMemorySurveyStore } from '../in-memory/in-memory-survey.store';
import { socialCaseEvent } from '../in-memory/social-intake';
import { TrackSurveysUseCase } from '../track-surveys/track-surveys.use-case';
import { PurgeExpiredSurveysUseCase } from './purge-expired-surveys.use-case';

describe('PurgeExpiredSurveysUseCase', () => {
  it('forgets the surveys whose time for an answer is over, whatever became of them, and keeps the others', async () => {
    const surveys = new InMemorySurveyStore();
    const track = new TrackSurveysUseCase(surveys, 24);
    await track.execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { reference: 'C20261130-X00001' }));
    await track.execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { reference: 'C20261130-X00002' }));
    await track.execute(socialCaseEvent('case.reopened', 'REOPENED', '2026-12-01T11:00:00.000Z', { reference: 'C20261130-X00002' }));
    await track.execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-02T09:00:00.000Z', { reference: 'C20261130-X00003' }));

    await expect(new PurgeExpiredSurveysUseCase(surveys).execute(new Date('2026-12-02T10:00:00.000Z'))).resolves.toBe(2);

    expect([...surveys.surveys.values()].map((s) => s.reference)).toEqual(['C20261130-X00003']);
  });

  it('purges nothing before any survey expired', async () => {
    const surveys = new InMemorySurveyStore();
    await new TrackSurveysUseCase(surveys, 24).execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z'));

    await expect(new PurgeExpiredSurveysUseCase(surveys).execute(new Date('2026-12-02T09:59:59.000Z'))).resolves.toBe(0);
    expect(surveys.surveys.size).toBe(1);
  });
});
