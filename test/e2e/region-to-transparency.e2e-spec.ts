import { randomUUID } from 'node:crypto';
import { Topics } from '@complaints/contracts';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { UNKNOWN_KEY } from '../../apps/analytics/src/domain/kpi-dimensions';
import { nextDay, shanghaiDay, shanghaiDayStart } from '../../apps/analytics/src/domain/shanghai-time';
import { monthsOf, parsePeriod } from '../../apps/analytics/src/domain/report-period';
import { analyticsGroupFor } from '../../apps/analytics/src/interface/analytics-group';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { AnalyticsTestClock, queryDb } from '../integration/analytics-fixtures';
import { testConfig } from '../support/configs';
import { groupCaughtUp } from '../support/consumer-lag';
import { pushCalls, sampleCall } from '../support/hotline-client';
import { submitComplaint } from '../support/mobile-client';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';

interface PublishedCount {
  count: number | null;
  suppressed: boolean;
  reason?: string;
}

/** 西藏自治区: no other test files complaints there, so this test's five are the ones that move its count. */
const XIZANG = '540000';

/**
 * Complaints that name their region, through the web, app and hotline intakes in the forms integrators
 * send (code, Chinese name with or without its suffix), are counted under the province's code in the
 * public transparency report; a complaint without a region counts as UNKNOWN. Five of them, so the
 * province's count is published rather than withheld as fewer than 5.
 */
describe('regions from the intakes -> analytics transparency report (real Kafka and PostgreSQL)', () => {
  let web: RunningApp;
  let mobile: RunningApp;
  let hotline: RunningApp;
  let analytics: RunningApp;
  // Only ended periods are published: analytics' clock is set to the first day after this (Shanghai) month.
  const month = monthsOf(parsePeriod(shanghaiDay(new Date()).slice(0, 7))!)[0];
  const monthEnded = shanghaiDayStart(nextDay(month.toDay));

  beforeAll(async () => {
    const mobileConfig = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    const hotlineConfig = testConfig(IntakeHotlineConfig, { HOTLINE_SECRETS: 'cc-test:test-hotline-secret' });
    const analyticsConfig = testConfig(AnalyticsConfig);
    [web, mobile, hotline, analytics] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' }))),
      startApp(IntakeMobileModule.register(mobileConfig), intakeMobileHttpOptions(mobileConfig)),
      startApp(IntakeHotlineModule.register(hotlineConfig), intakeHotlineHttpOptions(hotlineConfig)),
      startApp(AnalyticsModule.register(analyticsConfig, { clock: new AnalyticsTestClock(monthEnded), detectHotspots: false })),
    ]);
    // Regions come with the received complaints: let analytics work through what earlier tests published first.
    await groupCaughtUp(
      analyticsGroupFor(analyticsConfig.ANALYTICS_CONSUMER_GROUP, Topics.complaintReceivedV1),
      Topics.complaintReceivedV1,
      200_000,
    );
  }, 240_000);
  afterAll(async () => {
    await Promise.all([web?.close(), mobile?.close(), hotline?.close(), analytics?.close()]);
  });

  async function byRegion(): Promise<Record<string, PublishedCount>> {
    const res = await fetch(`${analytics.url}/v1/transparency?period=${month.label}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { byRegion: Record<string, PublishedCount>; withheldBreakdowns: string[] };
    expect(body.withheldBreakdowns).not.toContain('byRegion');
    return body.byRegion;
  }

  async function fileOnTheWeb(region?: string): Promise<string> {
    const res = await fetch(`${web.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '网点办理挂失等了两个小时,要求改进。',
        customer: { name: '次仁', phone: uniquePhone().number },
        consent: true,
        ...(region ? { region } : {}),
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { reference: string }).reference;
  }

  /** How many of the month's complaints the read model has in a region: the exact figure, before any suppression. */
  async function factsIn(region: string): Promise<number> {
    const [row] = await queryDb<{ n: number }>(
      'SELECT count(*)::int AS n FROM analytics.complaint_facts WHERE region = $1 AND received_day BETWEEN $2::date AND $3::date',
      [region, month.fromDay, month.toDay],
    );
    return row.n;
  }

  it('counts each complaint under its province code, and one without a region as UNKNOWN', async () => {
    const before = await factsIn(XIZANG);

    const app = await submitComplaint(mobile.url, `cust-${randomUUID()}`, { text: '手机银行转账失败但扣款了,请退回。', region: '西藏' });
    expect(app.status).toBe(202);
    const push = await pushCalls(hotline.url, { calls: [sampleCall({ callerRegion: '西藏自治区' })] });
    expect(push.body.results?.[0]?.status).toBe('accepted');
    const inXizang = [
      await fileOnTheWeb(XIZANG),
      await fileOnTheWeb('西藏自治区'),
      await fileOnTheWeb('西藏'),
      app.body.reference,
      push.body.results![0].reference!,
    ];
    // Five without a region too: alone in the month, a single one would be a count under 5 that the month's total and
    // Tibet's 5 give away, and the report would withhold the whole breakdown.
    const nowhere: string[] = [];
    for (let i = 0; i < 5; i++) nowhere.push(await fileOnTheWeb());

    const facts = await eventually(async () => {
      const rows = await queryDb<{ reference: string; region: string | null }>(
        'SELECT reference, region FROM analytics.complaint_facts WHERE reference = ANY($1::text[])',
        [[...inXizang, ...nowhere]],
      );
      return rows.length === 10 ? Object.fromEntries(rows.map((r) => [r.reference, r.region])) : undefined;
    });
    expect(inXizang.map((reference) => facts[reference])).toEqual(Array(5).fill(XIZANG));
    expect(nowhere.map((reference) => facts[reference])).toEqual(Array(5).fill(null));
    const counted = await factsIn(XIZANG);
    expect(counted).toBe(before + 5);

    const report = await byRegion();
    expect(report[UNKNOWN_KEY]).toBeDefined();
    expect(Object.keys(report).every((key) => key === UNKNOWN_KEY || /^\d{6}$/.test(key))).toBe(true);
    // At least 5, so never "fewer than 5". Published as counted, unless it is one of the smallest cells, withheld to
    // protect a small one (other tests' regions) that the month's total would otherwise give away.
    const small = Object.keys(report).filter((key) => report[key].reason === 'fewer-than-5');
    if (report[XIZANG].suppressed) {
      expect(report[XIZANG]).toEqual({ count: null, suppressed: true, reason: 'protects-another-cell' });
      expect(small.length).toBeGreaterThan(0);
      expect(
        Object.values(report)
          .filter((cell) => !cell.suppressed)
          .every((cell) => cell.count! >= counted),
      ).toBe(true);
    } else {
      expect(report[XIZANG]).toEqual({ count: counted, suppressed: false });
    }
  });
});
