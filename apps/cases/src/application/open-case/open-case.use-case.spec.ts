import type { ComplaintRoutedV1 } from '@complaints/contracts';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { routedComplaint } from '../../domain/testing/case.fixture';
import { ActOnCaseUseCase } from '../act-on-case/act-on-case.use-case';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { OpenCaseUseCase } from './open-case.use-case';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const RECEIVED = new Date('2026-11-02T08:00:00.000Z');

function setUp() {
  const cases = new InMemoryCaseRepository();
  const relay = new InMemoryCaseEventsRelay(cases);
  return { cases, relay, openCase: new OpenCaseUseCase(cases, DEFAULT_SLA_POLICY, relay) };
}

/** A later complaint of the same customer the router linked to `earlier`'s case; `verified`: the channel verified the customer. */
function repeatOf(earlier: ComplaintRoutedV1, verified = true, priority: 'P1' | 'P2' | 'P3' = 'P2'): ComplaintRoutedV1 {
  const next = routedComplaint({ receivedAt: new Date(RECEIVED.getTime() + DAY), priority });
  return {
    ...next,
    complaint: {
      ...next.complaint,
      customer: { ...next.complaint.customer, ...(verified ? { verifiedIdentities: ['customerId' as const] } : {}) },
    },
    routing: { ...next.routing, linkedCaseReference: earlier.complaint.reference },
  };
}

