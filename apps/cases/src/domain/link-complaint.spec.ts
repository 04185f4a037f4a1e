import { acceptsLinkedComplaints, linkComplaint } from './link-complaint';
import { openCase } from './case';
import { DEFAULT_SLA_POLICY, HOUR } from './sla-policy';
import { routedComplaint } from './testing/case.fixture';

describe('linking a repeat complaint into its open case', () => {
  const now = new Date('2026-11-29T08:00:00Z');

  it('records it with its own reference, raises the priority and tells the customer, once', () => {
    const { case: open } = openCase(routedComplaint({ priority: 'P3' }));
    const repeat = routedComplaint({ priority: 'P2' });
    const change = linkComplaint(open, repeat, now);
    expect(change.case.priority).toBe('P2');
    expect(change.case.status).toBe(open.status);
    expect(change.case.lifecycle.linkedComplaints).toEqual([
      { reference: repeat.complaint.reference, complaintId: repeat.complaint.complaintId, channel: repeat.complaint.channel, at: now },
    ]);
    expect(change.events).toHaveLength(1);
    expect(change.events[0]).toMatchObject({ kind: 'linked_complaint', customerVisible: true });
    expect(change.events[0].message).toContain(repeat.complaint.reference);
    expect(linkComplaint(change.case, repeat, now).events).toEqual([]);
  });

  it('never lowers the priority', () => {
    const { case: open } = openCase(routedComplaint({ priority: 'P1' }));
    expect(linkComplaint(open, routedComplaint({ priority: 'P3' }), now).case.priority).toBe('P1');
  });

  it('moves the first-feedback clock to the raised priority while no feedback was given', () => {
    const policy = { ...DEFAULT_SLA_POLICY, feedbackHours: { P1: 12, P2: 36, P3: 72 } };
    const { case: open } = openCase(routedComplaint({ priority: 'P3' }), policy);
    const warned = { ...open, sla: { ...open.sla, alerts: { ...open.sla.alerts, feedbackWarnedAt: now } } };
    const change = linkComplaint(warned, routedComplaint({ priority: 'P1' }), now, policy);
    expect(change.case.sla.feedbackDueAt).toEqual(new Date(open.receivedAt.getTime() + 12 * HOUR));
    expect(change.case.sla.alerts.feedbackWarnedAt).toBeNull();
    expect(change.case.sla.decisionDueAt).toEqual(open.sla.decisionDueAt);
    expect(change.events[0].data).toMatchObject({
      priority: 'P1',
      previousPriority: 'P3',
      feedbackDueAt: change.case.sla.feedbackDueAt.toISOString(),
    });
  });

  it('leaves the first-feedback clock alone once feedback was given, or when the priority stays', () => {
    const policy = { ...DEFAULT_SLA_POLICY, feedbackHours: { P1: 12, P2: 36, P3: 72 } };
    const { case: open } = openCase(routedComplaint({ priority: 'P3' }), policy);
    const answered = { ...open, sla: { ...open.sla, firstFeedbackAt: now } };
    expect(linkComplaint(answered, routedComplaint({ priority: 'P1' }), now, policy).case.sla).toEqual(answered.sla);
    const same = linkComplaint(open, routedComplaint({ priority: 'P3' }), now, policy);
    expect(same.case.sla).toBe(open.sla);
    expect(same.events[0].data).not.toHaveProperty('feedbackDueAt');
  });

  it('merges only into cases still being worked', () => {
    const { case: open } = openCase(routedComplaint({}));
    expect(acceptsLinkedComplaints(open)).toBe(true);
    for (const status of ['CLOSED', 'ARCHIVED', 'WITHDRAWN'] as const) expect(acceptsLinkedComplaints({ ...open, status })).toBe(false);
  });
});
