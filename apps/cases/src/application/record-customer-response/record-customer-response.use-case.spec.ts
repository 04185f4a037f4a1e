import { randomUUID } from 'node:crypto';
import { CustomerIdentityV1, satisfactionResponse } from '@complaints/contracts';
import type { Case } from '../../domain/case';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { inStatus } from '../../domain/testing/case.fixture';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { seedCase } from '../in-memory/seed-case';
import { RecordCustomerResponseUseCase } from './record-customer-response.use-case';

const NOW = new Date('2026-11-10T09:00:00.000Z');

function setUp(...stored: Case[]) {
  const cases = new InMemoryCaseRepository();
  for (const c of stored) seedCase(cases, c);
  const relay = new InMemoryCaseEventsRelay(cases);
  return { cases, relay, record: new RecordCustomerResponseUseCase(cases, new FixedClock(NOW), DEFAULT_SLA_POLICY, relay) };
}

const resolvedCase = (customerId = 'cust-1') =>
  inStatus('RESOLVED', { customer: { customerId, contact: { phoneLast4: '1234' } }, channel: 'web' });

function answer(score: number, options: { reference?: string; identity?: CustomerIdentityV1; eventId?: string } = {}) {
  const response = satisfactionResponse({
    eventId: options.eventId ?? randomUUID(),
    source: 'intake-web',
    channel: 'web',
    reference: options.reference ?? '',
    identity: options.identity,
    score,
    correlationId: 'corr-1',
    receivedAt: NOW,
  });
  // An answer from a reply that names no case (e.g. 满意 on WeChat).
  if (!options.reference) delete response.reference;
  return response;
}

describe('RecordCustomerResponseUseCase', () => {
  it("files a satisfied answer against the case it names and publishes the case's satisfaction_recorded", async () => {
    const c = resolvedCase();
    const { cases, relay, record } = setUp(c);
    const response = answer(5, { reference: c.reference });

    expect(await record.execute(response)).toEqual({ outcome: 'recorded', reference: c.reference });

    const stored = cases.stored(c.reference)!.case;
    expect(stored.lifecycle.satisfaction).toEqual([
      { score: 5, comment: undefined, recordedBy: `customer-response:${response.eventId}`, at: NOW },
    ]);
    expect(relay.published.map((e) => [e.eventType, e.causationId, e.data?.score])).toEqual([
      ['case.satisfaction_recorded', response.eventId, 5],
    ]);
  });

  it('reopens and escalates the case on a dissatisfied first answer', async () => {
    const c = resolvedCase();
    const { cases, relay, record } = setUp(c);

    await record.execute(answer(1, { reference: c.reference }));

    expect(cases.stored(c.reference)!.case).toMatchObject({ status: 'ESCALATED', escalation: true });
    expect(relay.published.map((e) => e.eventType)).toEqual(['case.satisfaction_recorded', 'case.reopened', 'case.escalated']);
  });

  it("answers a redelivered response with 'already-recorded' and changes nothing", async () => {
    const c = resolvedCase();
    const { cases, relay, record } = setUp(c);
    const response = answer(2, { reference: c.reference });
    await record.execute(response);
    const after = cases.stored(c.reference);

    const again = await record.execute(response);

    expect(again).toEqual({ outcome: 'already-recorded', reference: c.reference, earlierEventId: response.eventId });
    expect(cases.stored(c.reference)).toEqual(after);
    expect(relay.published).toHaveLength(3);
  });

  it("keeps the customer's first answer: a later one of the same customer, on any channel identity they have, is 'already-answered'", async () => {
    const c = resolvedCase('cust-1');
    const { cases, relay, record } = setUp(c);
    const first = answer(4, { reference: c.reference });
    await record.execute(first);

    const later = await record.execute(answer(1, { reference: c.reference, identity: { customerId: 'cust-1' } }));

    expect(later).toEqual({ outcome: 'already-answered', reference: c.reference, earlierEventId: first.eventId });
    expect(cases.stored(c.reference)!.case.status).toBe('RESOLVED');
    expect(relay.published.map((e) => e.eventType)).toEqual(['case.satisfaction_recorded']);
  });

  it('files the answer of someone other than the case customer separately', async () => {
    const c = resolvedCase('cust-1');
    const { cases, record } = setUp(c);
    await record.execute(answer(4, { reference: c.reference }));

    const other = await record.execute(answer(5, { reference: c.reference, identity: { customerId: 'someone-else' } }));

    expect(other.outcome).toBe('recorded');
    expect(cases.answers().map((a) => a.customerKey)).toEqual(['case-customer', 'customerId:someone-else']);
  });

  it("finds the customer's case awaiting an answer on the channel when the answer names none", async () => {
    const c = resolvedCase('cust-7');
    const { record } = setUp(resolvedCase('cust-8'), c);

    expect(await record.execute(answer(5, { identity: { customerId: 'cust-7' } }))).toEqual({
      outcome: 'recorded',
      reference: c.reference,
    });
    // Answered, it awaits nothing more: a second reply finds no case.
    expect(await record.execute(answer(5, { identity: { customerId: 'cust-7' } }))).toEqual({ outcome: 'no-case' });
  });

  it("answers 'no-case' for a reference nobody holds, storing nothing", async () => {
    const { cases, record } = setUp();
    expect(await record.execute(answer(5, { reference: 'C20261101-W99999' }))).toEqual({
      outcome: 'no-case',
      reference: 'C20261101-W99999',
    });
    expect(cases.answers()).toEqual([]);
  });

  it('refuses an answer the case cannot take, and does not count it as the customer answer', async () => {
    const c = inStatus('IN_PROGRESS', { customer: { customerId: 'cust-1', contact: {} } });
    const { cases, relay, record } = setUp(c);

    expect(await record.execute(answer(1, { reference: c.reference }))).toEqual({ outcome: 'refused', reference: c.reference });
    expect(cases.answers()).toEqual([]);
    expect(relay.published).toEqual([]);
  });

  it('tells the caller when the store does not answer', async () => {
    const c = resolvedCase();
    const { cases, record } = setUp(c);
    cases.unavailable = new Error('connection refused');

    await expect(record.execute(answer(5, { reference: c.reference }))).rejects.toThrow('connection refused');
  });
});