describe('OpenCaseUseCase', () => {
  it('opens a case with the CBIRC clocks counted from receipt and tells the customer the reference', async () => {
    const { cases, relay, openCase } = setUp();
    const routed = routedComplaint({ receivedAt: RECEIVED, priority: 'P2' });

    const opened = await openCase.execute(routed);

    expect(opened).toEqual({ reference: routed.complaint.reference, created: true });
    const stored = cases.stored(routed.complaint.reference)!;
    expect(stored.case.status).toBe('RECEIVED');
    expect(stored.case.sla.feedbackDueAt).toEqual(new Date(RECEIVED.getTime() + 48 * HOUR));
    expect(stored.case.sla.decisionDueAt).toEqual(new Date(RECEIVED.getTime() + 15 * DAY));
    // The watcher first looks 12 hours before the first feedback is due.
    expect(stored.nextAlertAt).toEqual(new Date(RECEIVED.getTime() + 36 * HOUR));
    expect(relay.published).toHaveLength(1);
    const [event] = relay.published;
    expect(event).toMatchObject({ eventType: 'case.opened', customerVisible: true, causationId: routed.eventId });
    expect(event.message).toContain(routed.complaint.reference);
    expect(event.data).toMatchObject({ sla: { decisionDueAt: new Date(RECEIVED.getTime() + 15 * DAY).toISOString() } });
  });

  it('gives an urgent complaint a first-feedback clock of 24 hours, and a case the router assigned to its handler', async () => {
    const { cases, openCase } = setUp();
    const routed = routedComplaint({ receivedAt: RECEIVED, priority: 'P1' });
    routed.routing.assignee = 'agent-7';

    await openCase.execute(routed);

    const { case: opened } = cases.stored(routed.complaint.reference)!;
    expect(opened.sla.feedbackDueAt).toEqual(new Date(RECEIVED.getTime() + 24 * HOUR));
    expect(opened).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-7' });
  });

  it('opens a redelivered complaint once: the second delivery changes and publishes nothing', async () => {
    const { cases, relay, openCase } = setUp();
    const routed = routedComplaint({ receivedAt: RECEIVED });

    await openCase.execute(routed);
    const again = await openCase.execute(routed);
    const inOneBatch = await openCase.executeAll([routed, routed]);

    expect(again).toEqual({ reference: routed.complaint.reference, created: false });
    expect(inOneBatch.map((o) => o.created)).toEqual([false, false]);
    expect(relay.published.map((e) => e.eventType)).toEqual(['case.opened']);
    expect(await cases.auditTrail(routed.complaint.reference)).toHaveLength(1);
  });

  it('opens a complaint named twice in one batch once, by its first delivery', async () => {
    const { relay, openCase } = setUp();
    const routed = routedComplaint({ receivedAt: RECEIVED });

    const results = await openCase.executeAll([routed, routed]);

    expect(results.map((o) => o.created)).toEqual([true, false]);
    expect(relay.published).toHaveLength(1);
  });

  it("merges a verified repeat complaint into the customer's open case instead of opening another", async () => {
    const { cases, relay, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED, priority: 'P3' });
    await openCase.execute(first);
    const repeat = repeatOf(first, true, 'P2');

    const result = await openCase.execute(repeat);

    expect(result).toEqual({ reference: first.complaint.reference, created: false });
    expect(cases.stored(repeat.complaint.reference)).toBeUndefined();
    const merged = cases.stored(first.complaint.reference)!.case;
    expect(merged.priority).toBe('P2');
    expect(merged.lifecycle.linkedComplaints.map((l) => l.reference)).toEqual([repeat.complaint.reference]);
    // The repeat's own reference still finds the case.
    expect((await cases.findByReference(repeat.complaint.reference))?.case.reference).toBe(first.complaint.reference);
    expect(relay.published.map((e) => [e.eventType, e.customerVisible])).toEqual([
      ['case.opened', true],
      ['case.linked_complaint', true],
    ]);
  });

  it('merges a redelivered repeat once', async () => {
    const { relay, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED });
    const repeat = repeatOf(first);
    await openCase.executeAll([first, repeat]);

    const again = await openCase.execute(repeat);

    expect(again).toEqual({ reference: first.complaint.reference, created: false });
    expect(relay.published.map((e) => e.eventType)).toEqual(['case.opened', 'case.linked_complaint']);
  });

  it('merges a repeat into a case opened earlier in the same batch, and opens the others in order', async () => {
    const { cases, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED });
    const other = routedComplaint({ receivedAt: RECEIVED });
    const repeat = repeatOf(first);
    const last = routedComplaint({ receivedAt: RECEIVED });

    const results = await openCase.executeAll([first, other, repeat, last]);

    expect(results).toEqual([
      { reference: first.complaint.reference, created: true },
      { reference: other.complaint.reference, created: true },
      { reference: first.complaint.reference, created: false },
      { reference: last.complaint.reference, created: true },
    ]);
    expect(cases.stored(first.complaint.reference)!.case.lifecycle.linkedComplaints).toHaveLength(1);
  });

  it('opens a case of its own for a repeat whose channel did not verify the customer', async () => {
    const { cases, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED });
    await openCase.execute(first);
    const repeat = repeatOf(first, false);

    expect(await openCase.execute(repeat)).toEqual({ reference: repeat.complaint.reference, created: true });
    expect(cases.stored(first.complaint.reference)!.case.lifecycle.linkedComplaints).toEqual([]);
  });

  it('opens a case of its own for a repeat of a withdrawn case, or of a case it cannot find', async () => {
    const { cases, relay, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED });
    await openCase.execute(first);
    const staff = { id: 'sup-1', roles: ['supervisor'], canSee: () => true };
    await new ActOnCaseUseCase(cases, new FixedClock(RECEIVED), DEFAULT_SLA_POLICY, relay).execute(staff, first.complaint.reference, {
      action: 'withdraw',
      reason: 'the customer withdrew it',
    });
    const toWithdrawn = repeatOf(first);
    const toUnknown = repeatOf(routedComplaint({ receivedAt: RECEIVED }));

    const results = await openCase.executeAll([toWithdrawn, toUnknown]);

    expect(results).toEqual([
      { reference: toWithdrawn.complaint.reference, created: true },
      { reference: toUnknown.complaint.reference, created: true },
    ]);
    expect(cases.stored(first.complaint.reference)!.case.lifecycle.linkedComplaints).toEqual([]);
  });

  it('keeps nothing of a batch whose store write fails, and publishes nothing', async () => {
    const { cases, relay, openCase } = setUp();
    const first = routedComplaint({ receivedAt: RECEIVED });
    await openCase.execute(first);
    relay.published.length = 0;
    const repeat = repeatOf(first);
    // Another complaint already holds the reference of the batch's last complaint: the store refuses it.
    const clash = routedComplaint({ receivedAt: RECEIVED });
    clash.complaint.reference = first.complaint.reference;

    await expect(openCase.executeAll([repeat, clash])).rejects.toThrow(/already used/);

    expect(cases.stored(first.complaint.reference)!.case.lifecycle.linkedComplaints).toEqual([]);
    expect(cases.pendingEvents()).toEqual([]);
    expect(relay.published).toEqual([]);
  });

  it('tells the caller when the store does not answer, and wakes no relay', async () => {
    const { cases, relay, openCase } = setUp();
    cases.unavailable = new Error('connection refused');

    await expect(openCase.execute(routedComplaint({ receivedAt: RECEIVED }))).rejects.toThrow('connection refused');
    expect(relay.published).toEqual([]);
  });
});
