import { InvalidTransitionError } from '../../domain/case-errors';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { caseFixture } from '../../domain/testing/case.fixture';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { seedCase } from '../in-memory/seed-case';
import { ActingStaff, ActOnCaseUseCase, CaseNotFoundError } from './act-on-case.use-case';

const HOUR = 3_600_000;
const RECEIVED = new Date('2026-11-02T08:00:00.000Z');
const NOW = new Date(RECEIVED.getTime() + 2 * HOUR);

const cardAgent: ActingStaff = { id: 'agent-1', roles: ['agent'], canSee: (d) => d === 'CARD_CENTER' };
const loansAgent: ActingStaff = { id: 'agent-9', roles: ['agent'], canSee: (d) => d === 'LENDING' };

async function setUp() {
  const cases = new InMemoryCaseRepository();
  const relay = new InMemoryCaseEventsRelay(cases);
  const act = new ActOnCaseUseCase(cases, new FixedClock(NOW), DEFAULT_SLA_POLICY, relay);
  const c = seedCase(cases, caseFixture(RECEIVED)); // a CARD_CENTER case, RECEIVED
  return { cases, relay, act, reference: c.reference };
}

describe('ActOnCaseUseCase', () => {
  it('stores the change with its audit entry and publishes its events', async () => {
    const { cases, relay, act, reference } = await setUp();

    const change = await act.execute(cardAgent, reference, { action: 'claim' });

    expect(change.case).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-1' });
    expect(cases.stored(reference)!.case).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-1' });
    expect(relay.published.map((e) => [e.eventType, e.actor])).toEqual([['case.claimed', { type: 'staff', id: 'agent-1' }]]);
    const [audit] = await cases.auditTrail(reference);
    expect(audit).toMatchObject({ action: 'claim', actorId: 'agent-1', actorRoles: ['agent'], at: NOW });
    expect(audit.before).toMatchObject({ status: 'RECEIVED', assignee: null });
  });

  it("answers 'not found' for a case of a department the caller may not see, and changes nothing", async () => {
    const { cases, relay, act, reference } = await setUp();

    await expect(act.execute(loansAgent, reference, { action: 'claim' })).rejects.toThrow(CaseNotFoundError);

    expect(cases.stored(reference)!.case.assignee).toBeNull();
    expect(await cases.auditTrail(reference)).toEqual([]);
    expect(relay.published).toEqual([]);
  });

  it("answers 'not found' alike for a reference that does not exist", async () => {
    const { act } = await setUp();
    await expect(act.execute(cardAgent, 'C20261101-W99999', { action: 'claim' })).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
      reference: 'C20261101-W99999',
    });
  });

  it('refuses an action the case does not allow now with the domain error, storing and publishing nothing', async () => {
    const { cases, act, reference } = await setUp();

    await expect(act.execute(cardAgent, reference, { action: 'close', rootCause: 'fee rule', correctiveAction: 'refund' })).rejects.toThrow(
      InvalidTransitionError,
    );

    expect(cases.stored(reference)!.case.status).toBe('RECEIVED');
    expect(cases.pendingEvents()).toEqual([]);
  });

  it('moves the SLA watcher to the decision clock once the first feedback is sent, and off the case while the clock is paused', async () => {
    const { cases, act, reference } = await setUp();
    await act.execute(cardAgent, reference, { action: 'claim' });

    await act.execute(cardAgent, reference, { action: 'send-feedback', message: 'We are looking into the fee.' });
    const decisionDueAt = cases.stored(reference)!.case.sla.decisionDueAt;
    expect(cases.stored(reference)!.case.sla.firstFeedbackAt).toEqual(NOW);
    // 48 hours before the 15-day decision is due.
    expect(cases.stored(reference)!.nextAlertAt).toEqual(new Date(decisionDueAt.getTime() - 48 * HOUR));

    await act.execute(cardAgent, reference, { action: 'pause-clock', reason: 'waiting for the card network' });
    expect(cases.stored(reference)!.nextAlertAt).toBeNull();
  });

  it('tells the caller when the store does not answer', async () => {
    const { cases, relay, act, reference } = await setUp();
    cases.unavailable = new Error('connection reset');

    await expect(act.execute(cardAgent, reference, { action: 'claim' })).rejects.toThrow('connection reset');
    expect(relay.published).toEqual([]);
  });
});
