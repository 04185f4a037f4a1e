import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { InMemoryKpiSeriesSource } from '../in-memory/in-memory-kpi-series.source';
import { QueryKpiSeriesQuery } from './query-kpi-series.query';

describe('QueryKpiSeriesQuery', () => {
  const model = new InMemoryAnalyticsReadModel();
  model.rows.push(
    { day: '2026-11-02', keys: { department: 'CARD_CENTER', channel: 'web' }, counters: { volume: 2, cases: 2 } },
    { day: '2026-11-04', keys: { department: 'CARD_CENTER', channel: 'web' }, counters: { volume: 1, cases: 1 } },
    { day: '2026-11-04', keys: { department: 'FRAUD', channel: 'hotline' }, counters: { volume: 5, cases: 5 } },
  );
  const query = new QueryKpiSeriesQuery(new InMemoryKpiSeriesSource(model));

  it('gives every calendar day of the period, days without complaints as zeros, per group', async () => {
    const response = await query.execute({ fromDay: '2026-11-02', toDay: '2026-11-04', groupBy: 'channel', departments: null });

    expect(response).toMatchObject({ interval: 'day', timeZone: 'Asia/Shanghai', days: ['2026-11-02', '2026-11-03', '2026-11-04'] });
    expect(response.series.map((s) => [s.key, s.points.map((p) => p.volume)])).toEqual([
      ['hotline', [0, 0, 5]],
      ['web', [2, 0, 1]],
    ]);
  });

  it("counts only the caller's departments", async () => {
    const response = await query.execute({ fromDay: '2026-11-02', toDay: '2026-11-04', groupBy: null, departments: ['CARD_CENTER'] });
    expect(response.series.map((s) => [s.key, s.points.map((p) => p.volume)])).toEqual([['*', [2, 0, 1]]]);
  });
});
