import { acceptsLinkedComplaints, linkComplaint } from './link-complaint';
import { openCase } from './case';
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
    expect(change.events[0]!.message).toContain(repeat.complaint.reference);
    expect(linkComplaint(change.case, repeat, now).events).toEqual([]);
  });

  it('never lowers the priority', () => {
    const { case: open } = openCase(routedComplaint({ priority: 'P1' }));
    expect(linkComplaint(open, routedComplaint({ priority: 'P3' }), now).case.priority).toBe('P1');
  });

  it('merges only into cases still being worked', () => {
    const { case: open } = openCase(routedComplaint({}));
    expect(acceptsLinkedComplaints(open)).toBe(true);
    for (const status of ['CLOSED', 'ARCHIVED', 'WITHDRAWN'] as const) expect(acceptsLinkedComplaints({ ...open, status })).toBe(false);
  });
});
