import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Producer } from 'kafkajs';
import { CustomerResponseV1, satisfactionResponse, Topics } from '@complaints/contracts';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { appRequest, AppResponse, customerToken, submitComplaint } from '../support/mobile-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/** One rating per complaint and customer at the app API: real broker, real database. */
describe('intake-mobile: a complaint is rated once', () => {
  let mobile: RunningApp;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    const config = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '1000' });
    mobile = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    producer = await testProducer();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([mobile?.close(), responses?.close(), producer?.disconnect(), db?.end()]);
  });

  const rate = async (customerId: string, reference: string, body: unknown, idempotencyKey = randomUUID()) =>
    appRequest<{ reference: string; score: number; rated?: { reference: string; score: number; ratedAt: string } }>(
      mobile.url,
      `/v1/app/complaints/${reference}/satisfaction`,
      {
        token: await customerToken(customerId),
        idempotencyKey,
        body,
      },
    );

  /** A complaint of a fresh customer whose case was resolved (the view has it). */
  async function resolvedComplaint() {
    const customerId = `cust-${randomUUID()}`;
    const { body } = await submitComplaint(mobile.url, customerId);
    await publishCaseEvents(
      producer,
      caseEvent({
        type: 'case.resolved',
        case: { channel: 'mobile', customerId, status: 'RESOLVED', reference: body.reference, complaintId: body.complaintId },
      }),
    );
    await eventually(async () => {
      const { rows } = await db.query('SELECT case_status FROM intake_mobile.submissions WHERE complaint_id = $1', [body.complaintId]);
      return rows[0]?.case_status === 'RESOLVED' ? true : undefined;
    }, 30_000);
    return { customerId, reference: body.reference, complaintId: body.complaintId };
  }

  const published = (complaintId: string) => responses.values((r) => r.complaintId === complaintId);

  /** Waits for the first rating on the topic, then a little longer, and answers everything published for the complaint. */
  async function settledOnTopic(complaintId: string, expected: number) {
    await eventually(async () => (published(complaintId).length >= expected ? true : undefined), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return published(complaintId);
  }

  function expectAlreadyRated(res: AppResponse<{ rated?: unknown }>, rated: { reference: string; score: number }) {
    expect(res.status).toBe(409);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'https://complaints.example/problems/already-rated',
      rated: { ...rated, ratedAt: expect.any(String) },
    });
  }

  it('refuses a second rating under another key (409 naming the first), publishing nothing new; the first key still replays', async () => {
    const c = await resolvedComplaint();
    const key = randomUUID();
    expect((await rate(c.customerId, c.reference, { score: 1, comment: '不满意' }, key)).status).toBe(202);
    for (const body of [{ score: 1 }, { score: 5 }, { score: 1, comment: '不满意' }])
      expectAlreadyRated(await rate(c.customerId, c.reference, body), { reference: c.reference, score: 1 });
    const replay = await rate(c.customerId, c.reference, { score: 1, comment: '不满意' }, key);
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await settledOnTopic(c.complaintId, 1)).toHaveLength(1);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM intake_mobile.ratings WHERE customer_id = $1', [c.customerId]);
    expect(rows[0].n).toBe(1);
  });

  it('accepts one of several ratings sent at once under different keys; the others are 409', async () => {
    const c = await resolvedComplaint();
    const answers = await Promise.all([1, 2, 1, 5, 1].map((score) => rate(c.customerId, c.reference, { score })));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409]);
    const accepted = answers.find((a) => a.status === 202)!;
    for (const refused of answers.filter((a) => a.status === 409))
      expectAlreadyRated(refused, { reference: c.reference, score: accepted.body.score });
    const onTopic = await settledOnTopic(c.complaintId, 1);
    expect(onTopic).toHaveLength(1);
    expect(onTopic[0].satisfaction.score).toBe(accepted.body.score);
  });

  it('publishes a first rating Kafka never acknowledged when a second one is refused in its favour', async () => {
    const c = await resolvedComplaint();
    // As if the first request had been stored a minute ago and answered 503 (Kafka down): pending, not on the topic.
    const key = randomUUID();
    const receivedAt = new Date(Date.now() - 60_000);
    const event = satisfactionResponse({
      eventId: randomUUID(),
      source: 'intake-mobile',
      channel: 'mobile',
      reference: c.reference,
      complaintId: c.complaintId,
      identity: { customerId: c.customerId },
      score: 2,
      correlationId: 'corr-pending',
      receivedAt,
    });
    await db.query(
      `INSERT INTO intake_mobile.ratings (customer_id, idempotency_key, complaint_id, reference, request_hash, status, event, received_at)
       VALUES ($1, $2, $3, $4, 'h', 'pending', $5, $6)`,
      [c.customerId, key, c.complaintId, c.reference, JSON.stringify(event), receivedAt],
    );
    await db.query('INSERT INTO intake_mobile.rated_complaints (customer_id, complaint_id, idempotency_key) VALUES ($1, $2, $3)', [
      c.customerId,
      c.complaintId,
      key,
    ]);

    expectAlreadyRated(await rate(c.customerId, c.reference, { score: 5 }), { reference: c.reference, score: 2 });
    const onTopic = await settledOnTopic(c.complaintId, 1);
    expect(onTopic.map((r) => [r.eventId, r.satisfaction.score])).toEqual([[event.eventId, 2]]);
    const { rows } = await db.query('SELECT status FROM intake_mobile.ratings WHERE customer_id = $1', [c.customerId]);
    expect(rows).toEqual([{ status: 'accepted' }]);
  });

  it("keeps customers apart: another customer's rating of their own complaint is accepted", async () => {
    const mine = await resolvedComplaint();
    const theirs = await resolvedComplaint();
    expect((await rate(mine.customerId, mine.reference, { score: 4 })).status).toBe(202);
    expect((await rate(theirs.customerId, theirs.reference, { score: 4 })).status).toBe(202);
    expect((await rate(theirs.customerId, mine.reference, { score: 1 })).status).toBe(404);
  });
});
