import { rollupSpans } from './kpi-rollup';

describe('rollupSpans', () => {
  it('takes whole months from the month rows and the days around them from the day rows', () => {
    expect(rollupSpans('2026-01-01', '2026-12-31')).toEqual({
      leadingDays: null,
      months: { from: '2026-01-01', to: '2026-12-01' },
      trailingDays: null,
    });
    expect(rollupSpans('2026-01-15', '2026-03-10')).toEqual({
      leadingDays: { from: '2026-01-15', to: '2026-01-31' },
      months: { from: '2026-02-01', to: '2026-02-01' },
      trailingDays: { from: '2026-03-01', to: '2026-03-10' },
    });
    expect(rollupSpans('2024-02-01', '2024-02-29')).toEqual({
      leadingDays: null,
      months: { from: '2024-02-01', to: '2024-02-01' },
      trailingDays: null,
    });
    expect(rollupSpans('2026-11-20', '2027-01-31')).toEqual({
      leadingDays: { from: '2026-11-20', to: '2026-11-30' },
      months: { from: '2026-12-01', to: '2027-01-01' },
      trailingDays: null,
    });
  });

  it('reads day rows only when no month lies wholly inside', () => {
    expect(rollupSpans('2026-10-03', '2026-10-03')).toEqual({
      leadingDays: { from: '2026-10-03', to: '2026-10-03' },
      months: null,
      trailingDays: null,
    });
    expect(rollupSpans('2026-10-02', '2026-11-29')).toEqual({
      leadingDays: { from: '2026-10-02', to: '2026-11-29' },
      months: null,
      trailingDays: null,
    });
    expect(rollupSpans('2026-10-01', '2026-10-30')).toEqual({
      leadingDays: { from: '2026-10-01', to: '2026-10-30' },
      months: null,
      trailingDays: null,
    });
  });
});
