import { Producer } from 'kafkajs';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { rebuildReadModel } from '../../apps/analytics/src/infrastructure/rebuild/rebuild-read-model';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { ComplaintScript, publish, queryDb, uniqueMonth } from './analytics-fixtures';

const HOUR = 3_600_000;

/**
 * The analytics read model on the real broker and database: events of the three topics in any order,
 * redelivered, into facts and rollups; the KPI API with staff scopes; and a rebuild from the topics
 * that gives the very same numbers.
 */
describe('analytics read model', () => {
  let analytics: RunningApp;
  let producer: Producer;
  const month = uniqueMonth();
  const overseer = staffToken(['consumer-protection'], []);

  beforeAll(async () => {
    producer = await testProducer();
    analytics = await startApp(AnalyticsModule.register(testConfig(AnalyticsConfig)));
  });
  afterAll(async () => {
    await analytics?.close();
    await producer?.disconnect();
  });

  async function kpis(query: string, token = overseer) {
    const res = await fetch(`${analytics.url}/v1/kpis?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
  }

  // X: its case events overtake the routing and the intake's event, and one is delivered twice.
  const x = new ComplaintScript(month.at(3), 'web', { product: 'CREDIT_CARD', reason: 'FEES', department: 'CARD_CENTER' });
  // Y: its clock paused 50 h before the first feedback at 70 h (20 h net).
  const y = new ComplaintScript(month.at(3), 'hotline', { product: 'LOAN', reason: 'PROCESS', department: 'LENDING' });

  it('applies each event once, whatever order the topics deliver them in', async () => {
    const xFeedback = x.caseEvent('feedback_sent', 10, { first: true }, 'IN_PROGRESS');
    await publish(
      producer,
      x.caseEvent('opened', 0.1),
      xFeedback,
      x.caseEvent('resolution_proposed', 30, {}, 'RESPONDED'),
      x.caseEvent('resolved', 31, {}, 'RESOLVED'),
      x.caseEvent('satisfaction_recorded', 40, { score: 4 }),
      xFeedback,
    );
    await publish(producer, x.routed(), x.received());
    await publish(
      producer,
      y.received(),
      y.routed(),
      y.caseEvent('opened', 0.1),
      y.caseEvent('clock_paused', 5, { reason: 'appraisal' }),
      y.caseEvent('clock_resumed', 55, { pausedMs: 50 * HOUR }),
      y.caseEvent('feedback_sent', 70, { first: true }, 'IN_PROGRESS'),
    );

    const day = month.day(3);
    // Each topic has its own consumer, so Y's routing may land after its case events: wait until it has a product.
    const result = await eventually(async () => {
      const r = await kpis(`from=${day}&to=${day}&groupBy=product`);
      const ready =
        r.body.total?.volume === 2 &&
        r.body.total.firstFeedback.given === 2 &&
        r.body.total.satisfaction.responses === 1 &&
        r.body.groups.length === 2 &&
        r.body.groups.every((g: { key: string }) => g.key !== 'UNKNOWN');
      return ready ? r : undefined;
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ from: day, to: day, groupBy: 'product', timeZone: 'Asia/Shanghai' });
    expect(result.body.groups.map((g: { key: string; volume: number }) => [g.key, g.volume])).toEqual([
      ['CREDIT_CARD', 1],
      ['LOAN', 1],
    ]);
    const total = result.body.total;
    expect(total.cases).toBe(2);
    // 10 h and 20 h net: from the 1 h buckets' middles, 10.5 and 20.5 h (exact: median 15 h, p90 19 h).
    expect(total.firstFeedback).toEqual({ given: 2, within48h: 2, shareWithin48h: 1, medianHours: 15.5, p90Hours: 19.5 });
    expect(total.decision).toEqual({ decided: 1, within15d: 1, shareWithin15d: 0.5 });
    expect(total.resolution).toMatchObject({ resolved: 1, medianHours: 31.5 });
    expect(total.satisfaction).toMatchObject({ responses: 1, mean: 4, responseRate: 1 });

    const facts = await queryDb<{ reference: string; paused_ms: string; feedback_ms: string }>(
      'SELECT reference, paused_ms, feedback_ms FROM analytics.complaint_facts WHERE complaint_id = ANY($1::uuid[]) ORDER BY reference',
      [[x.complaintId, y.complaintId]],
    );
    expect(facts).toHaveLength(2);
    const yFact = facts.find((f) => f.reference === y.reference)!;
    expect(Number(yFact.paused_ms)).toBe(50 * HOUR);
    expect(Number(yFact.feedback_ms)).toBe(20 * HOUR);
    // The KPIs above need none of X's intake event (its case events carry the same facts), so its own
    // consumer may still be on its way: wait for X's seven distinct events, then check none came twice.
    const storedEvents = async () => {
      const [{ n }] = await queryDb<{ n: number }>('SELECT count(*)::int AS n FROM analytics.complaint_events WHERE complaint_id = $1', [
        x.complaintId,
      ]);
      return n;
    };
    await eventually(async () => ((await storedEvents()) >= 7 ? true : undefined));
    expect(await storedEvents()).toBe(7);
  });

  it('shows agents only their departments and refuses callers without a usable token', async () => {
    const day = month.day(3);
    const agent = staffToken(['agent'], ['CARD_CENTER'], 'agent-9');
    const mine = await kpis(`from=${day}&to=${day}&groupBy=department`, agent);
    expect(mine.status).toBe(200);
    expect(mine.body.groups.map((g: { key: string }) => g.key)).toEqual(['CARD_CENTER']);
    expect(mine.body.total.volume).toBe(1);

    const all = await kpis(`from=${day}&to=${day}&groupBy=department`, staffToken(['auditor'], []));
    expect(all.body.groups.map((g: { key: string }) => g.key)).toEqual(['CARD_CENTER', 'LENDING']);

    const nowhere = await kpis(`from=${day}&to=${day}`, staffToken(['agent'], []));
    expect(nowhere.status).toBe(403);
    expect(nowhere.type).toContain('application/problem+json');
    expect(nowhere.body.errors[0].field).toBe('departments');

    const anonymous = await fetch(`${analytics.url}/v1/kpis?from=${day}&to=${day}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers bad query parameters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['from=2026-10-01&to=2026-10-31&groupBy=colour', 'groupBy'],
      ['from=2026-1-01&to=2026-10-31', 'from'],
      ['from=2026-02-30&to=2026-03-31', 'from'],
      ['from=2026-10-01', 'to'],
      ['from=2026-10-31&to=2026-10-01', 'to'],
      ['from=2020-01-01&to=2026-10-01', 'to'],
      ['from=2026-10-01&to=2026-10-31&extra=1', 'extra'],
    ];
    for (const [query, field] of cases) {
      const r = await kpis(query);
      expect({ query, status: r.status, type: r.type }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('rebuilds from the topics with a fresh consumer group to the very same numbers', async () => {
    const day = month.day(3);
    const snapshot = async () => ({
      kpis: await Promise.all(
        ['product', 'department', 'channel'].map(async (g) => (await kpis(`from=${day}&to=${day}&groupBy=${g}`)).body),
      ),
      facts: await queryDb<{ digest: string; n: number }>(
        `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest, count(*)::int AS n
         FROM (SELECT (to_jsonb(f) - 'updated_at')::text AS t FROM analytics.complaint_facts f) rows`,
      ),
      rollups: await queryDb<{ digest: string }>(
        `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest FROM (SELECT to_jsonb(r)::text AS t FROM analytics.kpi_rollup r WHERE volume > 0) rows`,
      ),
      jrt0169: await queryDb<{ digest: string; n: number }>(
        `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest, count(*)::int AS n FROM (SELECT to_jsonb(r)::text AS t FROM analytics.jrt0169_rollup r WHERE volume > 0) rows`,
      ),
    });
    const before = await snapshot();
    expect(before.facts[0].n).toBeGreaterThanOrEqual(2);
    expect(before.jrt0169[0].n).toBeGreaterThanOrEqual(2);
    const result = await rebuildReadModel(testConfig(AnalyticsConfig));
    expect(result.complaints).toBe(before.facts[0].n);
    expect(result.consumerGroup).toMatch(/^analytics-rebuild-/);
    const after = await snapshot();
    expect(after).toEqual(before);
  });
});
