import { randomInt } from 'node:crypto';
import { Producer } from 'kafkajs';
import type { Product, Reason, Department } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { attack, PublicReport, PublishedCount } from '../support/transparency-attack';
import { AnalyticsTestClock, ComplaintScript, publish, queryDb } from './analytics-fixtures';

type Outcome = 'open' | 'closed' | 5 | 4;

/** [month, how many, product, reason, department, region, outcome]: a year of complaints full of small cells. */
const YEAR_PLAN: [number, number, Product, Reason, Department, string, Outcome][] = [
  [1, 30, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 'closed'],
  [1, 3, 'LOAN', 'FEES', 'LENDING', '110000', 'open'],
  // 12 = 6 + 5 + 1: withholding only the 1 and the next smallest (the old rule) left the 1 recoverable.
  [2, 3, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 5],
  [2, 2, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 4],
  [2, 1, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 'open'],
  [2, 5, 'DEPOSIT', 'PROCESS', 'RETAIL_BANKING', '310000', 'open'],
  [2, 1, 'LOAN', 'FEES', 'LENDING', '440000', 'open'],
  // A month of 3 complaints: its total is withheld, so is the first quarter's and the year's.
  [3, 3, 'CREDIT_CARD', 'PROCESS', 'CARD_CENTER', '310000', 'open'],
  // 8 = 4 + 4: both cells are 4 as soon as they are both under 5.
  [4, 4, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 'open'],
  [4, 4, 'LOAN', 'FEES', 'LENDING', '110000', 'open'],
  [6, 20, 'DEPOSIT', 'PROCESS', 'RETAIL_BANKING', '310000', 'closed'],
  [6, 2, 'PAYMENT', 'FUNDS_SECURITY', 'FRAUD', '320000', 'open'],
  [11, 5, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 5],
  [11, 4, 'CREDIT_CARD', 'FEES', 'CARD_CENTER', '310000', 'open'],
];

/**
 * Differencing attacks on the public transparency report, over a year of complaints published on the
 * real topics and counted in the real read model: a year minus its quarters, a quarter minus its months,
 * a breakdown's total minus its other cells, the mean rating times the responses, all at once (interval
 * propagation over every published figure of the year's 17 reports). No withheld count may come out.
 */
