import { isCalendarDay, parsePeriod, periodBounds } from './report-period';
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
});
