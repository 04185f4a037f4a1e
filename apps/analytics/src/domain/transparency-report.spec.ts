import { addCounters, zeroCounters } from './kpi-counters';
import { transparencyReport } from './transparency-report';

describe('transparencyReport', () => {
  const counters = addCounters(zeroCounters(), {
    ...zeroCounters(),
    volume: 23,
    cases: 22,
    feedbackWithin48h: 11,
    decidedWithin15d: 20,
    satisfactionResponses: 8,
    satisfactionSum: 31,
    satisfaction3: 1,
    satisfaction4: 4,
    satisfaction5: 3,
  });
  const report = transparencyReport({
    counters,
    byBusinessCategory: { CREDIT_CARD: 12, LOAN: 8, DEPOSIT: 3 },
    byCause: { FEES: 20, OTHER: 3 },
    byRegion: { UNKNOWN: 23 },
    rootCauses: { DISCLOSURE: 6, UNKNOWN: 17 },
    correctiveActions: { REFUND_COMPENSATION: 4, TRAINING: 2, UNKNOWN: 17 },
  });

  it('publishes totals and shares of groups of 5 or more', () => {
    expect(report.complaints).toEqual({ count: 23, suppressed: false });
    expect(report.timeliness).toEqual({
      firstFeedbackWithin48h: { value: 0.5, suppressed: false },
      decidedWithin15Days: { value: 0.9091, suppressed: false },
    });
    expect(report.satisfaction.mean).toEqual({ value: 3.88, suppressed: false });
  });

  it('withholds small cells, and the next smallest where one alone would be recoverable', () => {
    expect(report.byBusinessCategory).toEqual({
      CREDIT_CARD: { count: 12, suppressed: false },
      LOAN: { count: null, suppressed: true, reason: 'protects-another-cell' },
      DEPOSIT: { count: null, suppressed: true, reason: 'fewer-than-5' },
    });
    expect(report.byCause).toEqual({
      FEES: { count: null, suppressed: true, reason: 'protects-another-cell' },
      OTHER: { count: null, suppressed: true, reason: 'fewer-than-5' },
    });
    expect(report.satisfaction.distribution).toEqual({
      '3': { count: null, suppressed: true, reason: 'fewer-than-5' },
      '4': { count: null, suppressed: true, reason: 'fewer-than-5' },
      '5': { count: null, suppressed: true, reason: 'fewer-than-5' },
    });
  });

  it('lists improvements as categories only, leaving out complaints not closed', () => {
    expect(report.improvements).toEqual({
      rootCauses: { DISCLOSURE: { count: 6, suppressed: false } },
      correctiveActions: {
        REFUND_COMPENSATION: { count: null, suppressed: true, reason: 'fewer-than-5' },
        TRAINING: { count: null, suppressed: true, reason: 'fewer-than-5' },
      },
    });
  });

  it('withholds the mean of fewer than 5 answers', () => {
    const few = transparencyReport({
      counters: { ...zeroCounters(), volume: 9, satisfactionResponses: 2, satisfactionSum: 9, satisfaction4: 1, satisfaction5: 1 },
      byBusinessCategory: {},
      byCause: {},
      byRegion: {},
      rootCauses: {},
      correctiveActions: {},
    });
    expect(few.satisfaction.mean).toEqual({ value: null, suppressed: true });
    expect(few.satisfaction.responses).toEqual({ count: null, suppressed: true, reason: 'fewer-than-5' });
  });
});