describe('transparency report against differencing (real Kafka and PostgreSQL)', () => {
  // 2030-2039: a decade no other test files complaints in, so the year holds this plan and nothing else.
  const year = 2030 + randomInt(0, 10);
  const periods = [
    String(year),
    ...[1, 2, 3, 4].map((q) => `${year}Q${q}`),
    ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
  ];
  const reports = new Map<string, PublicReport>();
  let analytics: RunningApp;
  let producer: Producer;

  beforeAll(async () => {
    producer = await testProducer();
    const clock = new AnalyticsTestClock(new Date(`${year + 1}-01-02T00:00:00Z`));
    analytics = await startApp(AnalyticsModule.register(testConfig(AnalyticsConfig), { clock, detectHotspots: false }));
    const references: string[] = [];
    for (const [month, count, product, reason, department, region, outcome] of YEAR_PLAN) {
      for (let i = 0; i < count; i++) {
        const at = new Date(Date.UTC(year, month - 1, 2 + i, 4));
        const s = new ComplaintScript(at, 'web', { product, reason, department }, region);
        references.push(s.reference);
        const events = [
          s.received(),
          s.routed(),
          s.caseEvent('opened', 0.1),
          s.caseEvent('feedback_sent', 12, { first: true }, 'IN_PROGRESS'),
        ];
        if (outcome !== 'open') {
          events.push(s.caseEvent('resolution_proposed', 48, {}, 'RESPONDED'), s.caseEvent('resolved', 50, {}, 'RESOLVED'));
          if (typeof outcome === 'number') events.push(s.caseEvent('satisfaction_recorded', 60, { score: outcome }));
          events.push(s.caseEvent('closed', 70, { rootCause: '开户时未告知年费标准', correctiveAction: '退还年费' }, 'CLOSED'));
        }
        await publish(producer, ...events);
      }
    }
    const closed = YEAR_PLAN.filter((p) => p[6] !== 'open').reduce((n, p) => n + p[1], 0);
    await eventually(async () => {
      const [row] = await queryDb<{ routed: number; closed: number }>(
        "SELECT count(*) FILTER (WHERE product IS NOT NULL)::int AS routed, count(*) FILTER (WHERE status = 'CLOSED')::int AS closed FROM analytics.complaint_facts WHERE reference = ANY($1::text[])",
        [references],
      );
      return row.routed === references.length && row.closed === closed ? true : undefined;
    }, 120_000);
    for (const period of periods) {
      const res = await fetch(`${analytics.url}/v1/transparency?period=${period}`);
      expect(res.status).toBe(200);
      reports.set(period, (await res.json()) as PublicReport);
    }
  }, 240_000);
  afterAll(async () => {
    await analytics?.close();
    await producer?.disconnect();
  });

  /** Every count of a report with where it is. */
  function counts(report: PublicReport): [string, PublishedCount][] {
    const walk = (path: string, value: unknown): [string, PublishedCount][] =>
      value && typeof value === 'object'
        ? 'suppressed' in value && 'count' in value
          ? [[path, value as PublishedCount]]
          : Object.entries(value).flatMap(([k, v]) => walk(`${path}.${k}`, v))
        : [];
    return walk(report.period, report);
  }

  it('has small counts to protect (the plan is not trivially safe)', () => {
    const withheld = [...reports.values()].flatMap(counts).filter(([, c]) => c.suppressed);
    expect(withheld.length).toBeGreaterThan(20);
    expect(withheld.some(([, c]) => c.reason === 'fewer-than-5')).toBe(true);
  });

  it('never publishes a count from 1 to 4', () => {
    const small = [...reports.values()].flatMap(counts).filter(([, c]) => !c.suppressed && c.count! > 0 && c.count! < 5);
    expect(small).toEqual([]);
  });

  it('gives nothing away to year minus quarters, quarter minus months, or a total minus the other cells', () => {
    expect(attack(reports, year)).toEqual([]);
  });

  it('publishes a cell of a quarter or year only when each of its months does (so the difference is published anyway)', () => {
    for (const [whole, parts] of [
      ...[1, 2, 3, 4].map(
        (q) => [`${year}Q${q}`, [0, 1, 2].map((i) => `${year}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`)] as const,
      ),
      [String(year), [1, 2, 3, 4].map((q) => `${year}Q${q}`)] as const,
    ]) {
      const of = (period: string) => new Map(counts(reports.get(period)!).map(([path, c]) => [path.slice(period.length), c]));
      for (const [path, cell] of of(whole)) {
        if (cell.suppressed) continue;
        const pieces = parts.map((p) => of(p).get(path));
        expect({ whole, path, withheldIn: pieces.filter((c) => c?.suppressed).length }).toEqual({ whole, path, withheldIn: 0 });
        expect(pieces.reduce((n, c) => n + (c?.count ?? 0), 0)).toBe(cell.count);
      }
    }
  });

  it('publishes the mean rating only with its whole distribution', () => {
    for (const report of reports.values()) {
      if (report.satisfaction.mean.value === null) continue;
      expect(Object.values(report.satisfaction.distribution).every((c) => !c.suppressed)).toBe(true);
    }
    // February's 5 ratings (three 5s, two 4s) would come out of a mean of 4.6.
    expect(reports.get(`${year}-02`)!.satisfaction.mean).toEqual({ value: null, suppressed: true });
  });

  it('catches what the old rule left recoverable (the attack works)', () => {
    const leaky = new Map([...reports].map(([p, r]) => [p, structuredClone(r)]));
    const february = leaky.get(`${year}-02`)!;
    // The old rule: only LOAN (1) and the next smallest (DEPOSIT, 5) withheld; CREDIT_CARD published.
    february.byBusinessCategory = {
      CREDIT_CARD: { count: 6, suppressed: false },
      DEPOSIT: { count: null, suppressed: true, reason: 'protects-another-cell' },
      LOAN: { count: null, suppressed: true, reason: 'fewer-than-5' },
    };
    february.complaints = { count: 12, suppressed: false };
    expect(attack(leaky, year)).toEqual(expect.arrayContaining([{ name: `${year}-02/byBusinessCategory/LOAN`, value: 1 }]));
  });

  it('catches a year published beside a withheld quarter (the attack works across periods)', () => {
    const leaky = new Map([...reports].map(([p, r]) => [p, structuredClone(r)]));
    // LOAN: 3 + 1 in the first quarter, 4 in the second. Publishing the year's 8 and the first quarter's 4 gives the second away.
    leaky.get(String(year))!.byBusinessCategory.LOAN = { count: 8, suppressed: false };
    leaky.get(`${year}Q1`)!.byBusinessCategory.LOAN = { count: 4, suppressed: false };
    expect(attack(leaky, year)).toEqual(expect.arrayContaining([{ name: `${year}Q2/byBusinessCategory/LOAN`, value: 4 }]));
  });
});
