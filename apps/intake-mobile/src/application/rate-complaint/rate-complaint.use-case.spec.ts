import { CaseStatus } from '@complaints/contracts';
import { IdempotencyKeyReusedError, StoreUnavailableError } from '@complaints/intake';
import { caseUpdateOf } from '../../domain/customer-timeline';
import { caseEvent } from '../in-memory/case-events';
import { InMemoryCustomerResponsePublisher } from '@complaints/intake/testing';
import { InMemoryRatingStore } from '../in-memory/in-memory-rating.store';
import { mobileIntake } from '../in-memory/mobile-intake';
import { ComplaintNotFoundError } from '../track-complaints/view-my-complaints.use-case';
import { ComplaintAlreadyRatedError, ComplaintNotRateableError, RateComplaintUseCase } from './rate-complaint.use-case';

async function complaintIn(status: CaseStatus) {
  const intake = mobileIntake();
  const filed = await intake.file('cust-1', 'submit-key');
  if (status !== 'RECEIVED')
    await intake.view.applyAll([caseUpdateOf(caseEvent(filed, 'case.status_changed', status, '2026-12-02T10:00:00.000Z'))]);
  intake.clock.now = new Date('2026-12-03T09:00:00.000Z');
  const ratings = new InMemoryRatingStore();
  const responses = new InMemoryCustomerResponsePublisher();
  const rate = new RateComplaintUseCase(ratings, intake.view, responses, 'intake-mobile', intake.now);
  const command = (idempotencyKey: string, score = 4, comment?: string) => ({
    customerId: 'cust-1',
    idempotencyKey,
    reference: filed.reference,
    rating: { score, ...(comment ? { comment } : {}) },
    correlationId: `corr-${idempotencyKey}`,
  });
  return { ...intake, filed, ratings, responses, rate, command };
}

describe('RateComplaintUseCase (mobile)', () => {
  it("publishes the customer's rating of an answered complaint and answers it", async () => {
    const { filed, ratings, responses, rate, command } = await complaintIn('RESOLVED');

    await expect(rate.execute(command('r1', 5, '很满意'))).resolves.toEqual({
      reference: filed.reference,
      score: 5,
      receivedAt: '2026-12-03T09:00:00.000Z',
      replayed: false,
    });

    expect(responses.published).toHaveLength(1);
    expect(responses.published[0]).toMatchObject({
      channel: 'mobile',
      source: 'intake-mobile',
      reference: filed.reference,
      complaintId: filed.complaintId,
      identity: { customerId: 'cust-1' },
      satisfaction: { score: 5, comment: '很满意' },
    });
    await expect(ratings.findByKey('cust-1', 'r1')).resolves.toMatchObject({ status: 'accepted' });
  });

  it('answers a retry with the same key and rating as before, publishing nothing more', async () => {
    const { rate, responses, command } = await complaintIn('CLOSED');
    const first = await rate.execute(command('r1'));

    await expect(rate.execute(command('r1'))).resolves.toEqual({ ...first, replayed: true });
    expect(responses.published).toHaveLength(1);
  });

  it('refuses the same key with another rating', async () => {
    const { rate, responses, command } = await complaintIn('RESPONDED');
    await rate.execute(command('r1', 4));

    await expect(rate.execute(command('r1', 1))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(responses.published).toHaveLength(1);
  });

  it('refuses a second rating of the complaint under another key, naming the first, and publishes nothing new', async () => {
    const { filed, rate, responses, command } = await complaintIn('RESOLVED');
    await rate.execute(command('r1', 4));

    const refused = rate.execute(command('r2', 1));

    await expect(refused).rejects.toBeInstanceOf(ComplaintAlreadyRatedError);
    await expect(refused).rejects.toMatchObject({ earlier: { reference: filed.reference, score: 4 } });
    expect(responses.published.map((r) => r.satisfaction.score)).toEqual([4]);
  });

  it.each<CaseStatus>(['RECEIVED', 'ASSIGNED', 'IN_PROGRESS'])(
    'refuses to rate a complaint that is %s, storing nothing',
    async (status) => {
      const { rate, ratings, responses, command } = await complaintIn(status);

      await expect(rate.execute(command('r1'))).rejects.toEqual(new ComplaintNotRateableError(status));
      expect(ratings.records.size).toBe(0);
      expect(responses.published).toEqual([]);
    },
  );

  it("answers another customer's complaint as not found", async () => {
    const { rate, command } = await complaintIn('RESOLVED');

    await expect(rate.execute({ ...command('r1'), customerId: 'cust-2' })).rejects.toBeInstanceOf(ComplaintNotFoundError);
  });

  it('tells the app when Kafka does not acknowledge; a retry with the key publishes the same event', async () => {
    const { rate, ratings, responses, command } = await complaintIn('RESOLVED');
    responses.failing = new Error('broker unavailable');

    await expect(rate.execute(command('r1'))).rejects.toThrow('broker unavailable');
    const pending = (await ratings.findByKey('cust-1', 'r1'))!;
    expect(pending.status).toBe('pending');

    responses.failing = null;
    await expect(rate.execute(command('r1'))).resolves.toMatchObject({ replayed: true });
    expect(responses.published.map((r) => r.eventId)).toEqual([pending.event.eventId]);
  });

  it('publishes an abandoned first rating before refusing a second one, so the answer kept is never lost', async () => {
    const { rate, ratings, responses, command, clock } = await complaintIn('RESOLVED');
    responses.failing = new Error('broker unavailable');
    await expect(rate.execute(command('r1', 2))).rejects.toThrow();
    responses.failing = null;

    clock.now = new Date(clock.now.getTime() + 31_000);
    await expect(rate.execute(command('r2', 5))).rejects.toBeInstanceOf(ComplaintAlreadyRatedError);

    expect(responses.published.map((r) => r.satisfaction.score)).toEqual([2]);
    await expect(ratings.findByKey('cust-1', 'r1')).resolves.toMatchObject({ status: 'accepted' });
  });

  it('leaves a first rating still in flight to the request that stored it', async () => {
    const { rate, responses, command, clock } = await complaintIn('RESOLVED');
    responses.failing = new Error('broker unavailable');
    await expect(rate.execute(command('r1', 2))).rejects.toThrow();
    responses.failing = null;

    clock.now = new Date(clock.now.getTime() + 5_000);
    await expect(rate.execute(command('r2', 5))).rejects.toBeInstanceOf(ComplaintAlreadyRatedError);

    expect(responses.published).toEqual([]);
  });

  it('keeps one of two concurrent ratings of a complaint under different keys', async () => {
    const { rate, responses, command } = await complaintIn('RESOLVED');

    const outcomes = await Promise.allSettled([rate.execute(command('r1', 5)), rate.execute(command('r2', 1))]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: expect.any(ComplaintAlreadyRatedError) });
    expect(responses.published).toHaveLength(1);
  });

  it('answers two concurrent requests with one key alike', async () => {
    const { rate, ratings, responses, command } = await complaintIn('RESOLVED');

    const [a, b] = await Promise.all([rate.execute(command('r1', 5)), rate.execute(command('r1', 5))]);

    expect(b.receivedAt).toBe(a.receivedAt);
    expect(ratings.records.size).toBe(1);
    expect(new Set(responses.published.map((r) => r.eventId)).size).toBe(1);
  });

  it('fails with StoreUnavailableError and publishes nothing while the ratings store does not answer', async () => {
    const { rate, ratings, responses, command } = await complaintIn('RESOLVED');
    ratings.unavailable = true;

    await expect(rate.execute(command('r1'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(responses.published).toEqual([]);
  });
});
