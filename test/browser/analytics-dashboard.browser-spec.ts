import { randomInt } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Browser, Page } from 'playwright-core';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { DetectHotspotsUseCase } from '../../apps/analytics/src/application/hotspots/detect-hotspots.use-case';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { originList } from '@complaints/http';
import { AnalyticsTestClock, ComplaintScript, publish } from '../integration/analytics-fixtures';
import { accessibilityViolations, launchBrowser, onPage } from '../support/browser';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, freePort, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);

/**
 * The console's analytics dashboard in Chromium against real analytics and cases (Kafka, PostgreSQL):
 * complaints of two days no other test uses, a spike found by the real detector, then the charts, their
 * tables, the hot-spot alert with its sample case, the English switch, accessibility and an agent's scope.
 */
describe('analytics dashboard (real Chromium, analytics and cases)', () => {
  // Noon in Shanghai on a day of a year no other test uses; the complaints fall on that day and the one before.
  const t1 = new Date(Date.UTC(2191 + randomInt(0, 9), randomInt(0, 12), randomInt(2, 28), 4));
  const day2 = shanghaiDay(t1);
  const day1 = shanghaiDay(new Date(t1.getTime() - 24 * HOUR));
  const clock = new AnalyticsTestClock(t1);
  let browser: Browser;
  let producer: Producer;
  let analytics: RunningApp;
  let cases: RunningApp;

  // Lending: one hotline complaint an hour for 30 hours (19 on day 1, 11 on day 2), then 12 in the last hour: a spike.
  const lending = { product: 'LOAN', reason: 'PROCESS', department: 'LENDING' } as const;
  const baseline = Array.from(
    { length: 30 },
    (_, i) => new ComplaintScript(new Date(t1.getTime() - (i + 2) * HOUR + 15 * MINUTE), 'hotline', lending, '640000'),
  );
  const spike = Array.from(
    { length: 12 },
    (_, i) => new ComplaintScript(new Date(t1.getTime() - HOUR + i * 4 * MINUTE), 'hotline', lending, '640000'),
  );
  // Card centre, day 1: three web complaints, one answered within 48 h, one whose feedback deadline was missed.
  const cards = Array.from(
    { length: 3 },
    (_, i) => new ComplaintScript(new Date(t1.getTime() - 24 * HOUR + i * HOUR), 'web', { department: 'CARD_CENTER' }),
  );
  // Fraud, day 2: two WeChat complaints, one that missed its decision deadline.
  const fraud = Array.from(
    { length: 2 },
    (_, i) =>
      new ComplaintScript(new Date(t1.getTime() - 3 * HOUR + i * HOUR), 'wechat', {
        department: 'FRAUD',
        product: 'PAYMENT',
        reason: 'FUNDS_SECURITY',
      }),
  );
  const all = [...baseline, ...spike, ...cards, ...fraud];
  const sample = spike.at(-1)!;

  const overseer = staffToken(['consumer-protection'], []);
  const dashboardPath = `/console/dashboard?from=${day1}&to=${day2}&groupBy=department`;

  beforeAll(async () => {
    // The console learns the analytics URL from cases, and analytics allows the console's origin: each must know the other's address.
    const analyticsPort = await freePort();
    const casesConfig = testConfig(CasesConfig, { CASES_CONSOLE_ANALYTICS_URL: `http://127.0.0.1:${analyticsPort}` });
    [browser, producer, cases] = await Promise.all([
      launchBrowser(),
      testProducer(),
      startApp(CasesModule.register(casesConfig), { site: staffConsole(casesConfig) }),
    ]);
    const analyticsConfig = testConfig(AnalyticsConfig, { ANALYTICS_CORS_ORIGINS: cases.url, ANALYTICS_TERM_TICK_MS: '0' });
    analytics = await startApp(AnalyticsModule.register(analyticsConfig, { clock }), {
      port: analyticsPort,
      corsOrigins: originList(analyticsConfig.ANALYTICS_CORS_ORIGINS),
    });

    // Cases opens a case for each routed complaint (and says so on case events, which analytics counts).
    await publish(producer, ...all.map((c) => c.routed()));
    await publish(
      producer,
      cards[0].caseEvent('feedback_sent', 10, { first: true }, 'IN_PROGRESS'),
      cards[1].caseEvent('sla_breached', 48, { clock: 'feedback' }),
      fraud[0].caseEvent('sla_breached', 360, { clock: 'decision' }),
    );
    await eventually(async () => {
      const res = await fetch(`${analytics.url}/v1/kpis?from=${day1}&to=${day2}&groupBy=department`, {
        headers: { authorization: `Bearer ${overseer}` },
      });
      const body = (await res.json()) as {
        total: { volume: number; cases: number; breaches: { complaints: number }; firstFeedback: { within48h: number } };
      };
      const t = body.total;
      return t.volume === all.length && t.cases === all.length && t.breaches.complaints === 2 && t.firstFeedback.within48h === 1
        ? true
        : undefined;
    });
    const raised = await analytics.app.get(DetectHotspotsUseCase).evaluateSpikes(t1);
    expect(raised.map((a) => a.key)).toContain('spike:department:LENDING');
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), analytics?.close(), cases?.close(), producer?.disconnect()]);
  });

  /** Signs in through the console's development sign-in form, in Chinese (the default). */
  async function signIn(page: Page, sub: string, role: string, departments: string[]) {
    await page.goto(`${cases.url}/console`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await page.getByLabel('员工编号').fill(sub);
    for (const name of ['处理员', '主管', '消保专员', '管理员', '审计员']) {
      await page
        .getByRole('group', { name: '角色' })
        .getByRole('checkbox', { name, exact: true })
        .setChecked(name === role);
    }
    for (const name of departments) await page.getByRole('group', { name: '部门' }).getByRole('checkbox', { name, exact: true }).check();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '案件队列' }).waitFor();
  }

  /** Content-Security-Policy violations the page reports (the charts must draw under the console's strict policy). */
  async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }

  /** A table's rows as their cells' text, header cells included. */
  function rows(page: Page, chart: string): Promise<string[][]> {
    return page
      .locator(`table[data-chart="${chart}"] tr`)
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent.trim())));
  }

  async function openTables(page: Page) {
    for (const summary of await page.locator('details.chart-data > summary').all()) await summary.click();
  }

  it('shows consumer protection the charts of the period, their tables, and the hot-spot alert with its sample case, in Chinese and English', async () => {
    await onPage(browser, 'dashboard-overseer', async (page) => {
      const violations = await recordCspViolations(page);
      await signIn(page, 'dash-overseer', '消保专员', ['个人信贷部']);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '分析看板' }).click();
      await page.getByRole('heading', { level: 1, name: '分析看板' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/console/dashboard');

      // The period picker: chosen dates.
      await page.getByLabel('期间').selectOption({ label: '自定义日期' });
      await page.getByLabel('开始日期').fill(day1);
      await page.getByLabel('结束日期').fill(day2);
      await page.getByRole('button', { name: '查看' }).click();
      await page.getByText(`${day1} 至 ${day2}`).waitFor();
      expect(new URL(page.url()).search).toBe(`?from=${day1}&to=${day2}&groupBy=department`);

      // Each chart is drawn on a canvas, named as one image.
      for (const id of ['trend', 'breakdown', 'heatmap', 'hotspots']) await page.locator(`#${id} .chart canvas`).first().waitFor();
      await expect(page.locator('#trend [role="img"]').getAttribute('aria-label')).resolves.toContain(`共 ${all.length} 件`);

      const overview = page.locator('#summary');
      await expect(overview.locator('dd').first().textContent()).resolves.toContain(String(all.length));

      await openTables(page);
      expect(await rows(page, 'trend')).toEqual([
        ['日期', '信用卡中心', '风险管理部-反欺诈', '个人信贷部', '合计'],
        [day1, '3', '0', '19', '22'],
        [day2, '0', '2', '23', '25'],
      ]);
      expect(await rows(page, 'breakdown')).toEqual([
        ['部门', '投诉量', '立案', '48 小时内首次反馈', '15 日内作出决定', '错过时限'],
        ['信用卡中心', '3', '3', '1 件（33.3%）', '0 件（0.0%）', '1'],
        ['风险管理部-反欺诈', '2', '2', '0 件（0.0%）', '0 件（0.0%）', '1'],
        ['个人信贷部', '42', '42', '0 件（0.0%）', '0 件（0.0%）', '0'],
        ['合计', '47', '47', '1 件（2.1%）', '0 件（0.0%）', '2'],
      ]);
      expect(await rows(page, 'heatmap')).toEqual([
        ['日期', '信用卡中心', '风险管理部-反欺诈', '个人信贷部'],
        [day1, '1 / 3', '0 / 0', '0 / 19'],
        [day2, '0 / 0', '1 / 2', '0 / 23'],
      ]);

      // The planted spike, with observed against expected and its sample cases linked to their case pages.
      const alert = page.locator('#hotspots li[data-key="spike:department:LENDING"]');
      await expect(alert.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('激增 部门：个人信贷部');
      await expect(alert.textContent()).resolves.toContain('实际 12 件');
      const link = alert.getByRole('link', { name: sample.reference });
      expect(await link.getAttribute('href')).toBe(`/console/cases/${sample.reference}`);
      expect(await alert.getByRole('link').count()).toBe(5);

      expect(await accessibilityViolations(page)).toEqual([]);

      // The English switch re-labels the charts' tables and the alerts.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Analytics dashboard' }).waitFor();
      await openTables(page);
      expect((await rows(page, 'trend'))[0]).toEqual(['Day', 'Card centre', 'Fraud risk', 'Lending', 'Total']);
      expect((await rows(page, 'breakdown'))[1]).toEqual(['Card centre', '3', '3', '1 (33.3%)', '0 (0.0%)', '1']);
      await expect(alert.getByRole('heading', { level: 3 }).textContent()).resolves.toBe('Spike Department: Lending');
      await expect(alert.textContent()).resolves.toContain('12 complaints where');

      // Grouped by channel instead.
      await page.getByLabel('Group by').selectOption({ label: 'Channel' });
      await page.locator('table[data-chart="trend"] th', { hasText: 'Hotline' }).first().waitFor({ state: 'attached' });
      await openTables(page);
      expect(await rows(page, 'trend')).toEqual([
        ['Day', 'Hotline', 'Web', 'WeChat', 'Total'],
        [day1, '19', '3', '0', '22'],
        [day2, '23', '0', '2', '25'],
      ]);
      expect(await accessibilityViolations(page)).toEqual([]);
      // Tooltips are drawn too (on the canvas: HTML tooltips would need inline styles the policy refuses).
      await page.locator('#trend .chart').hover();
      await page.locator('#heatmap .chart').hover();

      // The sample opens the case in the workspace.
      await link.click();
      await page.getByRole('heading', { level: 1, name: `Case ${sample.reference}` }).waitFor();
      expect(await violations()).toEqual([]);
    });
  });

  it("shows an agent only their own departments and no other department's alerts, and an agent of no department why there is nothing", async () => {
    await onPage(browser, 'dashboard-agent', async (page) => {
      await signIn(page, 'dash-agent', '处理员', ['信用卡中心']);
      await page.goto(`${cases.url}${dashboardPath}`);
      await page.getByRole('heading', { level: 1, name: '分析看板' }).waitFor();
      await page.getByText('只显示您所在部门的数据：信用卡中心。').waitFor();
      await page.locator('#trend .chart canvas').first().waitFor();
      await openTables(page);
      expect(await rows(page, 'trend')).toEqual([
        ['日期', '信用卡中心', '合计'],
        [day1, '3', '3'],
        [day2, '0', '0'],
      ]);
      expect((await rows(page, 'heatmap'))[0]).toEqual(['日期', '信用卡中心']);
      await page.locator('#hotspots').getByText('本期间没有热点预警。').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // An agent of no department has no figures to see (analytics would refuse with 403): said in words.
      await page.getByRole('button', { name: '退出登录' }).click();
      await signIn(page, 'dash-nobody', '处理员', []);
      await page.goto(`${cases.url}${dashboardPath}`);
      await page.getByText('您的账号没有任何部门，看不到统计数据。请联系管理员。').waitFor();
      expect(await page.locator('#trend').count()).toBe(0);
    });
  });

  it('says so when nothing was received in the period, and when analytics cannot be reached', async () => {
    await onPage(browser, 'dashboard-empty', async (page) => {
      await signIn(page, 'dash-empty', '主管', ['个人信贷部']);
      const before = new Date(t1.getTime() - 10 * 24 * HOUR).toISOString().slice(0, 10);
      await page.goto(`${cases.url}/console/dashboard?from=${before}&to=${before}&groupBy=channel`);
      await page.locator('#trend').getByText('该期间没有受理投诉。').waitFor();
      await page.locator('#hotspots').getByText('本期间没有热点预警。').waitFor();
      expect(await page.locator('canvas').count()).toBe(0);

      await page.route(`${analytics.url}/**`, (route) => route.abort('connectionrefused'));
      await page.getByRole('button', { name: '刷新' }).click();
      await page.locator('#trend').getByRole('alert').getByText('无法连接服务，请检查网络后重试。').waitFor();
      expect(await page.locator('#trend').textContent()).not.toContain('{');
    });
  });
});
