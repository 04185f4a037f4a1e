import { InMemoryCustomerResponsePublisher } from '@complaints/intake/testing';
import { InMemoryRatingStore } from '../in-memory/in-memory-rating.store';
import { caseEvent } from '../in-memory/case-events';
import { webIntake } from '../in-memory/web-intake';
import { RateComplaintUseCase } from './rate-complaint.use-case';

async function resolvedComplaint() {
  const intake = webIntake({ maxWrongAttempts: 3, lockMs: 60_000 });
  const filed = await intake.file('4321');
  await intake.progress.applyAll([caseEvent(filed, 'case.resolved', 'RESOLVED', '2026-12-02T10:00:00.000Z', { customerVisible: true })]);
  const ratings = new InMemoryRatingStore();
  const responses = new InMemoryCustomerResponsePublisher();
  const rate = new RateComplaintUseCase(intake.lookUp, ratings, responses, () => new Date('2026-12-03T09:00:00.000Z'));
  return { ...intake, filed, ratings, responses, rate };
}

describe('RateComplaintUseCase (web)', () => {
  it("publishes the customer's rating of a resolved complaint for its own case", async () => {
    const { filed, responses, rate } = await resolvedComplaint();

    await expect(
      rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 4, comment: '处理及时', correlationId: 'corr-r' }),
    ).resolves.toEqual({ outcome: 'recorded' });

    expect(responses.published).toHaveLength(1);
    expect(responses.published[0]).toMatchObject({
      kind: 'satisfaction',
      channel: 'web',
      reference: filed.reference,
      complaintId: filed.complaintId,
      satisfaction: { score: 4, comment: '处理及时' },
      receivedAt: '2026-12-03T09:00:00.000Z',
      correlationId: 'corr-r',
    });
  });

  it('takes one rating per complaint: a second one is already-rated and publishes nothing', async () => {
    const { filed, responses, rate } = await resolvedComplaint();
    await rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 4, correlationId: 'c1' });

    await expect(rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 1, correlationId: 'c2' })).resolves.toEqual({
      outcome: 'already-rated',
    });
    expect(responses.published.map((r) => r.satisfaction.score)).toEqual([4]);
  });

  it('records one of two concurrent ratings of a complaint', async () => {
    const { filed, responses, rate } = await resolvedComplaint();

    const outcomes = await Promise.all([
      rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 5, correlationId: 'c1' }),
      rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 2, correlationId: 'c2' }),
    ]);

    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already-rated', 'recorded']);
    expect(responses.published).toHaveLength(1);
  });

  it('keeps nothing when Kafka does not acknowledge, so the customer may rate again', async () => {
    const { filed, responses, ratings, rate } = await resolvedComplaint();
    responses.failing = new Error('broker unavailable');

    await expect(rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 3, correlationId: 'c1' })).rejects.toThrow(
      'broker unavailable',
    );
    expect(ratings.rated.size).toBe(0);

    responses.failing = null;
    await expect(rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 3, correlationId: 'c2' })).resolves.toEqual({
      outcome: 'recorded',
    });
    expect(responses.published).toHaveLength(1);
  });

  it('refuses a complaint that has no answer yet', async () => {
    const intake = webIntake();
    const filed = await intake.file('4321');
    await intake.progress.applyAll([caseEvent(filed, 'case.assigned', 'IN_PROGRESS', '2026-12-01T09:00:00.000Z')]);
    const responses = new InMemoryCustomerResponsePublisher();
    const rate = new RateComplaintUseCase(intake.lookUp, new InMemoryRatingStore(), responses);

    await expect(rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 5, correlationId: 'c1' })).resolves.toEqual({
      outcome: 'not-resolved',
    });
    expect(responses.published).toEqual([]);
  });

  it('answers wrong digits as not found, and counts them towards the same lock as the look-ups', async () => {
    const { filed, lookUp, responses, rate } = await resolvedComplaint();

    await expect(rate.execute({ reference: filed.reference, phoneLast4: '0000', score: 5, correlationId: 'c1' })).resolves.toEqual({
      outcome: 'not-found',
    });
    await lookUp.execute(filed.reference, '1111');
    await lookUp.execute(filed.reference, '2222');

    await expect(rate.execute({ reference: filed.reference, phoneLast4: '4321', score: 5, correlationId: 'c2' })).resolves.toEqual({
      outcome: 'locked',
      retryAfterMs: 60_000,
    });
    expect(responses.published).toEqual([]);
  });
});
