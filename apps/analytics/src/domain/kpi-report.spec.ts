import { foldComplaintFact, HOUR_MS } from './complaint-fact';
import { summariseFacts } from './kpi-report';
import { ComplaintStory } from './testing/analytics-event.fixture';

const DAY = 24;
const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const RECEIVED = '2026-10-10T02:00:00.000Z';

/**
 * Five complaints worked out by hand:
 * A: feedback at 10 h, decision at 5 d, resolved at 6 d, satisfied (5).
 * B: paused 30 h before its feedback at 60 h (30 h net: timely); decided at 20 d with 4 d paused (16 d net: late);
 *    an approved extension to 30 d; resolved at 20 d; score 2, so reopened, escalated, resolved again at 25 d (21 d net).
 * C: feedback breached at 48 h, feedback at 70 h (late); referred to mediation, not settled; still open.
 * D: a repeat complaint merged into A's case (no case of its own).
 * E: opened, then withdrawn at 1 h.
 */
function facts() {
  const a = new ComplaintStory(id(1), RECEIVED)
    .received()
    .routed()
    .case('opened', 0.1)
    .case('feedback_sent', 10, { first: true }, 'IN_PROGRESS')
    .case('resolution_proposed', 5 * DAY, {}, 'RESPONDED')
    .case('resolved', 6 * DAY, {}, 'RESOLVED')
    .case('satisfaction_recorded', 6 * DAY + 1, { score: 5 })
    .case('closed', 7 * DAY, { rootCause: '系统故障', correctiveAction: '修复系统' }, 'CLOSED');
  const b = new ComplaintStory(id(2), RECEIVED)
    .received()
    .routed({ reason: 'PROCESS' })
    .case('opened', 0.1)
    .case('clock_paused', 10)
    .case('clock_resumed', 40, { pausedMs: 30 * HOUR_MS })
    .case('feedback_sent', 60, { first: true }, 'IN_PROGRESS')
    .case('clock_paused', 100)
    .case('clock_resumed', 100 + 4 * DAY - 30)
    .case('extension_approved', 10 * DAY, { toDays: 30 })
    .case('resolution_proposed', 20 * DAY, {}, 'RESPONDED')
    .case('resolved', 20 * DAY, {}, 'RESOLVED')
    .case('satisfaction_recorded', 21 * DAY, { score: 2 })
    .case('reopened', 21 * DAY, {}, 'REOPENED')
    .case('escalated', 21 * DAY, {}, 'ESCALATED')
    .case('resolution_proposed', 25 * DAY, {}, 'RESPONDED')
    .case('resolved', 25 * DAY, {}, 'RESOLVED');
  const c = new ComplaintStory(id(3), RECEIVED)
    .received()
    .routed({ reason: 'PROCESS' })
    .case('opened', 0.1)
    .case('sla_breached', 48, { clock: 'feedback' })
    .case('escalated', 48, {}, 'ESCALATED')
    .case('feedback_sent', 70, { first: true })
    .case('mediation_referred', 80, {}, 'MEDIATION')
    .case('mediation_concluded', 300, { outcome: 'not_settled' }, 'IN_PROGRESS');
  const d = new ComplaintStory(id(4), RECEIVED).received().routed({ linkedCaseReference: 'C20261010-AAAAAA' });
  const e = new ComplaintStory(id(5), RECEIVED)
    .received()
    .routed({ reason: 'PROCESS' })
    .case('opened', 0.1)
    .case('withdrawn', 1, {}, 'WITHDRAWN');
  return [a, b, c, d, e].map((s) => foldComplaintFact(s.complaintId, s.events));
}

describe('summariseFacts (hand-computed)', () => {
  const kpis = summariseFacts('*', facts());

  it('volume, cases, repeat and withdrawn', () => {
    expect(kpis.volume).toBe(5);
    expect(kpis.cases).toBe(4);
    expect(kpis.repeat).toEqual({ repeat: 1, rate: 0.2 });
    expect(kpis.withdrawn).toBe(1);
    expect(kpis.closed).toBe(1);
  });

  it('first feedback within 48 h, with paused time excluded, over the cases opened', () => {
    // A 10 h and B 30 h net are timely; C 70 h is late; E never had feedback.
    expect(kpis.firstFeedback.given).toBe(3);
    expect(kpis.firstFeedback.within48h).toBe(2);
    expect(kpis.firstFeedback.shareWithin48h).toBe(0.5);
    // Median of 10, 30, 70 h is 30 h; p90 is 30 + 0.8 * 40 = 62 h. From the histogram, each value counts at the
    // middle of its 1 h bucket (10.5, 30.5, 70.5 h): 30.5 h and 62.5 h, within the 1 h bucket width of the exact ones.
    expect(kpis.firstFeedback.medianHours).toBe(30.5);
    expect(kpis.firstFeedback.p90Hours).toBe(62.5);
  });

  it('decisions within 15 days, extensions not counted', () => {
    // A decided at 5 d; B at 20 d minus 30 h and 4 d - 30 h paused = 16 d: late.
    expect(kpis.decision).toEqual({ decided: 2, within15d: 1, shareWithin15d: 0.25 });
    expect(kpis.extensions).toEqual({ complaints: 1, granted: 1 });
  });

  it('time to resolution: the standing resolution, paused time excluded', () => {
    // A 6 d = 144 h; B 25 d - 4 d paused = 21 d = 504 h. Median 324 h, p90 144 + 0.9 * 360 = 468 h. From the
    // histogram, at the middles of their 6 h buckets (147 h, 507 h): 327 h and 471 h, within the 6 h width.
    expect(kpis.resolution.resolved).toBe(2);
    expect(kpis.resolution.medianHours).toBe(327);
    expect(kpis.resolution.p90Hours).toBe(471);
  });

  it('breaches, escalations, mediation, reopenings and satisfaction', () => {
    expect(kpis.breaches).toEqual({ feedback: 1, decision: 0, complaints: 1 });
    expect(kpis.escalation).toEqual({ escalated: 2, rate: 0.4 });
    expect(kpis.mediation).toEqual({ referred: 1, settled: 0, notSettled: 1 });
    // Reopen rate over the complaints that got a decision (A and B).
    expect(kpis.reopening).toEqual({ reopened: 1, reopens: 1, rate: 0.5 });
    // Latest scores: A 5, B 2 (the 2 stays the answer on record after the reopening).
    expect(kpis.satisfaction).toEqual({
      responses: 2,
      responseRate: 1,
      mean: 3.5,
      distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1 },
    });
  });

  it('counts one satisfaction response per complaint however many answers its case recorded', () => {
    const answeredTwice = new ComplaintStory(id(9), RECEIVED)
      .received()
      .routed()
      .case('opened', 0.1)
      .case('resolution_proposed', 10, {}, 'RESPONDED')
      .case('satisfaction_recorded', 11, { score: 1 })
      .case('satisfaction_recorded', 12, { score: 1 });
    const summary = summariseFacts('x', [foldComplaintFact(id(9), answeredTwice.events)]);
    expect(summary.satisfaction).toMatchObject({ responses: 1, mean: 1, distribution: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });

  it('an empty group has no shares rather than zero ones', () => {
    const empty = summariseFacts('x', []);
    expect(empty.volume).toBe(0);
    expect(empty.firstFeedback.shareWithin48h).toBeNull();
    expect(empty.firstFeedback.medianHours).toBeNull();
    expect(empty.satisfaction.mean).toBeNull();
  });
});
