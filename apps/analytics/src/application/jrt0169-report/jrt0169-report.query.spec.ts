import { InMemoryAnalyticsReadModel } from '../in-memory/in-memory-analytics-read-model';
import { Jrt0169ReportQuery } from './jrt0169-report.query';

describe('Jrt0169ReportQuery', () => {
  it("tables the institution's complaints of the period by channel, business category and cause, every department", async () => {
    const model = new InMemoryAnalyticsReadModel();
    model.rows.push(
      {
        day: '2026-11-02',
        keys: { department: 'CARD_CENTER', channel: 'web', product: 'CREDIT_CARD', reason: 'FEES' },
        counters: { volume: 3 },
      },
      { day: '2026-11-09', keys: { department: 'FRAUD', channel: 'web', product: 'CREDIT_CARD', reason: 'FEES' }, counters: { volume: 2 } },
      {
        day: '2026-12-01',
        keys: { department: 'FRAUD', channel: 'hotline', product: 'CREDIT_CARD', reason: 'FEES' },
        counters: { volume: 7 },
      },
    );

    const rows = await new Jrt0169ReportQuery(model).execute({ label: '2026-11', fromDay: '2026-11-01', toDay: '2026-11-30' });

    expect(rows.map((r) => [r.channel, r.product, r.reason, r.count])).toEqual([['web', 'CREDIT_CARD', 'FEES', 5]]);
  });
});
