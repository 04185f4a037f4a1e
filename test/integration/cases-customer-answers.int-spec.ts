import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { CustomerIdentityV1, CustomerResponseV1, satisfactionResponse } from '@complaints/contracts';
import { createKafka, EventPublisher } from '@complaints/messaging';
import { RecordCustomerResponseUseCase } from '../../apps/cases/src/application/record-customer-response/record-customer-response.use-case';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { customerAnswersConsumed } from '../../apps/cases/src/interface/customer-answers.metrics';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { CaseEventsTap, RoutedPublisher, routedComplaint } from './cases-support';

/**
 * One survey answer per case and customer, in the case service (defence in depth behind the edges):
 * answers published on the real `complaints.customer-responses.v1`, filed in the real PostgreSQL.
 */
describe('cases: one survey answer per case and customer (real Kafka and PostgreSQL)', () => {
  const tap = new CaseEventsTap();
  const routed = new RoutedPublisher();
  const answers = new EventPublisher(
    createKafka({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'answers-test', logger: pino({ level: 'silent' }) }),
  );
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const agent = staffToken(['agent'], ['CARD_CENTER'], 'agent-answers');
  let cases: RunningApp;

  beforeAll(async () => {
    cases = await startApp(
      CasesModule.register(testConfig(CasesConfig, { CASES_SLA_WATCH_INTERVAL_MS: '0', CASES_OUTBOX_POLL_MS: '200' })),
    );
    await tap.start();
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all([tap.stop(), routed.close(), answers.disconnect(), db.end(), cases?.close()]);
  });

  async function act(reference: string, action: string, body?: unknown) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  }

  /** A case answered by its handler (RESPONDED): the survey is open. */
  async function answeredCase() {
    const event = routedComplaint();
    await routed.publish(event);
    const { complaintId, reference } = event.complaint;
    await tap.waitFor(complaintId, 'case.opened');
    await act(reference, 'claim');
    await act(reference, 'resolution', { proposal: '已退还年费。' });
    return { complaintId, reference, customerId: event.complaint.customer.customerId! };
  }

  function answer(
    c: { complaintId: string; reference: string },
    score: number,
    identity: CustomerIdentityV1 = {},
    channel: CustomerResponseV1['channel'] = 'web',
  ) {
    return satisfactionResponse({
      eventId: randomUUID(),
      source: 'test',
      channel,
      reference: c.reference,
      complaintId: c.complaintId,
      identity,
      score,
      correlationId: `corr-${randomUUID()}`,
      receivedAt: new Date(),
    });
  }

  const publish = (response: CustomerResponseV1, key = response.complaintId!) => answers.publish(CustomerResponseV1, response, { key });

  async function timelineOf(reference: string): Promise<string[]> {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${agent}` } });
    return ((await res.json()) as { timeline: { type: string }[] }).timeline.map((e) => e.type);
  }

  const count = async (sql: string, ...params: unknown[]) => (await db.query<{ n: number }>(sql, params)).rows[0].n;
  const filedAnswers = (complaintId: string) =>
    count('SELECT count(*)::int AS n FROM cases.customer_answers WHERE complaint_id = $1', complaintId);
  const outboxOf = (complaintId: string, type: string) =>
    count(`SELECT count(*)::int AS n FROM cases.outbox WHERE message_key = $1 AND payload->>'eventType' = $2`, complaintId, type);

  /** How many answers the consumer counted with this outcome (the service's own metric). */
  async function consumed(outcome: string): Promise<number> {
    const { values } = await customerAnswersConsumed.get();
    return values.filter((v) => v.labels.outcome === outcome).reduce((sum, v) => sum + v.value, 0);
  }

  /** Waits until the consumer counted `more` answers with this outcome than `before`. */
  const counted = (outcome: string, before: number, more = 1) =>
    eventually(async () => ((await consumed(outcome)) >= before + more ? true : undefined), 60_000);

  async function expectOnce(c: { complaintId: string; reference: string }, ...types: string[]) {
    const timeline = await timelineOf(c.reference);
    for (const type of types) {
      expect(timeline.filter((t) => t === type)).toHaveLength(1);
      expect(await outboxOf(c.complaintId, `case.${type}`)).toBe(1);
    }
  }

  it('reopens and escalates once for two different answers of the same customer (score 1 twice)', async () => {
    const c = await answeredCase();
    const first = answer(c, 1, {}, 'web');
    const second = answer(c, 1, {}, 'web');
    const before = await consumed('already-answered');
    await publish(first);
    await publish(second);
    await counted('already-answered', before);
    await tap.waitFor(c.complaintId, 'case.satisfaction_recorded', 'case.reopened', 'case.escalated');
    const { rows } = await db.query('SELECT response_event_id, customer_key, score FROM cases.customer_answers WHERE complaint_id = $1', [
      c.complaintId,
    ]);
    expect(rows).toEqual([{ response_event_id: first.eventId, customer_key: 'case-customer', score: 1 }]);
    await expectOnce(c, 'satisfaction_recorded', 'reopened', 'escalated');
    const audit = await count(
      'SELECT count(*)::int AS n FROM cases.audit_log WHERE complaint_id = $1 AND actor_id = $2',
      c.complaintId,
      `customer-response:${second.eventId}`,
    );
    expect(audit).toBe(0);
  });

  it('files a redelivered answer once (same event id), counting it as already recorded', async () => {
    const c = await answeredCase();
    const once = answer(c, 4);
    const before = await consumed('already-recorded');
    await publish(once);
    await publish(once);
    await counted('already-recorded', before);
    expect(await filedAnswers(c.complaintId)).toBe(1);
    await expectOnce(c, 'satisfaction_recorded');
  });

  it("counts the case's own customer once across channels: a web answer, then the app with their customer id, changes nothing", async () => {
    const c = await answeredCase();
    const before = await consumed('already-answered');
    await publish(answer(c, 5, {}, 'web'));
    await publish(answer(c, 1, { customerId: c.customerId }, 'mobile'));
    await counted('already-answered', before);
    await expectOnce(c, 'satisfaction_recorded');
    const timeline = await timelineOf(c.reference);
    expect(timeline).not.toContain('reopened');
    expect(timeline).not.toContain('escalated');
  });

  it('files one of several different answers consumed at the same moment (race on one case)', async () => {
    const c = await answeredCase();
    const useCase = cases.app.get(RecordCustomerResponseUseCase);
    const results = await Promise.all([1, 1, 2, 1, 2].map((score) => useCase.execute(answer(c, score))));
    expect(results.filter((r) => r.outcome === 'recorded')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already-answered')).toHaveLength(4);
    expect(await filedAnswers(c.complaintId)).toBe(1);
    await expectOnce(c, 'satisfaction_recorded', 'reopened', 'escalated');
  });

  it('does not count an answer the case could not take yet: the first answer after the reply is filed', async () => {
    const event = routedComplaint();
    await routed.publish(event);
    const c = { complaintId: event.complaint.complaintId, reference: event.complaint.reference };
    await tap.waitFor(c.complaintId, 'case.opened');
    const useCase = cases.app.get(RecordCustomerResponseUseCase);
    expect((await useCase.execute(answer(c, 1))).outcome).toBe('refused');
    expect(await filedAnswers(c.complaintId)).toBe(0);
    await act(c.reference, 'claim');
    await act(c.reference, 'resolution', { proposal: '已退还年费。' });
    expect((await useCase.execute(answer(c, 5))).outcome).toBe('recorded');
    expect((await useCase.execute(answer(c, 1))).outcome).toBe('already-answered');
    await expectOnce(c, 'satisfaction_recorded');
  });

  it('keeps the answers of another customer apart: one each per case', async () => {
    const c = await answeredCase();
    const useCase = cases.app.get(RecordCustomerResponseUseCase);
    expect((await useCase.execute(answer(c, 4))).outcome).toBe('recorded');
    expect((await useCase.execute(answer(c, 3, { openId: 'o-linked-customer' }, 'wechat'))).outcome).toBe('recorded');
    expect((await useCase.execute(answer(c, 5, { openId: 'o-linked-customer' }, 'wechat'))).outcome).toBe('already-answered');
    const { rows } = await db.query('SELECT customer_key FROM cases.customer_answers WHERE complaint_id = $1 ORDER BY customer_key', [
      c.complaintId,
    ]);
    expect(rows.map((r) => r.customer_key)).toEqual(['case-customer', 'openId:o-linked-customer']);
  });
});
