import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { QueryKpisQuery } from './query-kpis.query';

function readModel() {
  const model = new InMemoryAnalyticsReadModel();
  model.rows.push(
    { day: '2026-11-02', keys: { department: 'CARD_CENTER' }, counters: { volume: 4, cases: 4, feedbackWithin48h: 3 } },
    { day: '2026-11-03', keys: { department: 'FRAUD' }, counters: { volume: 2, cases: 2, feedbackWithin48h: 2 } },
    { day: '2026-12-01', keys: { department: 'FRAUD' }, counters: { volume: 9, cases: 9 } },
  );
  return model;
}

describe('QueryKpisQuery', () => {
  it("gives the period's total and one group per value of the dimension asked for", async () => {
    const kpis = await new QueryKpisQuery(readModel()).execute({
      fromDay: '2026-11-01',
      toDay: '2026-11-30',
      groupBy: 'department',
      departments: null,
    });

    expect(kpis).toMatchObject({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Shanghai', groupBy: 'department' });
    expect(kpis.total).toMatchObject({ key: '*', volume: 6, firstFeedback: { within48h: 5 } });
    expect(kpis.groups.map((g) => [g.key, g.volume])).toEqual([
      ['CARD_CENTER', 4],
      ['FRAUD', 2],
    ]);
  });

  it('counts only the departments the caller may see', async () => {
    const kpis = await new QueryKpisQuery(readModel()).execute({
      fromDay: '2026-11-01',
      toDay: '2026-11-30',
      groupBy: null,
      departments: ['FRAUD'],
    });
    expect(kpis.total.volume).toBe(2);
    expect(kpis.groups).toEqual([]);
  });

  it('answers zeros, not an error, for a period without complaints', async () => {
    const kpis = await new QueryKpisQuery(readModel()).execute({
      fromDay: '2025-01-01',
      toDay: '2025-01-31',
      groupBy: 'channel',
      departments: null,
    });
    expect(kpis.total).toMatchObject({ key: '*', volume: 0, cases: 0 });
    expect(kpis.groups).toEqual([]);
  });
});
