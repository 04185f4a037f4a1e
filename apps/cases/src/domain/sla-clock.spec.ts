import { checkClocks, decideExtension, pauseClock, requestExtension, resumeClock, nextWatchAt } from './case-clock-actions';
import { SYSTEM_ACTOR } from './case-actor';
import { ActionForbiddenError, CaseConflictError, InvalidTransitionError } from './case-errors';
import { effectiveDecisionDueAt } from './sla-clock';
import { DEFAULT_SLA_POLICY, startClocks } from './sla-policy';
import { agent, caseFixture, inStatus, protection, staff, supervisor } from './testing/case.fixture';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const received = new Date('2026-11-01T00:00:00.000Z');
const at = (ms: number) => new Date(received.getTime() + ms);

describe('SLA clocks', () => {
  it('start at receipt: feedback per priority, decision in 15 days', () => {
    const policy = { ...DEFAULT_SLA_POLICY, feedbackHours: { P1: 12, P2: 48, P3: 72 } };
    expect(startClocks(received, 'P1', policy).feedbackDueAt).toEqual(at(12 * HOUR));
    expect(startClocks(received, 'P3', policy).feedbackDueAt).toEqual(at(72 * HOUR));
    expect(startClocks(received, 'P2', policy)).toMatchObject({ decisionDueAt: at(15 * DAY), decisionDeadlineDays: 15 });
  });

  it('pause the decision clock: the due time moves by the pause', () => {
    const c = inStatus('IN_PROGRESS');
    const paused = pauseClock(c, agent, at(2 * DAY), 'external appraisal').case;
    expect(effectiveDecisionDueAt(paused.sla, at(5 * DAY))).toEqual(at(18 * DAY));
    expect(() => pauseClock(paused, agent, at(3 * DAY), 'again')).toThrow(CaseConflictError);
    const resumed = resumeClock(paused, agent, at(6 * DAY));
    expect(resumed.case.sla.decisionDueAt).toEqual(at(19 * DAY));
    expect(resumed.case.sla.pauses).toEqual([{ from: at(2 * DAY), to: at(6 * DAY), reason: 'external appraisal', by: 'agent-1' }]);
    expect(resumed.events[0]).toMatchObject({ kind: 'clock_resumed', data: { pausedMs: 4 * DAY } });
    expect(() => resumeClock(resumed.case, agent, at(7 * DAY))).toThrow(CaseConflictError);
    expect(() => pauseClock(inStatus('CLOSED'), agent, at(DAY), 'x')).toThrow(InvalidTransitionError);
  });

  describe('extensions', () => {
    const requested = (toDays: number) => requestExtension(inStatus('IN_PROGRESS'), agent, at(DAY), toDays, 'need records').case;

    it('go to 30 days with a supervisor approval', () => {
      const c = requested(30);
      expect(c.sla.pendingExtension).toMatchObject({ toDays: 30, requestedBy: 'agent-1' });
      expect(() => decideExtension(c, staff('agent-2', 'agent'), at(2 * DAY), true)).toThrow(ActionForbiddenError);
      const approved = decideExtension(c, supervisor, at(2 * DAY), true);
      expect(approved.case.sla).toMatchObject({
        decisionDeadlineDays: 30,
        decisionDueAt: at(30 * DAY),
        pendingExtension: null,
        extensions: [{ toDays: 30, approvedBy: 'sup-1' }],
      });
      expect(approved.events[0]).toMatchObject({ kind: 'extension_approved', customerVisible: true });
    });

    it('go to 60 days only with consumer protection or an admin', () => {
      const c = requested(60);
      expect(() => decideExtension(c, supervisor, at(2 * DAY), true)).toThrow(ActionForbiddenError);
      expect(decideExtension(c, protection, at(2 * DAY), true).case.sla.decisionDueAt).toEqual(at(60 * DAY));
      expect(decideExtension(c, staff('admin-1', 'admin'), at(2 * DAY), true).case.sla.decisionDeadlineDays).toBe(60);
    });

    it('are never approved by their requester, and rejections keep the deadline', () => {
      const c = requestExtension(inStatus('IN_PROGRESS'), supervisor, at(DAY), 30, 'x').case;
      expect(() => decideExtension(c, supervisor, at(2 * DAY), true)).toThrow(/someone other/);
      const rejected = decideExtension(c, staff('sup-2', 'supervisor'), at(2 * DAY), false, 'no');
      expect(rejected.case.sla).toMatchObject({ decisionDeadlineDays: 15, pendingExtension: null });
      expect(rejected.events[0].kind).toBe('extension_rejected');
    });

    it('refuse other lengths, shortening, and a second pending request', () => {
      expect(() => requested(45)).toThrow(/toDays/);
      const c = requested(30);
      expect(() => requestExtension(c, agent, at(DAY), 60, 'x')).toThrow(/already waiting/);
      const thirty = decideExtension(c, supervisor, at(DAY), true).case;
      expect(() => requestExtension(thirty, agent, at(DAY), 30, 'x')).toThrow(/already 30 days/);
      expect(() => decideExtension(thirty, supervisor, at(DAY), true)).toThrow(/no extension request/);
    });
  });

  describe('watcher', () => {
    const policy = DEFAULT_SLA_POLICY;

    it('warns before the feedback deadline, then reports the breach once and escalates', () => {
      const c = caseFixture(received);
      expect(checkClocks(c, SYSTEM_ACTOR, at(30 * HOUR), policy).events).toEqual([]);
      expect(nextWatchAt(c, policy)).toEqual(at(36 * HOUR));
      const warned = checkClocks(c, SYSTEM_ACTOR, at(37 * HOUR), policy);
      expect(warned.events).toEqual([
        {
          kind: 'sla_warning',
          customerVisible: false,
          data: { clock: 'feedback', dueAt: at(48 * HOUR).toISOString(), notify: ['supervisor', 'CONSUMER_PROTECTION'] },
        },
      ]);
      expect(checkClocks(warned.case, SYSTEM_ACTOR, at(38 * HOUR), policy).events).toEqual([]);
      expect(nextWatchAt(warned.case, policy)).toEqual(at(48 * HOUR));

      const breached = checkClocks(warned.case, SYSTEM_ACTOR, at(49 * HOUR), policy);
      expect(breached.events.map((e) => e.kind)).toEqual(['sla_breached', 'escalated']);
      expect(breached.case).toMatchObject({
        status: 'ESCALATED',
        escalation: true,
        lifecycle: { escalations: [{ by: 'sla-watcher', to: 'CONSUMER_PROTECTION' }] },
      });
      expect(checkClocks(breached.case, SYSTEM_ACTOR, at(50 * HOUR), policy).events).toEqual([]);
      // Next: the decision warning, 48 h before day 15.
      expect(nextWatchAt(breached.case, policy)).toEqual(at(13 * DAY));
    });

    it('reports a breach on an escalated case without escalating it again', () => {
      const c = caseFixture(received, { status: 'ESCALATED', sla: { ...startClocks(received, 'P2'), firstFeedbackAt: at(HOUR) } });
      const result = checkClocks(c, SYSTEM_ACTOR, at(16 * DAY), policy);
      expect(result.events.map((e) => e.kind)).toEqual(['sla_breached']);
      expect(result.events[0].data).toMatchObject({ clock: 'decision' });
    });

    it('does not run the decision clock while it is paused, nor watch cases that are no longer open', () => {
      const paused = pauseClock(
        inStatus('IN_PROGRESS', { sla: { ...startClocks(received, 'P2'), firstFeedbackAt: at(HOUR) } }),
        agent,
        at(DAY),
        'appraisal',
      ).case;
      expect(checkClocks(paused, SYSTEM_ACTOR, at(20 * DAY), policy).events).toEqual([]);
      expect(nextWatchAt(paused, policy)).toBeNull();
      const closed = inStatus('CLOSED');
      expect(checkClocks(closed, SYSTEM_ACTOR, at(40 * DAY), policy).events).toEqual([]);
      expect(nextWatchAt(closed, policy)).toBeNull();
    });
  });
});
