import { foldComplaintFact, HOUR_MS, pausedWithin } from './complaint-fact';
import { ComplaintStory } from './testing/analytics-event.fixture';

const ID = '11111111-1111-4111-8111-111111111111';
// 2026-10-15 17:00 UTC is 2026-10-16 01:00 in Shanghai.
const RECEIVED = '2026-10-15T17:00:00.000Z';

/** Odd positions first, then even ones: the routed event lands after case events. */
function interleaved<T>(items: readonly T[]): T[] {
  return [...items.filter((_, i) => i % 2 === 1), ...items.filter((_, i) => i % 2 === 0)];
}

describe('foldComplaintFact', () => {
  it('counts the Shanghai day of receipt and takes the categories from the routing', () => {
    const fact = foldComplaintFact(ID, new ComplaintStory(ID, RECEIVED).received({ region: 'Shanghai' }).routed().events);
    expect(fact).toMatchObject({
      receivedDay: '2026-10-16',
      channel: 'web',
      product: 'CREDIT_CARD',
      reason: 'FEES',
      servicePoint: 'ONLINE',
      department: 'CARD_CENTER',
      region: 'Shanghai',
      hasCase: false,
    });
  });

  it('takes paused time out of the times to first feedback, decision and resolution', () => {
    // Opened at 0.1 h; paused from 10 h to 30 h (20 h); first feedback at 50 h -> 30 h net;
    // resolution proposed at 100 h -> 80 h net; resolved at 120 h -> 100 h net.
    const story = new ComplaintStory(ID, RECEIVED)
      .received()
      .routed()
      .case('opened', 0.1)
      .case('clock_paused', 10, {})
      .case('clock_resumed', 30, { pausedMs: 20 * HOUR_MS })
      .case('feedback_sent', 50, { first: true }, 'IN_PROGRESS')
      .case('resolution_proposed', 100, {}, 'RESPONDED')
      .case('resolved', 120, {}, 'RESOLVED');
    const fact = foldComplaintFact(ID, story.events);
    expect(fact.pausedMs).toBe(20 * HOUR_MS);
    expect(fact.feedbackMs).toBe(30 * HOUR_MS);
    expect(fact.decisionMs).toBe(80 * HOUR_MS);
    expect(fact.resolutionMs).toBe(100 * HOUR_MS);
    expect(fact.everResolved).toBe(true);
  });

  it('gives the same row whatever order the events arrive in (a case event before the routing)', () => {
    const story = new ComplaintStory(ID, RECEIVED)
      .received()
      .routed({ priority: 'P3' })
      .case('opened', 0.1, {}, undefined, { priority: 'P3' })
      .case('feedback_sent', 5, { first: true }, 'IN_PROGRESS', { priority: 'P1' })
      .case('extension_approved', 200, { toDays: 30 }, undefined, { priority: 'P1' });
    const inOrder = foldComplaintFact(ID, story.events);
    expect(foldComplaintFact(ID, [...story.events].reverse())).toEqual(inOrder);
    expect(foldComplaintFact(ID, interleaved(story.events))).toEqual(inOrder);
    // Linking raised the priority on the case: the case's snapshot wins over the routing, whenever it arrived.
    expect(inOrder.priority).toBe('P1');
    expect(inOrder.extensions).toBe(1);
    expect(inOrder.extendedToDays).toBe(30);
  });

  it('counts only the resolution still standing after a reopening, and every reopening', () => {
    const story = new ComplaintStory(ID, RECEIVED)
      .received()
      .routed()
      .case('opened', 0.1)
      .case('resolution_proposed', 20, {}, 'RESPONDED')
      .case('resolved', 24, {}, 'RESOLVED')
      .case('satisfaction_recorded', 30, { score: 1 })
      .case('reopened', 30, {}, 'REOPENED')
      .case('escalated', 30, {}, 'ESCALATED');
    const reopened = foldComplaintFact(ID, story.events);
    expect(reopened).toMatchObject({
      reopenCount: 1,
      resolvedAt: null,
      resolutionMs: null,
      everResolved: true,
      escalated: true,
      satisfactionScore: 1,
      decisionMs: 20 * HOUR_MS,
    });

    story
      .case('resolution_proposed', 60, {}, 'RESPONDED')
      .case('resolved', 72, {}, 'RESOLVED')
      .case('satisfaction_recorded', 80, { score: 4 });
    const again = foldComplaintFact(ID, story.events);
    expect(again).toMatchObject({ reopenCount: 1, resolutionMs: 72 * HOUR_MS, satisfactionScore: 4, decisionMs: 20 * HOUR_MS });
  });

  it('records breaches per clock, mediation and its outcome, withdrawal, and the closure categories', () => {
    const story = new ComplaintStory(ID, RECEIVED)
      .received()
      .routed()
      .case('opened', 0.1)
      .case('sla_breached', 48, { clock: 'feedback' })
      .case('escalated', 48, {}, 'ESCALATED')
      .case('feedback_sent', 49, { first: true })
      .case('mediation_referred', 60, {}, 'MEDIATION')
      .case('mediation_concluded', 200, { outcome: 'settled' }, 'RESOLVED')
      .case('closed', 210, { rootCause: '开户时未告知小额账户管理费', correctiveAction: '退还管理费并增加告知确认' }, 'CLOSED');
    const fact = foldComplaintFact(ID, story.events);
    expect(fact).toMatchObject({
      feedbackBreaches: 1,
      decisionBreaches: 0,
      escalated: true,
      mediationReferred: true,
      mediationOutcome: 'settled',
      decisionMs: 200 * HOUR_MS,
      resolutionMs: 200 * HOUR_MS,
      closedAt: story.at(210),
      rootCauseCategory: 'DISCLOSURE',
      correctiveActionCategory: 'REFUND_COMPENSATION',
      withdrawn: false,
      feedbackMs: 49 * HOUR_MS,
    });
    expect(
      foldComplaintFact(
        ID,
        new ComplaintStory(ID, RECEIVED).received().routed().case('opened', 0.1).case('withdrawn', 3, {}, 'WITHDRAWN').events,
      ).withdrawn,
    ).toBe(true);
  });

  it('marks a repeat complaint and the case it was merged into, and gives it no case of its own', () => {
    const REPEAT = '22222222-2222-4222-8222-222222222222';
    const story = new ComplaintStory(REPEAT, RECEIVED).received().routed({ linkedCaseReference: 'C20261001-BBBBBB' });
    story.events.push({
      eventId: '33333333-3333-4333-8333-333333333333',
      complaintId: REPEAT,
      topic: 'case',
      offset: 99,
      at: story.at(0.2),
      caseEvent: {
        kind: 'linked_complaint',
        reference: 'C20261001-BBBBBB',
        channel: 'web',
        sourceReceivedAt: '2026-10-01T00:00:00.000Z',
        status: 'IN_PROGRESS',
        department: 'FRAUD',
        priority: 'P1',
        data: { linkedComplaintId: REPEAT },
      },
    });
    const fact = foldComplaintFact(REPEAT, story.events);
    expect(fact).toMatchObject({
      repeat: true,
      linkedCaseReference: 'C20261001-BBBBBB',
      mergedIntoReference: 'C20261001-BBBBBB',
      hasCase: false,
      department: 'CARD_CENTER',
      receivedAt: RECEIVED,
    });
  });

  it('knows the receipt time from a case event alone until the complaint itself arrives', () => {
    const story = new ComplaintStory(ID, RECEIVED).case('opened', 0.1).case('feedback_sent', 2, { first: true }, 'IN_PROGRESS');
    const fact = foldComplaintFact(ID, story.events);
    expect(fact).toMatchObject({ receivedAt: RECEIVED, receivedDay: '2026-10-16', product: null, hasCase: true, feedbackMs: 2 * HOUR_MS });
  });
});

describe('pausedWithin', () => {
  it('counts the overlap of each pause with the interval, a running pause up to its end', () => {
    const pauses = [
      { from: 10, to: 20 },
      { from: 30, to: null },
    ];
    expect(pausedWithin(pauses, 0, 15)).toBe(5);
    expect(pausedWithin(pauses, 0, 40)).toBe(20);
    expect(pausedWithin(pauses, 21, 29)).toBe(0);
  });
});
