import { KpiCounters, zeroCounters } from '../kpi-counters';
import { previousPeriod } from './scorecard-period';
import { parseIsoWeek } from './scorecard-period';
import { rateMeasure, scorecard, ScorecardRow } from './scorecard';
import { DEFAULT_SCORECARD_TARGETS } from './scorecard-targets';

const counters = (c: Partial<KpiCounters>): KpiCounters => ({ ...zeroCounters(), ...c });

// Hand-made counters of two departments in 2026-W48 and the week before.
const CARD_NOW = counters({
  volume: 20,
  cases: 20,
  feedbackWithin48h: 19,
  decided: 18,
  decidedWithin15d: 17,
  breachedComplaints: 1,
  escalated: 2,
  reopened: 1,
  satisfactionResponses: 9,
  satisfactionSum: 36,
  repeat: 0,
});
const CARD_BEFORE = counters({
  volume: 10,
  cases: 10,
  feedbackWithin48h: 8,
  decided: 10,
  decidedWithin15d: 9,
  escalated: 1,
  satisfactionResponses: 4,
  satisfactionSum: 14,
  repeat: 1,
});
const FRAUD_NOW = counters({
  volume: 5,
  cases: 5,
  feedbackWithin48h: 5,
  decided: 5,
  decidedWithin15d: 5,
  satisfactionResponses: 5,
  satisfactionSum: 25,
});

const week = parseIsoWeek('2026-W48')!; // 2026-11-23 .. 2026-11-29, ends 2026-11-29T16:00Z
const input = (asOf: Date) => ({
  period: week,
  previous: previousPeriod(week),
  asOf,
  current: new Map([
    ['CARD_CENTER', CARD_NOW],
    ['FRAUD', FRAUD_NOW],
  ]),
  prior: new Map([['CARD_CENTER', CARD_BEFORE]]),
  targets: DEFAULT_SCORECARD_TARGETS,
});
const settled = new Date('2026-12-20T00:00:00Z'); // more than 15 days after the week

function measures(row: ScorecardRow) {
  return Object.fromEntries(
    row.measures.map((m) => [m.measure, { value: m.value, previous: m.previous, change: m.change, rating: m.rating }]),
  );
}

describe('scorecard', () => {
  it('rates each measure of a department against its targets, with the change from the week before', () => {
    const card = scorecard(input(settled)).departments.find((r) => r.key === 'CARD_CENTER')!;
    expect(card.volume).toEqual({ value: 20, previous: 10, change: 10 });
    expect(card.cases).toEqual({ value: 20, previous: 10, change: 10 });
    expect(measures(card)).toEqual({
      firstFeedbackWithin48h: { value: 0.95, previous: 0.8, change: 0.15, rating: 'met' }, // 19/20 >= 0.95
      decidedWithin15d: { value: 0.85, previous: 0.9, change: -0.05, rating: 'missed' }, // 17/20 < 0.90
      breachRate: { value: 0.05, previous: 0, change: 0.05, rating: 'missed' }, // 1/20 > 0.03
      escalationRate: { value: 0.1, previous: 0.1, change: 0, rating: 'watch' }, // 2/20 <= 0.10
      reopenRate: { value: 0.0556, previous: 0, change: 0.0556, rating: 'watch' }, // 1/18
      satisfactionMean: { value: 4, previous: 3.5, change: 0.5, rating: 'met' }, // 36/9 vs 14/4
      satisfactionResponseRate: { value: 0.5, previous: 0.4, change: 0.1, rating: 'met' }, // 9/18 vs 4/10
      repeatRate: { value: 0, previous: 0.1, change: -0.1, rating: 'met' },
    });
    expect(card.measures[0]).toMatchObject({ target: 0.95, watch: 0.9, higherIsBetter: true, provisional: false });
  });

  it('adds the departments up in the total and lists every department, those without complaints as no-data', () => {
    const card = scorecard(input(settled));
    expect(card).toMatchObject({
      period: '2026-W48',
      from: '2026-11-23',
      to: '2026-11-29',
      previousFrom: '2026-11-16',
      previousTo: '2026-11-22',
    });
    expect(card.total.key).toBe('ALL');
    expect(card.total.volume).toEqual({ value: 25, previous: 10, change: 15 });
    expect(measures(card.total).firstFeedbackWithin48h).toEqual({ value: 0.96, previous: 0.8, change: 0.16, rating: 'met' }); // 24/25
    expect(measures(card.total).satisfactionMean).toEqual({ value: 4.36, previous: 3.5, change: 0.86, rating: 'met' }); // 61/14
    expect(card.departments.map((r) => r.key)).toEqual([
      'CARD_CENTER',
      'RETAIL_BANKING',
      'LENDING',
      'WEALTH',
      'PAYMENTS',
      'DIGITAL',
      'FRAUD',
      'CONSUMER_PROTECTION',
      'CUSTOMER_SERVICE',
    ]);
    const digital = card.departments.find((r) => r.key === 'DIGITAL')!;
    expect(digital.measures.every((m) => m.rating === 'no-data' && m.value === null && m.change === null)).toBe(true);
    const fraud = card.departments.find((r) => r.key === 'FRAUD')!;
    expect(measures(fraud).firstFeedbackWithin48h).toEqual({ value: 1, previous: null, change: null, rating: 'met' });
  });

  it('keeps a timeliness share short of its target pending while its clocks still run', () => {
    const mondayMorning = new Date('2026-11-30T01:00:00+08:00'); // 9 h after the week ended (Shanghai)
    const card = scorecard(input(mondayMorning)).departments.find((r) => r.key === 'CARD_CENTER')!;
    const byName = Object.fromEntries(card.measures.map((m) => [m.measure, m]));
    expect(byName.decidedWithin15d).toMatchObject({ value: 0.85, rating: 'pending', provisional: true });
    expect(byName.firstFeedbackWithin48h).toMatchObject({ value: 0.95, rating: 'met', provisional: true });
    expect(byName.breachRate).toMatchObject({ rating: 'missed', provisional: false });
    // Three days on, the 48 hours are over but not the 15 days.
    const later = scorecard(input(new Date('2026-12-03T00:00:00+08:00'))).total.measures;
    expect(later.filter((m) => m.provisional).map((m) => m.measure)).toEqual(['decidedWithin15d']);
  });

  it('rates lower-is-better measures the other way round', () => {
    const target = { target: 0.05, watch: 0.1 };
    expect([0.05, 0.0501, 0.1, 0.1001].map((v) => rateMeasure(v, target, false, false))).toEqual(['met', 'watch', 'watch', 'missed']);
    expect([0.95, 0.9499, 0.9, 0.8999].map((v) => rateMeasure(v, { target: 0.95, watch: 0.9 }, true, false))).toEqual([
      'met',
      'watch',
      'watch',
      'missed',
    ]);
    expect(rateMeasure(null, target, false, false)).toBe('no-data');
  });
});
