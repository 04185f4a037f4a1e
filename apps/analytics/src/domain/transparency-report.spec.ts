import { KpiCounters, zeroCounters } from './kpi-counters';
import { TransparencyInputs, transparencyReport } from './transparency-report';

const shown = (count: number) => ({ count, suppressed: false });
const small = { count: null, suppressed: true, reason: 'fewer-than-5' };
const secondary = { count: null, suppressed: true, reason: 'protects-another-cell' };

function month(counters: Partial<KpiCounters>, cells: Partial<Omit<TransparencyInputs, 'counters'>> = {}): TransparencyInputs {
  return {
    counters: { ...zeroCounters(), ...counters },
    byBusinessCategory: {},
    byCause: {},
    byRegion: {},
    rootCauses: {},
    correctiveActions: {},
    ...cells,
  };
}

describe('transparencyReport', () => {
  const november = month(
    {
      volume: 23,
      cases: 22,
      feedbackWithin48h: 11,
      decidedWithin15d: 20,
      satisfactionResponses: 8,
      satisfactionSum: 31,
      satisfaction3: 1,
      satisfaction4: 4,
      satisfaction5: 3,
    },
    {
      byBusinessCategory: { CREDIT_CARD: 12, LOAN: 8, DEPOSIT: 3 },
      byCause: { FEES: 20, OTHER: 3 },
      byRegion: { UNKNOWN: 23 },
      rootCauses: { DISCLOSURE: 6, UNKNOWN: 17 },
      correctiveActions: { REFUND_COMPENSATION: 4, TRAINING: 2, UNKNOWN: 17 },
    },
  );
  const report = transparencyReport([november]);

  it('publishes totals and shares of groups of 5 or more', () => {
    expect(report.complaints).toEqual(shown(23));
    expect(report.timeliness).toEqual({
      firstFeedbackWithin48h: { value: 0.5, suppressed: false },
      decidedWithin15Days: { value: 0.9091, suppressed: false },
    });
    expect(report.satisfaction.responses).toEqual(shown(8));
  });

  it('withholds small cells, and more where one would be recoverable from the total', () => {
    expect(report.byBusinessCategory).toEqual({ CREDIT_CARD: shown(12), LOAN: secondary, DEPOSIT: small });
    // FEES is 20 - 3 = 17 at most... and OTHER 1-4 is the total less FEES: both withheld, and then 23 = FEES + OTHER pins neither.
    expect(report.byCause).toEqual({ FEES: secondary, OTHER: small });
    expect(report.satisfaction.distribution).toEqual({ '3': small, '4': small, '5': small });
    expect(report.withheldBreakdowns).toEqual([]);
  });

  it('withholds the mean when a cell of its distribution is withheld (mean x responses would give it away)', () => {
    expect(report.satisfaction.mean).toEqual({ value: null, suppressed: true });
    const all = transparencyReport([
      month({ volume: 12, satisfactionResponses: 12, satisfactionSum: 53, satisfaction4: 7, satisfaction5: 5 }),
    ]);
    expect(all.satisfaction.mean).toEqual({ value: 4.42, suppressed: false });
  });

  it('lists improvements as categories only, leaving out complaints not closed', () => {
    expect(report.improvements).toEqual({
      rootCauses: { DISCLOSURE: shown(6) },
      correctiveActions: { REFUND_COMPENSATION: small, TRAINING: small },
    });
  });

  it('withholds the mean of fewer than 5 answers', () => {
    const few = transparencyReport([
      month({ volume: 9, satisfactionResponses: 2, satisfactionSum: 9, satisfaction4: 1, satisfaction5: 1 }),
    ]);
    expect(few.satisfaction.mean).toEqual({ value: null, suppressed: true });
    expect(few.satisfaction.responses).toEqual(small);
  });

  it('names a breakdown withheld whole', () => {
    const tiny = transparencyReport([month({ volume: 8, cases: 8 }, { byRegion: { '310000': 4, '110000': 4 }, byCause: { FEES: 8 } })]);
    expect(tiny.byRegion).toEqual({});
    expect(tiny.byCause).toEqual({ FEES: shown(8) });
    expect(tiny.withheldBreakdowns).toEqual(['byRegion']);
  });

  describe('a quarter or year adds its months up', () => {
    const jan = month(
      { volume: 30, cases: 30, feedbackWithin48h: 30 },
      { byBusinessCategory: { CREDIT_CARD: 27, LOAN: 3 }, byRegion: { '310000': 30 } },
    );
    const feb = month(
      { volume: 40, cases: 40, feedbackWithin48h: 20 },
      { byBusinessCategory: { CREDIT_CARD: 30, LOAN: 10 }, byRegion: { '310000': 36, '110000': 4 } },
    );
    const mar = month({ volume: 3, cases: 3, feedbackWithin48h: 1 }, { byBusinessCategory: { CREDIT_CARD: 3 }, byRegion: { '310000': 3 } });
    const quarter = transparencyReport([jan, feb, mar]);

    it('withholds a cell withheld in any of its months, so quarter minus months gives nothing', () => {
      // LOAN is withheld in January (3): the quarter's 13 would give it away with February's 10.
      expect(quarter.byBusinessCategory.LOAN).toEqual(secondary);
      // CREDIT_CARD is withheld in January (to protect LOAN) and March (3).
      expect(quarter.byBusinessCategory.CREDIT_CARD).toEqual(secondary);
      // Beijing appears in February alone, withheld there as fewer than 5: the quarter says the same.
      expect(quarter.byRegion['110000']).toEqual(small);
    });

    it('withholds totals and shares withheld in any month', () => {
      expect(quarter.complaints).toEqual(secondary);
      expect(quarter.timeliness.firstFeedbackWithin48h).toEqual({ value: null, suppressed: true });
      const twoMonths = transparencyReport([jan, feb]);
      expect(twoMonths.complaints).toEqual(shown(70));
      expect(twoMonths.timeliness.firstFeedbackWithin48h).toEqual({ value: 0.7143, suppressed: false });
    });

    it('withholds a breakdown whole when one month withholds it whole', () => {
      const tiny = month({ volume: 8, cases: 8 }, { byRegion: { '310000': 4, '110000': 4 } });
      expect(transparencyReport([jan, tiny]).withheldBreakdowns).toEqual(['byRegion']);
      expect(transparencyReport([jan, tiny]).byRegion).toEqual({});
    });
  });
});
