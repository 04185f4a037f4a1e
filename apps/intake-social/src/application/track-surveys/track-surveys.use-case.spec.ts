import { InMemorySurveyStore } from '../in-memory/in-memory-survey.store';
import { socialCaseEvent } from '../in-memory/social-intake';
import { TrackSurveysUseCase } from './track-surveys.use-case';

function tracking() {
  const surveys = new InMemorySurveyStore();
  return { surveys, track: new TrackSurveysUseCase(surveys, 72) };
}

describe('TrackSurveysUseCase', () => {
  it("awaits the customer's answer for the configured hours once their case is resolved", async () => {
    const { surveys, track } = tracking();

    await expect(track.execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z'))).resolves.toBe('applied');

    expect(surveys.awaitedFrom('wechat', 'oUser1', new Date('2026-12-04T09:59:59.000Z'))).toMatchObject({
      reference: 'C20261130-X7K3Q9',
      expiresAt: new Date('2026-12-04T10:00:00.000Z'),
    });
    expect(surveys.awaitedFrom('wechat', 'oUser1', new Date('2026-12-04T10:00:00.000Z'))).toBeNull();
  });

  it.each([
    ['an answer from any channel', 'case.satisfaction_recorded'],
    ['a reopening', 'case.reopened'],
    ['a withdrawal', 'case.withdrawn'],
  ] as const)('stops awaiting the answer after %s', async (_what, eventType) => {
    const { surveys, track } = tracking();
    await track.execute(socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z'));

    await expect(track.execute(socialCaseEvent(eventType, 'IN_PROGRESS', '2026-12-01T11:00:00.000Z'))).resolves.toBe('applied');

    expect(surveys.awaitedFrom('wechat', 'oUser1', new Date('2026-12-01T12:00:00.000Z'))).toBeNull();
  });

  it('never lets an older event delivered again undo a later one', async () => {
    const { surveys, track } = tracking();
    const resolved = socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z');
    await track.execute(resolved);
    await track.execute(socialCaseEvent('case.reopened', 'REOPENED', '2026-12-01T11:00:00.000Z'));

    await expect(track.execute(resolved)).resolves.toBe('stale');

    expect(surveys.awaitedFrom('wechat', 'oUser1', new Date('2026-12-01T12:00:00.000Z'))).toBeNull();
  });

  it('knows Weibo customers by their uid', async () => {
    const { surveys, track } = tracking();

    await track.execute(
      socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { channel: 'weibo', userId: '1234567890' }),
    );

    expect(surveys.awaitedFrom('weibo', '1234567890', new Date('2026-12-01T11:00:00.000Z'))).not.toBeNull();
  });

  it.each([
    ['a case of another channel', socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { channel: 'web' })],
    ['a customer without a channel identity', socialCaseEvent('case.resolved', 'RESOLVED', '2026-12-01T10:00:00.000Z', { userId: null })],
    ['an event that neither sends nor ends a survey', socialCaseEvent('case.assigned', 'ASSIGNED', '2026-12-01T10:00:00.000Z')],
  ])('leaves the surveys alone for %s', async (_what, event) => {
    const { surveys, track } = tracking();

    await expect(track.execute(event)).resolves.toBe('not-a-survey');
    expect(surveys.surveys.size).toBe(0);
  });

  it('reads unchecked JSON without tripping over anything malformed', () => {
    expect(TrackSurveysUseCase.concerns({ eventType: 'case.resolved', case: { channel: 'wechat' } })).toBe(true);
    expect(TrackSurveysUseCase.concerns({ eventType: 'case.archived', case: { channel: 'weibo' } })).toBe(true);
    expect(TrackSurveysUseCase.concerns({ eventType: 'case.assigned', case: { channel: 'wechat' } })).toBe(false);
    expect(TrackSurveysUseCase.concerns({ eventType: 'case.resolved', case: { channel: 'mobile' } })).toBe(false);
    for (const junk of [null, 'case.resolved', {}, { eventType: 5, case: { channel: 'wechat' } }])
      expect(TrackSurveysUseCase.concerns(junk)).toBe(false);
  });
});
