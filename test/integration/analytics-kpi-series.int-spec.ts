import { Producer } from 'kafkajs';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { transparencyCors } from '../../apps/analytics/src/interface/http/transparency-cors';
import { originList } from '@complaints/http';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { ComplaintScript, publish, uniqueMonth } from './analytics-fixtures';

interface SeriesBody {
  from: string;
  to: string;
  interval: string;
  groupBy: string | null;
  days: string[];
  series: {
    key: string;
    points: {
      day: string;
      volume: number;
      cases: number;
      firstFeedbackWithin48h: number;
      decidedWithin15d: number;
      breaches: { feedback: number; decision: number; complaints: number };
      breachedShare: number | null;
    }[];
  }[];
}

/**
 * GET /v1/kpis/series over complaints published on the real broker: a point per day and group from the
 * daily rollups, the same totals as GET /v1/kpis, agents limited to their departments, problem+json for
 * bad parameters, and CORS for the staff console's origin only (the public report keeps its own).
 */
describe('analytics KPI series', () => {
  const CONSOLE = 'https://console.bank.example';
  const SITE = 'https://www.bank.example';
  const month = uniqueMonth();
  const overseer = staffToken(['consumer-protection'], []);
  let analytics: RunningApp;
  let producer: Producer;

  // Day 3: two card-centre web complaints (one answered in 10 h, one whose feedback deadline was missed);
  // day 4: a lending hotline complaint decided in 5 days; day 5: a fraud WeChat complaint that missed its decision deadline.
  const card1 = new ComplaintScript(month.at(3), 'web', { department: 'CARD_CENTER' });
  const card2 = new ComplaintScript(month.at(3, 6), 'web', { department: 'CARD_CENTER' });
  const loan = new ComplaintScript(month.at(4), 'hotline', { department: 'LENDING', product: 'LOAN', reason: 'PROCESS' });
  const fraud = new ComplaintScript(month.at(5), 'wechat', { department: 'FRAUD', product: 'PAYMENT', reason: 'FUNDS_SECURITY' });

  beforeAll(async () => {
    producer = await testProducer();
    const config = testConfig(AnalyticsConfig, { ANALYTICS_CORS_ORIGINS: CONSOLE, ANALYTICS_PUBLIC_CORS_ORIGINS: SITE });
    analytics = await startApp(AnalyticsModule.register(config), {
      corsOrigins: originList(config.ANALYTICS_CORS_ORIGINS),
      publicCors: transparencyCors(config),
    });
    await publish(
      producer,
      card1.received(),
      card1.routed(),
      card1.caseEvent('opened', 0.1),
      card1.caseEvent('feedback_sent', 10, { first: true }, 'IN_PROGRESS'),
    );
    await publish(
      producer,
      card2.received(),
      card2.routed(),
      card2.caseEvent('opened', 0.1),
      card2.caseEvent('sla_breached', 48, { clock: 'feedback' }),
    );
    await publish(
      producer,
      loan.received(),
      loan.routed(),
      loan.caseEvent('opened', 0.1),
      loan.caseEvent('resolution_proposed', 120, {}, 'RESPONDED'),
    );
    await publish(
      producer,
      fraud.received(),
      fraud.routed(),
      fraud.caseEvent('opened', 0.1),
      fraud.caseEvent('sla_breached', 360, { clock: 'decision' }),
    );
    await eventually(async () => {
      const { body } = await series(`from=${month.day(1)}&to=${month.day(7)}&groupBy=department`);
      const points = body.series.flatMap((s) => s.points);
      const sum = (pick: (p: (typeof points)[number]) => number) => points.reduce((n, p) => n + pick(p), 0);
      const settled =
        sum((p) => p.cases) === 4 &&
        sum((p) => p.breaches.complaints) === 2 &&
        sum((p) => p.decidedWithin15d) === 1 &&
        sum((p) => p.firstFeedbackWithin48h) === 1;
      return settled && body.series.every((s) => s.key !== 'UNKNOWN') ? true : undefined;
    });
  });
  afterAll(async () => {
    await analytics?.close();
    await producer?.disconnect();
  });

  async function series(query: string, token: string | null = overseer, origin?: string) {
    const res = await fetch(`${analytics.url}/v1/kpis/series?${query}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(origin ? { origin } : {}) },
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as SeriesBody & { errors?: { field: string }[] } };
  }

  it('gives every day of the period a point per department, from the rollups', async () => {
    const { status, body } = await series(`from=${month.day(1)}&to=${month.day(7)}&groupBy=department`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: month.day(1), to: month.day(7), interval: 'day', groupBy: 'department' });
    expect(body.days).toEqual([1, 2, 3, 4, 5, 6, 7].map(month.day));
    expect(body.series.map((s) => s.key)).toEqual(['CARD_CENTER', 'FRAUD', 'LENDING']);
    const card = body.series[0].points;
    expect(card.map((p) => p.volume)).toEqual([0, 0, 2, 0, 0, 0, 0]);
    expect(card[2]).toEqual({
      day: month.day(3),
      volume: 2,
      cases: 2,
      firstFeedbackWithin48h: 1,
      decidedWithin15d: 0,
      breaches: { feedback: 1, decision: 0, complaints: 1 },
      breachedShare: 0.5,
    });
    expect(card[0]).toMatchObject({ volume: 0, cases: 0, breachedShare: null });
    expect(body.series[1].points[4]).toMatchObject({
      day: month.day(5),
      volume: 1,
      breaches: { feedback: 0, decision: 1, complaints: 1 },
      breachedShare: 1,
    });
    expect(body.series[2].points[3]).toMatchObject({
      day: month.day(4),
      volume: 1,
      decidedWithin15d: 1,
      breaches: { complaints: 0 },
      breachedShare: 0,
    });
  });

  it('groups by any KPI dimension, or gives one series in total, with the same totals as GET /v1/kpis', async () => {
    const byChannel = await series(`from=${month.day(1)}&to=${month.day(7)}&groupBy=channel`);
    expect(byChannel.body.series.map((s) => [s.key, s.points.map((p) => p.volume)])).toEqual([
      ['hotline', [0, 0, 0, 1, 0, 0, 0]],
      ['web', [0, 0, 2, 0, 0, 0, 0]],
      ['wechat', [0, 0, 0, 0, 1, 0, 0]],
    ]);
    const total = await series(`from=${month.day(3)}&to=${month.day(5)}`);
    expect(total.body.groupBy).toBeNull();
    expect(total.body.series).toHaveLength(1);
    expect(total.body.series[0].key).toBe('*');
    expect(total.body.series[0].points.map((p) => [p.volume, p.breaches.complaints])).toEqual([
      [2, 1],
      [1, 0],
      [1, 1],
    ]);

    const kpis = (await (
      await fetch(`${analytics.url}/v1/kpis?from=${month.day(1)}&to=${month.day(7)}&groupBy=channel`, {
        headers: { authorization: `Bearer ${overseer}` },
      })
    ).json()) as { groups: { key: string; volume: number; breaches: { complaints: number } }[] };
    expect(kpis.groups.map((g) => [g.key, g.volume, g.breaches.complaints])).toEqual(
      byChannel.body.series.map((s) => [
        s.key,
        s.points.reduce((n, p) => n + p.volume, 0),
        s.points.reduce((n, p) => n + p.breaches.complaints, 0),
      ]),
    );
  });

  it('shows agents only their departments, and refuses an agent without any', async () => {
    const agent = await series(
      `from=${month.day(1)}&to=${month.day(7)}&groupBy=department`,
      staffToken(['agent'], ['CARD_CENTER', 'LENDING'], 'agent-cl'),
    );
    expect(agent.status).toBe(200);
    expect(agent.body.series.map((s) => s.key)).toEqual(['CARD_CENTER', 'LENDING']);
    const byChannel = await series(`from=${month.day(1)}&to=${month.day(7)}&groupBy=channel`, staffToken(['agent'], ['FRAUD'], 'agent-f'));
    expect(byChannel.body.series.map((s) => s.key)).toEqual(['wechat']);
    const nowhere = await series(`from=${month.day(1)}&to=${month.day(7)}`, staffToken(['agent'], []));
    expect(nowhere.status).toBe(403);
    expect(nowhere.body.errors!.map((e) => e.field)).toEqual(['departments']);
    expect((await series(`from=${month.day(1)}&to=${month.day(7)}`, null)).status).toBe(401);
  });

  it('answers bad parameters with problem+json naming the field', async () => {
    const longAfter = new Date(Date.parse(month.day(1)) + 366 * 86_400_000).toISOString().slice(0, 10);
    for (const [query, field] of [
      [`to=${month.day(7)}`, 'from'],
      [`from=${month.day(1)}&to=2041-02-30`, 'to'],
      [`from=${month.day(7)}&to=${month.day(1)}`, 'to'],
      [`from=${month.day(1)}&to=${longAfter}`, 'to'],
      [`from=${month.day(1)}&to=${month.day(7)}&groupBy=colour`, 'groupBy'],
      [`from=${month.day(1)}&to=${month.day(7)}&interval=hour`, 'interval'],
    ] as const) {
      const res = await series(query);
      expect({ query, status: res.status, type: res.headers.get('content-type') }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.errors!.map((e) => e.field)).toContain(field);
    }
    const lastAllowed = new Date(Date.parse(month.day(1)) + 365 * 86_400_000).toISOString().slice(0, 10);
    expect((await series(`from=${month.day(1)}&to=${lastAllowed}`)).status).toBe(200);
  });

  it('lets the staff console call it across origins with a bearer token, and no other origin', async () => {
    const preflight = (origin: string, path: string) =>
      fetch(`${analytics.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    for (const path of ['/v1/kpis/series', '/v1/kpis', '/v1/hotspots']) {
      const allowed = await preflight(CONSOLE, path);
      expect({ path, status: allowed.status, origin: allowed.headers.get('access-control-allow-origin') }).toEqual({
        path,
        status: 204,
        origin: CONSOLE,
      });
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect((await preflight('https://evil.example', path)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(SITE, path)).headers.get('access-control-allow-origin')).toBeNull();
    }
    const read = await series(`from=${month.day(1)}&to=${month.day(7)}`, overseer, CONSOLE);
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    // The public report stays the customer site's, GET only, and not the console's.
    const report = await fetch(`${analytics.url}/v1/transparency?period=${month.period}`, { headers: { origin: SITE } });
    expect(report.headers.get('access-control-allow-origin')).toBe(SITE);
    const fromConsole = await fetch(`${analytics.url}/v1/transparency?period=${month.period}`, { headers: { origin: CONSOLE } });
    expect(fromConsole.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('documents the endpoint in OpenAPI', async () => {
    const doc = (await (await fetch(`${analytics.url}/openapi.json`)).json()) as {
      paths: Record<string, any>;
      components: { schemas: Record<string, any> };
    };
    expect(doc.paths['/v1/kpis/series'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'groupBy', 'to']);
    expect(Object.keys(doc.components.schemas.KpiSeriesResponseDto.properties)).toEqual([
      'from',
      'to',
      'timeZone',
      'interval',
      'groupBy',
      'days',
      'series',
    ]);
    expect(Object.keys(doc.components.schemas.KpiSeriesPointDto.properties)).toEqual(
      expect.arrayContaining(['day', 'volume', 'cases', 'breaches', 'breachedShare']),
    );
  });
});
