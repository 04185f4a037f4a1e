import { KpiCounters, zeroCounters } from './kpi-counters';
import { calendarDays, kpiSeries } from './kpi-series';

const counters = (values: Partial<KpiCounters>): KpiCounters => ({ ...zeroCounters(), ...values });

describe('daily KPI series', () => {
  it('lists every calendar day of a period, across month and year ends', () => {
    expect(calendarDays('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(calendarDays('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(calendarDays('2026-11-29', '2026-11-29')).toEqual(['2026-11-29']);
  });

  it('gives each group a point per day, zeros where nothing was received, and the share of breached cases', () => {
    const days = calendarDays('2026-11-01', '2026-11-03');
    const series = kpiSeries(days, [
      { day: '2026-11-03', key: 'web', counters: counters({ volume: 2, cases: 2, feedbackWithin48h: 1 }) },
      {
        day: '2026-11-01',
        key: 'hotline',
        counters: counters({ volume: 4, cases: 4, breachedComplaints: 1, feedbackBreaches: 1, decisionBreaches: 1, decidedWithin15d: 3 }),
      },
      { day: '2026-11-01', key: 'hotline', counters: counters({ volume: 1, cases: 0 }) },
      { day: '2026-11-02', key: 'wechat', counters: counters({}) },
    ]);
    expect(series.map((s) => s.key)).toEqual(['hotline', 'web']);
    expect(series[0].points).toEqual([
      {
        day: '2026-11-01',
        volume: 5,
        cases: 4,
        firstFeedbackWithin48h: 0,
        decidedWithin15d: 3,
        breaches: { feedback: 1, decision: 1, complaints: 1 },
        breachedShare: 0.25,
      },
      {
        day: '2026-11-02',
        volume: 0,
        cases: 0,
        firstFeedbackWithin48h: 0,
        decidedWithin15d: 0,
        breaches: { feedback: 0, decision: 0, complaints: 0 },
        breachedShare: null,
      },
      {
        day: '2026-11-03',
        volume: 0,
        cases: 0,
        firstFeedbackWithin48h: 0,
        decidedWithin15d: 0,
        breaches: { feedback: 0, decision: 0, complaints: 0 },
        breachedShare: null,
      },
    ]);
    expect(series[1].points.map((p) => p.volume)).toEqual([0, 0, 2]);
    expect(series[1].points[2]).toMatchObject({ firstFeedbackWithin48h: 1, breachedShare: 0 });
  });
});
