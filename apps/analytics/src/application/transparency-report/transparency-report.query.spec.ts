import type { ReportPeriod } from '../../domain/report-period';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { PeriodNotClosedError, TransparencyReportQuery } from './transparency-report.query';

const Q3: ReportPeriod = { label: '2026Q3', fromDay: '2026-07-01', toDay: '2026-09-30' };

describe('TransparencyReportQuery', () => {
  it('refuses a period that has not ended in Shanghai, naming the latest month that has', async () => {
    // 2026-09-30 20:00 UTC is already October 1st in Shanghai: Q3 has ended; 15:00 UTC it has not.
    const open = new TransparencyReportQuery(new InMemoryAnalyticsReadModel(), new FixedClock(new Date('2026-09-30T15:00:00.000Z')));
    await expect(open.execute(Q3)).rejects.toThrow(PeriodNotClosedError);
    await expect(open.execute(Q3)).rejects.toMatchObject({ lastClosedMonth: '2026-08' });

    const ended = new TransparencyReportQuery(new InMemoryAnalyticsReadModel(), new FixedClock(new Date('2026-09-30T20:00:00.000Z')));
    expect(await ended.execute(Q3)).toMatchObject({ period: '2026Q3', from: '2026-07-01', to: '2026-09-30', timeZone: 'Asia/Shanghai' });
  });

  it('adds a quarter up from its months', async () => {
    const readModel = new InMemoryAnalyticsReadModel();
    for (const day of ['2026-07-03', '2026-08-03', '2026-09-03'])
      readModel.rows.push({ day, keys: { product: 'CREDIT_CARD', reason: 'FEES', region: '310000' }, counters: { volume: 40, cases: 40 } });
    const query = new TransparencyReportQuery(readModel, new FixedClock(new Date('2026-12-01T00:00:00.000Z')));

    const report = await query.execute(Q3);

    expect(report.complaints).toEqual({ count: 120, suppressed: false });
    expect(report.byBusinessCategory.CREDIT_CARD).toEqual({ count: 120, suppressed: false });
    expect(report.byRegion['310000']).toEqual({ count: 120, suppressed: false });
  });
});
