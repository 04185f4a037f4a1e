import { randomUUID } from 'node:crypto';
import { HandlerReassignmentV1 } from '@complaints/contracts';
import type { Case } from '../../domain/case';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { inStatus } from '../../domain/testing/case.fixture';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryCaseEventsRelay } from '../in-memory/in-memory-case-events.relay';
import { InMemoryCaseRepository } from '../in-memory/in-memory-case.repository';
import { seedCase } from '../in-memory/seed-case';
import { ApplyReassignmentUseCase } from './apply-reassignment.use-case';

const NOW = new Date('2026-11-03T09:00:00.000Z');

function setUp(c: Case) {
  const cases = new InMemoryCaseRepository();
  seedCase(cases, c);
  const relay = new InMemoryCaseEventsRelay(cases);
  return { cases, relay, apply: new ApplyReassignmentUseCase(cases, new FixedClock(NOW), DEFAULT_SLA_POLICY, relay) };
}

function move(c: Case, from: string, to: string | null): HandlerReassignmentV1 {
  return Object.assign(new HandlerReassignmentV1(), {
    eventId: randomUUID(),
    eventType: HandlerReassignmentV1.type,
    eventVersion: 1 as const,
    occurredAt: NOW.toISOString(),
    correlationId: c.complaintId,
    causationId: null,
    source: 'router',
    complaintId: c.complaintId,
    reference: c.reference,
    department: c.department,
    from,
    to,
    reason: 'handler_inactive' as const,
    changedBy: 'admin-1',
  });
}

describe('ApplyReassignmentUseCase', () => {
  it("moves an open case off the handler the router named and publishes the case's assigned", async () => {
    const c = inStatus('IN_PROGRESS', { assignee: 'agent-1' });
    const { cases, relay, apply } = setUp(c);
    const moved = move(c, 'agent-1', 'agent-2');

    expect(await apply.execute(moved)).toBe('moved');

    expect(cases.stored(c.reference)!.case.assignee).toBe('agent-2');
    expect(relay.published.map((e) => [e.eventType, e.causationId, e.actor.id, e.case.assignee])).toEqual([
      ['case.assigned', moved.eventId, 'router', 'agent-2'],
    ]);
  });

  it("puts the case back in the department's queue when nobody fits", async () => {
    const c = inStatus('ASSIGNED', { assignee: 'agent-1' });
    const { cases, apply } = setUp(c);

    expect(await apply.execute(move(c, 'agent-1', null))).toBe('moved');
    expect(cases.stored(c.reference)!.case).toMatchObject({ assignee: null, status: 'RECEIVED' });
  });

  it("applies a redelivered move once: the second finds the case moved ('stale')", async () => {
    const c = inStatus('IN_PROGRESS', { assignee: 'agent-1' });
    const { relay, apply } = setUp(c);
    const moved = move(c, 'agent-1', 'agent-2');
    await apply.execute(moved);

    expect(await apply.execute(moved)).toBe('stale');
    expect(relay.published).toHaveLength(1);
  });

  it('leaves a case staff moved meanwhile, or one no longer open, where it is', async () => {
    const movedByStaff = inStatus('IN_PROGRESS', { assignee: 'agent-3' });
    const closed = inStatus('CLOSED', { assignee: 'agent-1' });
    for (const c of [movedByStaff, closed]) {
      const { cases, relay, apply } = setUp(c);
      expect(await apply.execute(move(c, 'agent-1', 'agent-2'))).toBe('stale');
      expect(cases.stored(c.reference)!.case.assignee).toBe(c.assignee);
      expect(cases.pendingEvents()).toEqual([]);
      expect(relay.published).toEqual([]);
    }
  });

  it("answers 'no-case' for a case this service does not hold", async () => {
    const c = inStatus('IN_PROGRESS', { assignee: 'agent-1' });
    const { apply } = setUp(c);
    expect(await apply.execute({ ...move(c, 'agent-1', 'agent-2'), reference: 'C20261101-W99999' })).toBe('no-case');
  });

  it('tells the caller when the store does not answer, so the move is retried', async () => {
    const c = inStatus('IN_PROGRESS', { assignee: 'agent-1' });
    const { cases, apply } = setUp(c);
    cases.unavailable = new Error('connection refused');

    await expect(apply.execute(move(c, 'agent-1', 'agent-2'))).rejects.toThrow('connection refused');
  });
});
