import { isoWeekOf, mondayOf, parseIsoWeek, parseScorecardPeriod, previousPeriod } from './scorecard-period';

describe('scorecard periods', () => {
  it('reads ISO weeks as Monday to Sunday, across year ends', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ label: '2026-W48', fromDay: '2026-11-23', toDay: '2026-11-29' });
    // 2026-01-01 is a Thursday: week 1 starts on Monday 2025-12-29.
    expect(parseIsoWeek('2026-W01')).toEqual({ label: '2026-W01', fromDay: '2025-12-29', toDay: '2026-01-04' });
    // 2020 began on a Wednesday and was a leap year: it had 53 weeks; 2026 has 53 too (starts Thursday), 2027 not.
    expect(parseIsoWeek('2020-W53')).toEqual({ label: '2020-W53', fromDay: '2020-12-28', toDay: '2021-01-03' });
    expect(parseIsoWeek('2026-W53')).toEqual({ label: '2026-W53', fromDay: '2026-12-28', toDay: '2027-01-03' });
    expect(parseIsoWeek('2027-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('1999-W10')).toBeNull();
  });

  it('names the week of a day', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('takes years, quarters and months as the other reports do', () => {
    expect(parseScorecardPeriod('2026Q4')).toEqual({ label: '2026Q4', fromDay: '2026-10-01', toDay: '2026-12-31' });
    expect(parseScorecardPeriod('2026-02')).toEqual({ label: '2026-02', fromDay: '2026-02-01', toDay: '2026-02-28' });
    expect(parseScorecardPeriod('2026-13')).toBeNull();
    expect(parseScorecardPeriod('last week')).toBeNull();
  });

  it('compares with the period of as many days just before', () => {
    expect(previousPeriod(parseIsoWeek('2026-W01')!)).toEqual({ label: '2025-W52', fromDay: '2025-12-22', toDay: '2025-12-28' });
    expect(previousPeriod(parseScorecardPeriod('2026-03')!)).toEqual({
      label: '2026-01-29..2026-02-28',
      fromDay: '2026-01-29',
      toDay: '2026-02-28',
    });
    expect(previousPeriod(parseScorecardPeriod('2026Q1')!)).toEqual({
      label: '2025-10-03..2025-12-31',
      fromDay: '2025-10-03',
      toDay: '2025-12-31',
    });
  });
});
