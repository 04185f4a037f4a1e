import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { caseFixture } from '../../domain/testing/case.fixture';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { seedCase } from '../in-memory/seed-case';
import { CheckSlaUseCase } from './check-sla.use-case';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RECEIVED = new Date('2026-11-02T08:00:00.000Z');
const at = (hours: number) => new Date(RECEIVED.getTime() + hours * HOUR);

function setUp(count = 1) {
  const cases = new InMemoryCaseRepository();
  const seeded = Array.from({ length: count }, () => seedCase(cases, caseFixture(RECEIVED)));
  const relay = new InMemoryCaseEventsRelay(cases);
  return { cases, relay, check: new CheckSlaUseCase(cases, DEFAULT_SLA_POLICY, relay), references: seeded.map((c) => c.reference) };
}

describe('CheckSlaUseCase', () => {
  it('looks at no case before its first alert is due', async () => {
    const { relay, check } = setUp();
    expect(await check.run(at(35))).toEqual({ checked: 0, events: 0 });
    expect(relay.published).toEqual([]);
  });

  it('warns 12 hours before the 48-hour first-feedback deadline, once, then watches for the deadline itself', async () => {
    const { cases, relay, check, references } = setUp();

    expect(await check.run(at(36))).toEqual({ checked: 1, events: 1 });
    expect(await check.run(at(40))).toEqual({ checked: 0, events: 0 });

    expect(relay.published.map((e) => [e.eventType, e.customerVisible, e.data])).toEqual([
      ['case.sla_warning', false, { clock: 'feedback', dueAt: at(48).toISOString(), notify: ['supervisor', 'CONSUMER_PROTECTION'] }],
    ]);
    expect(cases.stored(references[0])!.nextAlertAt).toEqual(at(48));
  });

  it('reports a missed first-feedback deadline as breached and escalates the case to consumer protection, once', async () => {
    const { cases, relay, check, references } = setUp();

    await check.run(at(49));
    await check.run(at(50));

    // Past the deadline, a warning would come too late: only the breach is reported.
    expect(relay.published.map((e) => e.eventType)).toEqual(['case.sla_breached', 'case.escalated']);
    expect(cases.stored(references[0])!.case).toMatchObject({ status: 'ESCALATED', escalation: true });
    // Next: the 15-day decision clock, warned 48 hours before it is due.
    expect(cases.stored(references[0])!.nextAlertAt).toEqual(new Date(RECEIVED.getTime() + 15 * DAY - 48 * HOUR));
  });

  it('warns of and then reports the 15-day decision deadline counted from receipt, without escalating an escalated case again', async () => {
    const { relay, check } = setUp();
    await check.run(at(49));
    relay.published.length = 0;

    await check.run(new Date(RECEIVED.getTime() + 13 * DAY + HOUR));
    await check.run(new Date(RECEIVED.getTime() + 15 * DAY + HOUR));

    expect(relay.published.map((e) => [e.eventType, e.data?.clock, e.data?.dueAt])).toEqual([
      ['case.sla_warning', 'decision', new Date(RECEIVED.getTime() + 15 * DAY).toISOString()],
      ['case.sla_breached', 'decision', new Date(RECEIVED.getTime() + 15 * DAY).toISOString()],
    ]);
  });

  it('goes through every due case, however many batches they take, each once', async () => {
    const { relay, check, references } = setUp(5);

    expect(await check.run(at(36), 2)).toEqual({ checked: 5, events: 5 });
    expect(new Set(relay.published.map((e) => e.case.reference))).toEqual(new Set(references));
  });

  it('tells the caller when the store does not answer', async () => {
    const { cases, check } = setUp();
    cases.unavailable = new Error('connection refused');
    await expect(check.run(at(36))).rejects.toThrow('connection refused');
  });
});
