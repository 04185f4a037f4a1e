import { isCalendarDay, isClosed, lastClosedMonth, monthsOf, parsePeriod, periodBounds } from './report-period';
import { shanghaiDay } from './shanghai-time';

describe('report periods (Asia/Shanghai)', () => {
  it('reads years, quarters and months', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', fromDay: '2026-01-01', toDay: '2026-12-31' });
    expect(parsePeriod('2026Q4')).toEqual({ label: '2026Q4', fromDay: '2026-10-01', toDay: '2026-12-31' });
    expect(parsePeriod('2026Q1')).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-03-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ fromDay: '2028-02-01', toDay: '2028-02-29' });
  });

  it('refuses anything else', () => {
    for (const bad of ['2026Q5', '2026-13', '26Q1', '2026-1', '1999', 'Q4', '2026q4', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('starts and ends periods at Shanghai midnight', () => {
    const { from, to } = periodBounds(parsePeriod('2026Q4')!);
    expect(from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(shanghaiDay('2026-12-31T15:59:59.999Z')).toBe('2026-12-31');
    expect(shanghaiDay('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });

  it('knows calendar days', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-2-3')).toBe(false);
  });

  it('splits a period into its months', () => {
    expect(monthsOf(parsePeriod('2026Q1')!).map((m) => [m.label, m.fromDay, m.toDay])).toEqual([
      ['2026-01', '2026-01-01', '2026-01-31'],
      ['2026-02', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31'],
    ]);
    expect(monthsOf(parsePeriod('2028')!)).toHaveLength(12);
    expect(monthsOf(parsePeriod('2028-02')!).map((m) => m.toDay)).toEqual(['2028-02-29']);
  });

  it('counts a period as ended once its last Shanghai day is over', () => {
    const november = parsePeriod('2026-11')!;
    expect(isClosed(november, new Date('2026-11-30T15:59:59Z'))).toBe(false); // 23:59:59 on 30 November in Shanghai
    expect(isClosed(november, new Date('2026-11-30T16:00:00Z'))).toBe(true); // midnight, 1 December in Shanghai
    expect(isClosed(parsePeriod('2026')!, new Date('2026-12-31T16:00:00Z'))).toBe(true);
    expect(isClosed(parsePeriod('2026Q4')!, new Date('2026-12-31T15:00:00Z'))).toBe(false);
    expect(lastClosedMonth(new Date('2026-12-07T10:00:00Z'))).toBe('2026-11');
    expect(lastClosedMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
  });
});
