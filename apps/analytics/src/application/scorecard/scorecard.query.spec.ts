import { DEFAULT_SCORECARD_TARGETS } from '../../domain/scorecard/scorecard-targets';
import { FixedClock } from '../in-memory/fixed-clock';
import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { ScorecardQuery } from './scorecard.query';

const NOVEMBER = { label: '2026-11', fromDay: '2026-11-01', toDay: '2026-11-30' };

describe('ScorecardQuery', () => {
  const model = new InMemoryAnalyticsReadModel();
  model.rows.push(
    { day: '2026-11-02', keys: { department: 'CARD_CENTER' }, counters: { volume: 4, cases: 4 } },
    { day: '2026-10-05', keys: { department: 'CARD_CENTER' }, counters: { volume: 1, cases: 1 } },
    { day: '2026-11-03', keys: { department: 'FRAUD' }, counters: { volume: 2, cases: 2 } },
  );
  const query = new ScorecardQuery(model, new FixedClock(new Date('2026-12-05T00:00:00.000Z')), DEFAULT_SCORECARD_TARGETS);

  it('sets each department against the as many days just before', async () => {
    const card = await query.execute(NOVEMBER);
    expect(card).toMatchObject({ period: '2026-11', previousFrom: '2026-10-02', previousTo: '2026-10-31', timeZone: 'Asia/Shanghai' });
    expect(card.departments.find((row) => row.key === 'CARD_CENTER')?.volume).toMatchObject({ value: 4, previous: 1 });
  });

  it('shows staff scoped to departments only their rows and their total', async () => {
    const card = await query.execute(NOVEMBER, undefined, ['FRAUD']);
    expect(card.departments.map((row) => row.key)).toEqual(['FRAUD']);
    expect(card.total.volume.value).toBe(2);
  });
});
