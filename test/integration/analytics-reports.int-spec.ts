import ExcelJS from 'exceljs';
import { Producer } from 'kafkajs';
import { Readable } from 'node:stream';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { UNKNOWN_KEY } from '../../apps/analytics/src/domain/kpi-dimensions';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { AnalyticsTestClock, ComplaintScript, publish, RoutingSpec, uniqueMonth } from './analytics-fixtures';

/**
 * The JR/T 0169 return (CSV and XLSX, read back with exceljs) and the public transparency report with
 * its small-cell suppression, over complaints published on the real broker.
 */
describe('analytics reports', () => {
  let analytics: RunningApp;
  let producer: Producer;
  const month = uniqueMonth();
  const overseer = staffToken(['consumer-protection'], []);

  // 6 web credit-card fee complaints, 5 hotline deposit process ones (one in another region), 1 web loan one.
  const specs: [number, 'web' | 'hotline', RoutingSpec, string][] = [
    ...Array.from(
      { length: 6 },
      () =>
        [1, 'web', { product: 'CREDIT_CARD', reason: 'FEES', department: 'CARD_CENTER' }, '310000'] as [number, 'web', RoutingSpec, string],
    ),
    ...Array.from(
      { length: 4 },
      () =>
        [2, 'hotline', { product: 'DEPOSIT', reason: 'PROCESS', department: 'RETAIL_BANKING' }, '310000'] as [
          number,
          'hotline',
          RoutingSpec,
          string,
        ],
    ),
    [2, 'hotline', { product: 'DEPOSIT', reason: 'PROCESS', department: 'RETAIL_BANKING' }, '110000'],
    [28, 'web', { product: 'LOAN', reason: 'FEES', department: 'LENDING' }, '310000'],
  ];
  const scripts = specs.map(([day, channel, routing, region]) => new ComplaintScript(month.at(day), channel, routing, region));

  beforeAll(async () => {
    producer = await testProducer();
    // The test's month lies in the future (2040-2099, no other test's complaints there): the clock says it has ended.
    const clock = new AnalyticsTestClock(new Date('2100-06-01T00:00:00Z'));
    analytics = await startApp(AnalyticsModule.register(testConfig(AnalyticsConfig), { clock, detectHotspots: false }));
    for (const [i, s] of scripts.entries()) {
      const events = [
        s.received(),
        s.routed(),
        s.caseEvent('opened', 0.1),
        s.caseEvent('feedback_sent', 12, { first: true }, 'IN_PROGRESS'),
      ];
      // The first five credit-card complaints are answered, resolved and closed after fixing a fee disclosure.
      if (i < 5) {
        events.push(
          s.caseEvent('resolution_proposed', 48, {}, 'RESPONDED'),
          s.caseEvent('resolved', 50, {}, 'RESOLVED'),
          s.caseEvent('satisfaction_recorded', 60, { score: i < 3 ? 5 : 4 }),
          s.caseEvent('closed', 70, { rootCause: '开户时未告知年费标准', correctiveAction: '退还年费' }, 'CLOSED'),
        );
      }
      await publish(producer, ...events);
    }
    // Every topic's consumer must have reached this test's events (each works through earlier tests' first).
    await eventually(async () => {
      const res = await fetch(`${analytics.url}/v1/kpis?from=${month.day(1)}&to=${month.day(28)}&groupBy=product`, {
        headers: { authorization: `Bearer ${overseer}` },
      });
      const body = (await res.json()) as {
        total: { volume: number; closed: number; firstFeedback: { given: number } };
        groups: { key: string }[];
      };
      const routed = body.groups.every((g) => g.key !== UNKNOWN_KEY);
      return routed && body.total.volume === 12 && body.total.closed === 5 && body.total.firstFeedback.given === 12 ? true : undefined;
    });
  });
  afterAll(async () => {
    await analytics?.close();
    await producer?.disconnect();
  });

  const report = (query: string, token: string | null = overseer) =>
    fetch(`${analytics.url}/v1/reports/jrt0169?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives the JR/T 0169 table as CSV', async () => {
    const res = await report(`period=${month.period}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`jrt0169-${month.period}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([bytes.subarray(3).toString('utf8')]));
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(String(rows[0][0])).toContain('Channel');
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[5]])).toEqual([
      ['web', 'CREDIT_CARD', 'FEES', 6],
      ['web', 'LOAN', 'FEES', 1],
      ['hotline', 'DEPOSIT', 'PROCESS', 5],
    ]);
    expect(String(rows[3][2])).toBe('存款/借记卡/账户 Deposits, debit cards and accounts');
  });

  it('gives the same table as an XLSX workbook that exceljs reads back', async () => {
    const res = await report(`period=${month.period}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[5]])).toEqual([
      ['web', 'CREDIT_CARD', 'FEES', 6],
      ['web', 'LOAN', 'FEES', 1],
      ['hotline', 'DEPOSIT', 'PROCESS', 5],
    ]);
    expect(String(rows[1][2])).toContain('信用卡');
  });

  it('keeps the return for those who see every department and refuses bad periods', async () => {
    expect((await report(`period=${month.period}`, staffToken(['agent'], ['CARD_CENTER']))).status).toBe(403);
    expect((await report(`period=${month.period}`, null)).status).toBe(401);
    for (const [query, field] of [
      ['period=2026Q5', 'period'],
      ['period=1999', 'period'],
      ['period=2026&format=pdf', 'format'],
      ['', 'period'],
    ]) {
      const res = await report(query);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
  });

  it('publishes the transparency report without sign-in, withholding every count under 5', async () => {
    const res = await fetch(`${analytics.url}/v1/transparency?period=${month.period}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({
      period: month.period,
      timeZone: 'Asia/Shanghai',
      minimumPublishedCount: 5,
      complaints: { count: 12, suppressed: false },
    });
    // LOAN (1) is withheld, and DEPOSIT (5), the next smallest, with it: else 12 - 6 - 5 would give it away. That is not
    // enough: 12 - 6 leaves 6 for a cell of 1-4 and one of at least 5, so LOAN = 1. CREDIT_CARD goes too.
    expect(body.byBusinessCategory).toEqual({
      CREDIT_CARD: { count: null, suppressed: true, reason: 'protects-another-cell' },
      DEPOSIT: { count: null, suppressed: true, reason: 'protects-another-cell' },
      LOAN: { count: null, suppressed: true, reason: 'fewer-than-5' },
    });
    expect(body.withheldBreakdowns).toEqual([]);
    expect(body.byCause).toEqual({ FEES: { count: 7, suppressed: false }, PROCESS: { count: 5, suppressed: false } });
    // Regions are the provinces' GB/T 2260 codes (110000 Beijing, 310000 Shanghai); the page names them.
    expect(body.byRegion).toEqual({
      '110000': { count: null, suppressed: true, reason: 'fewer-than-5' },
      '310000': { count: null, suppressed: true, reason: 'protects-another-cell' },
    });
    expect(body.timeliness.firstFeedbackWithin48h).toEqual({ value: 1, suppressed: false });
    expect(body.timeliness.decidedWithin15Days).toEqual({ value: 0.4167, suppressed: false });
    expect(body.satisfaction.responses).toEqual({ count: 5, suppressed: false });
    // 5 answers of 4 and 5 with a mean of 4.6 are three 5s and two 4s: with the distribution withheld, so is the mean.
    expect(body.satisfaction.mean).toEqual({ value: null, suppressed: true });
    expect(body.satisfaction.distribution).toEqual({
      '4': { count: null, suppressed: true, reason: 'fewer-than-5' },
      '5': { count: null, suppressed: true, reason: 'fewer-than-5' },
    });
    expect(body.improvements).toEqual({
      rootCauses: { DISCLOSURE: { count: 5, suppressed: false } },
      correctiveActions: { REFUND_COMPENSATION: { count: 5, suppressed: false } },
    });
    expect(JSON.stringify(body)).not.toContain('年费');
  });

  it('serves health, metrics and its OpenAPI document like every service', async () => {
    expect((await fetch(`${analytics.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${analytics.url}/metrics`)).text()).toContain('kafka_messages_consumed_total');
    const doc = (await (await fetch(`${analytics.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/kpis', '/v1/reports/jrt0169', '/v1/transparency']));
  });

  it('refuses a bad period with 400 naming it', async () => {
    const res = await fetch(`${analytics.url}/v1/transparency?period=2026-13`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0].field).toBe('period');
  });
});
