import * as a from './case-actions';
import { ActionForbiddenError, CaseConflictError, InvalidTransitionError } from './case-errors';
import { agent, auditor, caseFixture, inStatus, protection, supervisor } from './testing/case.fixture';

const now = new Date('2026-11-02T10:00:00.000Z');

describe('case actions', () => {
  it('claims a new case for the caller and records the status change', () => {
    const { case: c, events } = a.claim(caseFixture(), agent);
    expect(c).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-1' });
    expect(events).toEqual([
      { kind: 'claimed', customerVisible: false, data: { assignee: 'agent-1', previousAssignee: null, from: 'RECEIVED', to: 'ASSIGNED' } },
    ]);
    expect(() => a.claim(c, agent)).toThrow(CaseConflictError);
  });

  it('starts work on an assigned case', () => {
    const { case: c, events } = a.start(inStatus('ASSIGNED'), agent);
    expect(c.status).toBe('IN_PROGRESS');
    expect(events).toEqual([{ kind: 'status_changed', customerVisible: false, data: { from: 'ASSIGNED', to: 'IN_PROGRESS' } }]);
    expect(() => a.start(c, agent)).toThrow(InvalidTransitionError);
  });

  it('refuses every action to an auditor', () => {
    const c = inStatus('IN_PROGRESS');
    expect(() => a.claim(c, auditor)).toThrow(ActionForbiddenError);
    expect(() => a.addNote(c, auditor, 'x')).toThrow(ActionForbiddenError);
    expect(() => a.sendFeedback(c, auditor, now, 'x')).toThrow(ActionForbiddenError);
    expect(() => a.escalate(c, auditor, now, 'x')).toThrow(ActionForbiddenError);
  });

  it('lets supervisors, not agents, assign to someone else', () => {
    expect(() => a.assign(caseFixture(), agent, 'agent-2')).toThrow(ActionForbiddenError);
    expect(a.assign(caseFixture(), supervisor, 'agent-2').case).toMatchObject({ status: 'ASSIGNED', assignee: 'agent-2' });
  });

  it('moves a case off a departed handler to another, or back to the queue, for the system but not for an agent', () => {
    const router = { type: 'system' as const, id: 'router', roles: ['system'] };
    const held = { ...inStatus('IN_PROGRESS'), assignee: 'h-1' };
    const moved = a.moveOffHandler(held, router, 'h-2', 'handler_inactive');
    expect(moved.case).toMatchObject({ status: 'IN_PROGRESS', assignee: 'h-2' });
    expect(moved.events).toEqual([
      { kind: 'assigned', customerVisible: false, data: { assignee: 'h-2', previousAssignee: 'h-1', reason: 'handler_inactive' } },
    ]);

    const queued = a.moveOffHandler({ ...inStatus('ASSIGNED'), assignee: 'h-1' }, router, null, 'handler_unfit');
    expect(queued.case).toMatchObject({ status: 'RECEIVED', assignee: null });
    expect(queued.events[0].data).toEqual({
      assignee: null,
      previousAssignee: 'h-1',
      reason: 'handler_unfit',
      from: 'ASSIGNED',
      to: 'RECEIVED',
    });

    expect(() => a.moveOffHandler(held, agent, 'h-2', 'handler_inactive')).toThrow(ActionForbiddenError);
    expect(() => a.moveOffHandler({ ...inStatus('CLOSED'), assignee: 'h-1' }, router, 'h-2', 'handler_inactive')).toThrow(
      InvalidTransitionError,
    );
  });

  it('stops the feedback clock at the first feedback only', () => {
    const first = a.sendFeedback(inStatus('ASSIGNED'), agent, now, 'we are on it');
    expect(first.case).toMatchObject({ status: 'IN_PROGRESS', sla: { firstFeedbackAt: now } });
    expect(first.events[0]).toMatchObject({ kind: 'feedback_sent', customerVisible: true, message: 'we are on it', data: { first: true } });
    const second = a.sendFeedback(first.case, agent, new Date(now.getTime() + 1000), 'update');
    expect(second.case.sla.firstFeedbackAt).toEqual(now);
    expect(second.events[0].data).toEqual({ first: false });
  });

  it('keeps internal notes internal and refuses them on archived cases', () => {
    expect(a.addNote(inStatus('CLOSED'), agent, 'n').events[0]).toMatchObject({ kind: 'note_added', customerVisible: false });
    expect(() => a.addNote(inStatus('ARCHIVED'), supervisor, 'n')).toThrow(InvalidTransitionError);
  });

  it('takes the proposed resolution as the decision', () => {
    const { case: c, events } = a.proposeResolution(inStatus('IN_PROGRESS'), agent, now, 'refund');
    expect(c).toMatchObject({
      status: 'RESPONDED',
      sla: { decidedAt: now, firstFeedbackAt: now },
      lifecycle: { resolution: { proposal: 'refund', proposedBy: 'agent-1' } },
    });
    expect(events[0]).toMatchObject({ kind: 'resolution_proposed', customerVisible: true });
    expect(a.resolve(c, agent).events[0]).toMatchObject({
      kind: 'resolved',
      message: 'refund',
      data: { from: 'RESPONDED', to: 'RESOLVED' },
    });
  });

  it('closes with root cause and corrective action', () => {
    const { case: c, events } = a.close(inStatus('RESOLVED'), agent, now, { rootCause: 'rc', correctiveAction: 'ca' });
    expect(c).toMatchObject({
      status: 'CLOSED',
      lifecycle: { closure: { rootCause: 'rc', correctiveAction: 'ca', closedBy: 'agent-1', closedAt: now } },
    });
    expect(events[0]).toMatchObject({ kind: 'closed', customerVisible: true });
  });

  it('resolves on a satisfied customer and reopens and escalates on a dissatisfied one', () => {
    const happy = a.recordSatisfaction(inStatus('RESPONDED'), agent, now, 5, 'thanks');
    expect(happy.case.status).toBe('RESOLVED');
    expect(happy.events.map((e) => e.kind)).toEqual(['satisfaction_recorded']);

    const unhappy = a.recordSatisfaction(inStatus('CLOSED'), agent, now, 2, 'no');
    expect(unhappy.case).toMatchObject({
      status: 'ESCALATED',
      escalation: true,
      lifecycle: { reopenCount: 1, satisfaction: [{ score: 2, comment: 'no' }] },
    });
    expect(unhappy.events.map((e) => e.kind)).toEqual(['satisfaction_recorded', 'reopened', 'escalated']);
    expect(unhappy.events[2].data).toMatchObject({ escalatedTo: 'CONSUMER_PROTECTION', from: 'REOPENED', to: 'ESCALATED' });

    expect(() => a.recordSatisfaction(inStatus('IN_PROGRESS'), agent, now, 1)).toThrow(InvalidTransitionError);
    expect(() => a.recordSatisfaction(inStatus('RESPONDED'), agent, now, 6)).toThrow(CaseConflictError);
  });

  it('records mediation with its organisation and outcome', () => {
    const referred = a.referToMediation(inStatus('IN_PROGRESS'), agent, now, { organisation: 'Mediation Centre', mediator: 'Ms Wang' });
    expect(referred.case).toMatchObject({
      status: 'MEDIATION',
      lifecycle: { mediation: { organisation: 'Mediation Centre', mediator: 'Ms Wang', referredAt: now } },
    });
    const failed = a.concludeMediation(referred.case, agent, now, 'not_settled', 'no deal');
    expect(failed.case).toMatchObject({
      status: 'IN_PROGRESS',
      lifecycle: { mediation: { outcome: 'not_settled' } },
      sla: { decidedAt: null },
    });
    const settled = a.concludeMediation(referred.case, agent, now, 'settled', 'half refund');
    expect(settled.case).toMatchObject({ status: 'RESOLVED', sla: { decidedAt: now } });
  });

  it('withdraws open cases and archives closed or withdrawn ones (supervisors and up)', () => {
    const withdrawn = a.withdraw(inStatus('IN_PROGRESS'), agent, now, 'customer called');
    expect(withdrawn.case).toMatchObject({ status: 'WITHDRAWN', lifecycle: { withdrawal: { reason: 'customer called' } } });
    expect(() => a.archive(withdrawn.case, agent)).toThrow(ActionForbiddenError);
    expect(a.archive(withdrawn.case, protection).case.status).toBe('ARCHIVED');
    expect(() => a.archive(inStatus('RESOLVED'), supervisor)).toThrow(InvalidTransitionError);
  });
});
