import { randomInt, randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { HotspotAlertV1, Topics } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { DetectHotspotsUseCase } from '../../apps/analytics/src/application/hotspots/detect-hotspots.use-case';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { TopicReader } from '../support/topic-reader';
import { AnalyticsTestClock, ComplaintScript, publish, queryDb, receivedComplaint } from './analytics-fixtures';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const TERM = '鑫盛宝';

/** Everyday complaints: the quiet history the new term stands out against. */
const ORDINARY = [
  '信用卡年费未经同意被扣除,要求退还。',
  '手机银行转账失败但是钱已经扣了,请尽快处理。',
  '柜台排队等了两个小时,服务态度很差。',
  '房贷利率调整后月供没有变化,请解释原因。',
  '信用卡分期手续费太高,销售时没有说明。',
  '网点自动取款机吞卡,工作人员一直没有回复。',
  '理财经理推荐的基金亏损严重,当时说风险很低。',
  '催收电话频繁打到我的单位,影响工作。',
  '借记卡被冻结,客服无法说明原因。',
  '积分兑换的礼品一直没有收到。',
  'The mobile app keeps logging me out and I cannot pay my bill.',
  '贷款提前还款被收取违约金,合同里没有写。',
];

/** Ten complaints naming a product nobody mentioned before, each in its own words. */
const NEW_TERM_COMPLAINTS = [
  `我在贵行买的${TERM}到期了却不能兑付。`,
  `${TERM}的收益三个月没有到账,客服推脱。`,
  `请问${TERM}为什么突然暂停赎回?`,
  `理财经理强烈推荐${TERM},现在本金拿不回来。`,
  `网点员工保证：${TERM}保本保息,结果是骗人的。`,
  `投诉${TERM}销售误导,要求全额退款。`,
  `父母退休金全部投进${TERM},现在联系不上负责人。`,
  `关于${TERM}产品逾期,希望监管介入。`,
  `${TERM}到底是不是贵行发行的?说法前后矛盾。`,
  `我和同事都买了${TERM},大家都无法取出资金。`,
];

/**
 * Hot spots on the real broker and database, with a controlled clock and the scheduler off (the test
 * triggers evaluations through the use case): a new term in ten complaints of the hour after a quiet
 * history is raised once, on analytics.alerts.v1 and at GET /v1/hotspots, nine are not enough; a spike
 * planted in the read model's hourly counts is found; a restart publishes nothing again.
 */
describe('analytics hot spots', () => {
  // A half-hour-past time no other test uses, so the lookback holds only this test's complaints.
  const t0 = new Date(Date.UTC(2100 + randomInt(0, 90), randomInt(0, 12), randomInt(1, 20), randomInt(0, 24), 40));
  const t1 = new Date(Math.floor(t0.getTime() / HOUR) * HOUR + 20 * 24 * HOUR);
  const clock = new AnalyticsTestClock(t0);
  const config = testConfig(AnalyticsConfig, { ANALYTICS_TERM_TICK_MS: '0' });
  const overseer = staffToken(['consumer-protection'], []);
  let analytics: RunningApp;
  let producer: Producer;
  let alerts: TopicReader<HotspotAlertV1>;
  const termReferences: string[] = [];

  const detect = () => analytics.app.get(DetectHotspotsUseCase);
  /** This run's events of an alert key (raised at the clock's times, t0 on). */
  const published = (key: string) => alerts.values((a) => a.key === key && Math.abs(Date.parse(a.occurredAt) - t0.getTime()) < HOUR);

  async function hotspots(query = '', token = overseer) {
    const res = await fetch(`${analytics.url}/v1/hotspots${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
  }

  async function recorded(ids: string[]): Promise<void> {
    await eventually(async () => {
      const [{ n }] = await queryDb<{ n: number }>(
        'SELECT count(*)::int AS n FROM analytics.complaint_terms WHERE complaint_id = ANY($1::uuid[])',
        [ids],
      );
      return n === ids.length ? true : undefined;
    }, 30_000);
  }

  beforeAll(async () => {
    producer = await testProducer();
    alerts = await TopicReader.open<HotspotAlertV1>(Topics.alertsV1);
    analytics = await startApp(AnalyticsModule.register(config, { clock }));
  });
  afterAll(async () => {
    await analytics?.close();
    await alerts?.close();
    await producer?.disconnect();
  });

  it('raises a new term once it is in ten complaints of the hour, once, with samples; nine are not enough', async () => {
    // Quiet history: three ordinary complaints an hour over the 30 hours before the window.
    const history = Array.from({ length: 30 * 3 }, (_, i) =>
      receivedComplaint(ORDINARY[i % ORDINARY.length], new Date(t0.getTime() - 2 * HOUR - i * 20 * MINUTE)),
    );
    await publish(producer, ...history);
    const burst = NEW_TERM_COMPLAINTS.map((text, i) => receivedComplaint(text, new Date(t0.getTime() - 50 * MINUTE + i * 4 * MINUTE)));
    termReferences.push(...burst.map((e) => e.complaint.reference));
    await publish(producer, ...burst.slice(0, 9));
    await recorded([...history, ...burst.slice(0, 9)].map((e) => e.complaint.complaintId));

    const nine = await detect().evaluateTerms();
    expect(nine.filter((a) => a.kind === 'term' && a.subject.includes('盛宝'))).toEqual([]);

    await publish(producer, burst[9]);
    await recorded([burst[9].complaint.complaintId]);
    const ten = await detect().evaluateTerms();
    // The whole name, not its piece 盛宝 (in the same complaints: left to the longer term).
    const raised = ten.filter((a) => a.kind === 'term' && a.subject.includes('盛宝'));
    expect(raised).toHaveLength(1);
    const [alert] = raised;
    expect(alert).toMatchObject({
      kind: 'term',
      key: `term:${TERM}`,
      subject: TERM,
      raise: 'new',
      observed: 10,
      since: new Date(burst[0].complaint.receivedAt),
    });
    expect(alert.expected).toBeLessThan(1);

    const event = await eventually(async () => published(alert.key)[0], 30_000);
    expect(event).toMatchObject({
      eventType: 'analytics.hotspot',
      kind: 'term',
      subject: alert.subject,
      observed: 10,
      source: 'analytics',
    });
    expect(event.samples).toEqual(termReferences.slice(5).reverse());

    const listed = await hotspots('?kind=term');
    expect(listed.status).toBe(200);
    const mine = listed.body.alerts.filter((a: { key: string }) => a.key === alert.key);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'term',
      subject: alert.subject,
      since: burst[0].complaint.receivedAt,
      observed: 10,
      published: true,
      id: event.eventId,
    });
    expect(mine[0].samples).toEqual(event.samples);

    // The next tick (a minute on, the term still hot) raises nothing again.
    clock.set(new Date(t0.getTime() + MINUTE));
    const again = await detect().evaluateTerms();
    expect(again.filter((a) => a.key === alert.key)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(published(alert.key)).toHaveLength(1);
  });

  it('finds a spike planted in the hourly counts of the read model', async () => {
    // LENDING, in Ningxia (640000, which the branch series falls back to): one complaint an hour for 30 hours, then 12 in the last hour before t1.
    const baseline = Array.from(
      { length: 30 },
      (_, i) =>
        new ComplaintScript(
          new Date(t1.getTime() - (i + 2) * HOUR + 15 * MINUTE),
          'hotline',
          { product: 'LOAN', reason: 'PROCESS', department: 'LENDING' },
          '640000',
        ),
    );
    const spike = Array.from(
      { length: 12 },
      (_, i) =>
        new ComplaintScript(
          new Date(t1.getTime() - HOUR + i * 4 * MINUTE),
          'hotline',
          { product: 'LOAN', reason: 'PROCESS', department: 'LENDING' },
          '640000',
        ),
    );
    await publish(producer, ...[...baseline, ...spike].map((c) => c.routed()));
    const ids = [...baseline, ...spike].map((c) => c.complaintId);
    await eventually(async () => {
      const [{ n }] = await queryDb<{ n: number }>(
        "SELECT count(*)::int AS n FROM analytics.complaint_facts WHERE complaint_id = ANY($1::uuid[]) AND department = 'LENDING'",
        [ids],
      );
      return n === ids.length ? true : undefined;
    }, 30_000);

    const raised = await detect().evaluateSpikes(t1);
    const department = raised.find((a) => a.key === 'spike:department:LENDING');
    expect(department).toMatchObject({
      kind: 'spike',
      dimension: 'department',
      subject: 'LENDING',
      observed: 12,
      raise: 'new',
      since: new Date(t1.getTime() - HOUR),
      until: t1,
    });
    expect(raised.map((a) => a.key)).toEqual(
      expect.arrayContaining(['spike:product-reason:LOAN/PROCESS', 'spike:channel:hotline', 'spike:branch:640000']),
    );
    const event = await eventually(async () => published('spike:department:LENDING')[0], 30_000);
    expect(event.samples).toEqual(
      spike
        .slice(-5)
        .reverse()
        .map((c) => c.reference),
    );

    // Agents see term alerts and the spikes of their own departments.
    const lending = await hotspots('', staffToken(['agent'], ['LENDING'], 'agent-l'));
    const lendingKeys = lending.body.alerts.map((a: { key: string }) => a.key);
    expect(lendingKeys).toContain('spike:department:LENDING');
    expect(lendingKeys).not.toContain('spike:channel:hotline');
    expect(lendingKeys.some((k: string) => k.startsWith('term:') && k.includes(TERM))).toBe(true);
    const cards = await hotspots('', staffToken(['agent'], ['CARD_CENTER'], 'agent-c'));
    expect(cards.body.alerts.map((a: { key: string }) => a.key)).not.toContain('spike:department:LENDING');
    const all = await hotspots('?kind=spike');
    expect(all.body.alerts.every((a: { kind: string }) => a.kind === 'spike')).toBe(true);
    expect(all.body.alerts.map((a: { key: string }) => a.key)).toContain('spike:channel:hotline');
  });

  it('raises a spike once when two instances evaluate it at the same moment (the deduplication is shared)', async () => {
    // WEALTH, five days on: one complaint an hour for 30 hours, then 12 in the last hour before t2.
    const t2 = new Date(t1.getTime() + 5 * 24 * HOUR);
    const wealth = { product: 'WEALTH', reason: 'DISCLOSURE', department: 'WEALTH' } as const;
    const baseline = Array.from(
      { length: 30 },
      (_, i) => new ComplaintScript(new Date(t2.getTime() - (i + 2) * HOUR + 15 * MINUTE), 'web', wealth),
    );
    const spike = Array.from({ length: 12 }, (_, i) => new ComplaintScript(new Date(t2.getTime() - HOUR + i * 4 * MINUTE), 'web', wealth));
    await publish(producer, ...[...baseline, ...spike].map((c) => c.routed()));
    const ids = [...baseline, ...spike].map((c) => c.complaintId);
    await eventually(async () => {
      const [{ n }] = await queryDb<{ n: number }>(
        "SELECT count(*)::int AS n FROM analytics.complaint_facts WHERE complaint_id = ANY($1::uuid[]) AND department = 'WEALTH'",
        [ids],
      );
      return n === ids.length ? true : undefined;
    }, 30_000);

    const other = await startApp(AnalyticsModule.register(config, { clock }));
    try {
      const [mine, theirs] = await Promise.all([detect().evaluateSpikes(t2), other.app.get(DetectHotspotsUseCase).evaluateSpikes(t2)]);
      const raised = [...mine, ...theirs].filter((a) => a.key === 'spike:department:WEALTH');
      expect(raised).toHaveLength(1);
      const stored = await queryDb<{ n: number }>(
        "SELECT count(*)::int AS n FROM analytics.alerts WHERE key = 'spike:department:WEALTH' AND since = $1",
        [new Date(t2.getTime() - HOUR)],
      );
      expect(stored[0].n).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('answers bad filters with 400 naming the field, and callers without a usable token with 401/403', async () => {
    for (const [query, field] of [
      ['?kind=storm', 'kind'],
      ['?since=yesterday', 'since'],
      ['?limit=0', 'limit'],
      ['?colour=red', 'colour'],
    ] as const) {
      const r = await hotspots(query);
      expect({ query, status: r.status, type: r.type }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const anonymous = await fetch(`${analytics.url}/v1/hotspots`);
    expect(anonymous.status).toBe(401);
    const nowhere = await hotspots('', staffToken(['agent'], []));
    expect(nowhere.status).toBe(403);
    expect(nowhere.body.errors[0].field).toBe('departments');
    const doc = (await (await fetch(`${analytics.url}/openapi.json`)).json()) as {
      paths: Record<string, any>;
      components: { schemas: Record<string, any> };
    };
    expect(doc.paths['/v1/hotspots'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['kind', 'limit', 'since']);
    expect(Object.keys(doc.components.schemas.HotspotAlertDto.properties)).toEqual(
      expect.arrayContaining(['kind', 'subject', 'since', 'observed', 'expected', 'samples']),
    );
  });

  it('does not publish the same alerts again after a restart, and publishes one stored but not yet published', async () => {
    const termKey = (await hotspots('?kind=term')).body.alerts.find((a: { key: string }) => a.key.includes(TERM)).key as string;
    await analytics.close();
    // As if the process had died between storing an alert and publishing it.
    const pendingId = randomUUID();
    await queryDb(
      `INSERT INTO analytics.alerts (alert_id, key, kind, raise, dimension, subject, since, until, observed, expected, ratio, p_value, threshold, samples, raised_at)
       VALUES ($1, 'spike:channel:weibo', 'spike', 'new', 'channel', 'weibo', $2, $3, 9, 1.5, 6, 0.00001, 0.0002, '{}', $3)`,
      [pendingId, new Date(t0.getTime() - HOUR), t0],
    );
    analytics = await startApp(AnalyticsModule.register(config, { clock }));
    const recovered = await eventually(async () => alerts.values((a) => a.eventId === pendingId)[0], 30_000);
    expect(recovered).toMatchObject({ key: 'spike:channel:weibo', dimension: 'channel', observed: 9, samples: [] });
    const terms = await detect().evaluateTerms();
    expect(terms.filter((a) => a.key === termKey)).toEqual([]);
    const spikes = await detect().evaluateSpikes(t1);
    expect(spikes.filter((a) => a.key === 'spike:department:LENDING')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(published(termKey)).toHaveLength(1);
    expect(published('spike:department:LENDING')).toHaveLength(1);
    expect(alerts.values((a) => a.eventId === pendingId)).toHaveLength(1);
    const listed = await hotspots();
    // This run's (other test files raise LENDING spikes at their own clocks' times).
    const ours = listed.body.alerts.filter(
      (a: { key: string; raisedAt: string }) => Math.abs(Date.parse(a.raisedAt) - t0.getTime()) < HOUR,
    );
    expect(ours.filter((a: { key: string }) => a.key === termKey || a.key === 'spike:department:LENDING')).toHaveLength(2);
  });
});
