import { randomInt } from 'node:crypto';
import { Producer } from 'kafkajs';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { AnalyticsTestClock, ComplaintScript, publish, queryDb } from '../integration/analytics-fixtures';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';

/** Analytics lives on 15 June 2035, noon in Shanghai: June, 2035Q2 and 2035 are still running. */
const NOW = new Date('2035-06-15T04:00:00Z');

interface Problem {
  type?: string;
  status?: number;
  errors?: { field: string }[];
  lastClosedMonth?: string;
}

/**
 * Hostile requests for personal data: the public transparency report asked for periods still running or
 * to come (each a 400
 * problem naming the field; the endpoint only reads), a month of 3 complaints asked for in every way
 * (no count under 5 ever comes out). (Card and ID numbers written to slip past the masker: the fast-check
 * properties of libs/security/src/domain/mask-sensitive-numbers.spec.ts.)
 */
describe('hostile requests: personal data (the public transparency report)', () => {
  let analytics: RunningApp;
  let producer: Producer;
  // A month of 2020-2029 (no other test's complaints there) with 3 complaints: 2 card, 1 loan.
  const small = { year: 2020 + randomInt(0, 10), month: randomInt(1, 13) };
  const smallMonth = `${small.year}-${String(small.month).padStart(2, '0')}`;

  beforeAll(async () => {
    producer = await testProducer();
    analytics = await startApp(
      AnalyticsModule.register(testConfig(AnalyticsConfig), { clock: new AnalyticsTestClock(NOW), detectHotspots: false }),
    );
    const scripts = [
      new ComplaintScript(
        new Date(Date.UTC(small.year, small.month - 1, 3, 4)),
        'web',
        { product: 'CREDIT_CARD', reason: 'FEES', department: 'CARD_CENTER' },
        '310000',
      ),
      new ComplaintScript(
        new Date(Date.UTC(small.year, small.month - 1, 4, 4)),
        'web',
        { product: 'CREDIT_CARD', reason: 'FEES', department: 'CARD_CENTER' },
        '310000',
      ),
      new ComplaintScript(
        new Date(Date.UTC(small.year, small.month - 1, 5, 4)),
        'hotline',
        { product: 'LOAN', reason: 'PROCESS', department: 'LENDING' },
        '110000',
      ),
    ];
    for (const s of scripts) await publish(producer, s.received(), s.routed(), s.caseEvent('opened', 0.1));
    await eventually(async () => {
      const [row] = await queryDb<{ n: number }>(
        'SELECT count(*)::int AS n FROM analytics.complaint_facts WHERE reference = ANY($1::text[]) AND product IS NOT NULL',
        [scripts.map((s) => s.reference)],
      );
      return row.n === 3 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([analytics?.close(), producer?.disconnect()]);
  });

  async function report(query: string) {
    const res = await fetch(`${analytics.url}/v1/transparency${query ? `?${query}` : ''}`);
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text,
      body: JSON.parse(text) as Problem & Record<string, unknown>,
    };
  }

  const notClosed = 'https://complaints.example/problems/period-not-closed';
  // Every row has four items (type undefined where any 400 will do): a shorter row would make jest take
  // the test's fourth parameter for a done callback and wait for it.
  const refused: [string, string, string, string | undefined][] = [
    ['the running month', 'period=2035-06', 'period', notClosed],
    ['the running quarter', 'period=2035Q2', 'period', notClosed],
    ['the running year', 'period=2035', 'period', notClosed],
    ['next month', 'period=2035-07', 'period', notClosed],
    ['a quarter to come', 'period=2035Q4', 'period', notClosed],
    ['a year to come', 'period=2036', 'period', notClosed],
    ['the last year there is, still to come', 'period=2100', 'period', notClosed],
    ["the running year's last month", 'period=2035-12', 'period', notClosed],
    ["the running year's third quarter", 'period=2035Q3', 'period', notClosed],
    ['a month decades ahead', 'period=2080-01', 'period', notClosed],
    ['a quarter decades ahead', 'period=2099Q1', 'period', notClosed],
    ['a thirteenth month', 'period=2034-13', 'period', undefined],
    ['a quarter in lower case', 'period=2034q1', 'period', undefined],
    ['a fifth quarter', 'period=2034Q5', 'period', undefined],
    ['full-width digits', 'period=%EF%BC%92%EF%BC%90%EF%BC%93%EF%BC%94', 'period', undefined],
    ['a NUL character', 'period=2034%00', 'period', undefined],
    ['the period given twice', 'period=2034&period=2033', 'period', undefined],
    ['no period', '', 'period', undefined],
    ['an unknown parameter to narrow the counts', 'period=2034&department=CARD_CENTER', 'department', undefined],
  ];

  it.each(refused)('400 for %s, naming the field', async (_name, query, field, type) => {
    const res = await report(query);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect((res.body.errors ?? []).map((e) => e.field)).toContain(field);
    if (type) {
      expect(res.body.type).toBe(type);
      expect(res.body.lastClosedMonth).toBe('2035-05');
    }
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.text).not.toContain('complaints: ');
  });

  /** Every published count of a report. */
  const publishedCounts = (value: unknown): number[] =>
    value && typeof value === 'object'
      ? 'suppressed' in value && 'count' in value
        ? (value as { suppressed: boolean; count: number | null }).suppressed
          ? []
          : [(value as { count: number }).count]
        : Object.values(value).flatMap(publishedCounts)
      : [];

  it.each([
    ['the month itself', () => `period=${smallMonth}`],
    ['its quarter', () => `period=${small.year}Q${Math.ceil(small.month / 3)}`],
    ['its year', () => `period=${small.year}`],
    ['the last month that has ended', () => 'period=2035-05'],
  ])('gives no count under 5 for a month of 3 complaints asked as %s', async (_name, query) => {
    const res = await report(query());
    expect(res.status).toBe(200);
    expect(publishedCounts(res.body).filter((n) => n > 0 && n < 5)).toEqual([]);
  });

  it('answers the month of 3 complaints the same however often it is asked (no drift to difference)', async () => {
    const first = await report(`period=${smallMonth}`);
    const again = await report(`period=${smallMonth}`);
    expect(again.body).toEqual(first.body);
    expect(first.body.complaints).toEqual({ count: null, suppressed: true, reason: 'fewer-than-5' });
  });
});
