import { Producer } from 'kafkajs';
import { Browser, Page } from 'playwright-core';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { AnalyticsModule } from '../../apps/analytics/src/analytics.module';
import { UNKNOWN_KEY } from '../../apps/analytics/src/domain/kpi-dimensions';
import { transparencyCors } from '../../apps/analytics/src/interface/http/transparency-cors';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { customerSite } from '../../apps/intake-web/src/interface/web/customer-site';
import { AnalyticsTestClock, ComplaintScript, publish, RoutingSpec, uniqueMonth } from '../integration/analytics-fixtures';
import { accessibilityViolations, launchBrowser, onPage, PHONE } from '../support/browser';
import { testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { eventually, freePort, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

/**
 * The public transparency page of the customer site (intake-web) reads the report from analytics, a
 * different origin (real CORS and CSP in Chromium), over facts published on the real topics.
 */
describe('transparency page (real Chromium, analytics at another origin)', () => {
  let browser: Browser;
  let intake: RunningApp;
  let analytics: RunningApp;
  let producer: Producer;
  const month = uniqueMonth();
  const [year, monthNumber] = month.period.split('-').map(Number) as [number, number];
  const quarter = Math.ceil(monthNumber / 3);
  // The test's month lies in the future (2040-2099): analytics and the page both live on a day after it has ended.
  const THE_END = new Date('2100-06-01T00:00:00Z');

  // 8 credit-card fee complaints (Shanghai, 310000; 6 resolved within days, rated 5 and closed after fixing a fee disclosure),
  // 6 deposit process complaints (Beijing, 110000; first answered after 60 h), 2 loan fee complaints (Shanghai).
  const groups: Array<[number, RoutingSpec, string]> = [
    [8, { product: 'CREDIT_CARD', reason: 'FEES', department: 'CARD_CENTER' }, '310000'],
    [6, { product: 'DEPOSIT', reason: 'PROCESS', department: 'RETAIL_BANKING' }, '110000'],
    [2, { product: 'LOAN', reason: 'FEES', department: 'LENDING' }, '310000'],
  ];

  beforeAll(async () => {
    const analyticsPort = await freePort();
    const intakeConfig = testConfig(IntakeWebConfig, { INTAKE_WEB_ANALYTICS_URL: `http://127.0.0.1:${analyticsPort}` });
    [browser, producer, intake] = await Promise.all([
      launchBrowser(),
      testProducer(),
      startApp(IntakeWebModule.register(intakeConfig), { site: customerSite(intakeConfig) }),
    ]);
    const analyticsConfig = testConfig(AnalyticsConfig, { ANALYTICS_PUBLIC_CORS_ORIGINS: intake.url });
    analytics = await startApp(
      AnalyticsModule.register(analyticsConfig, { clock: new AnalyticsTestClock(THE_END), detectHotspots: false }),
      {
        publicCors: transparencyCors(analyticsConfig),
        port: analyticsPort,
      },
    );

    let day = 1;
    for (const [count, routing, region] of groups) {
      for (let i = 0; i < count; i++) {
        const s = new ComplaintScript(month.at(day++), 'web', routing, region);
        const feedbackAfter = routing.product === 'DEPOSIT' ? 60 : 12;
        const events = [
          s.received(),
          s.routed(),
          s.caseEvent('opened', 0.1),
          s.caseEvent('feedback_sent', feedbackAfter, { first: true }, 'IN_PROGRESS'),
        ];
        if (routing.product === 'CREDIT_CARD' && i < 6) {
          events.push(
            s.caseEvent('resolution_proposed', 48, {}, 'RESPONDED'),
            s.caseEvent('resolved', 50, {}, 'RESOLVED'),
            s.caseEvent('satisfaction_recorded', 60, { score: 5 }),
            s.caseEvent('closed', 70, { rootCause: '开户时未告知年费标准', correctiveAction: '退还年费' }, 'CLOSED'),
          );
        }
        await publish(producer, ...events);
      }
    }
    // The consumers have folded every event once the KPIs count all 16 complaints, cases and first answers, and the 6 closures.
    const overseer = staffToken(['consumer-protection'], []);
    // The routed events (categories) too: each topic's consumer first works through earlier tests' events.
    await eventually(async () => {
      const res = await fetch(`${analytics.url}/v1/kpis?from=${month.day(1)}&to=${month.day(28)}&groupBy=product`, {
        headers: { authorization: `Bearer ${overseer}` },
      });
      const body = (await res.json()) as {
        total: { volume: number; cases: number; closed: number; firstFeedback: { given: number }; satisfaction: { responses: number } };
        groups: { key: string }[];
      };
      const t = body.total;
      const routed = body.groups.every((g) => g.key !== UNKNOWN_KEY);
      return routed && t.volume === 16 && t.cases === 16 && t.firstFeedback.given === 16 && t.closed === 6 && t.satisfaction.responses === 6
        ? true
        : undefined;
    });
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), intake?.close(), analytics?.close(), producer?.disconnect()]);
  });

  /** The text of a figures table's cell for the row whose header is `row`. */
  const cell = (page: Page, table: string, row: string) =>
    page.locator(`#${table} tr`, { has: page.locator('th', { hasText: row }) }).locator('td');

  it('shows the month’s figures in Chinese, withholds a count under 5 in words, and passes the accessibility check', async () => {
    await onPage(
      browser,
      'transparency-zh',
      async (page) => {
        await page.clock.setFixedTime(THE_END);
        const response = await page.goto(`${intake.url}/transparency?period=${month.period}`);
        expect(response?.headers()['content-security-policy']).toContain(`connect-src 'self' ${analytics.url}`);
        await page.getByRole('heading', { level: 1, name: '投诉处理情况公示' }).waitFor();
        await page.getByRole('heading', { level: 2, name: `${year} 年 ${monthNumber} 月` }).waitFor();

        expect(await page.locator('#total-complaints').textContent()).toBe('16');
        expect(await cell(page, 'by-category', '信用卡').textContent()).toBe('8');
        // LOAN (2) is under 5; DEPOSIT (6), the next smallest, is withheld with it so the total does not give LOAN away.
        expect(await cell(page, 'by-category', '贷款').textContent()).toBe('少于 5');
        expect(await cell(page, 'by-category', '存款/借记卡/账户').textContent()).toBe('不公布');
        expect(await cell(page, 'by-cause', '定价收费').textContent()).toBe('10');
        expect(await cell(page, 'by-cause', '业务办理流程').textContent()).toBe('6');
        // Regions arrive as GB/T 2260 codes and are shown by name, in pinyin order (北京 before 上海).
        expect(await cell(page, 'by-region', '上海市').textContent()).toBe('10');
        expect(await cell(page, 'by-region', '北京市').textContent()).toBe('6');
        expect(await page.locator('#by-region tbody th').allTextContents()).toEqual(['北京市', '上海市']);
        expect(await page.locator('#by-region').innerText()).not.toContain('310000');
        expect(await cell(page, 'timeliness', '48 小时内首次答复').textContent()).toBe('62.5%');
        expect(await cell(page, 'timeliness', '15 天内给出处理结果').textContent()).toBe('37.5%');
        expect(await page.locator('#satisfaction-responses').textContent()).toBe('6');
        expect(await page.locator('#satisfaction-mean').textContent()).toBe('5');
        expect(await cell(page, 'root-causes', '信息告知不充分').textContent()).toBe('6');
        expect(await cell(page, 'corrective-actions', '退款、补偿或减免').textContent()).toBe('6');
        // Tables for screen readers: a caption, column and row headers with their scope.
        expect(await page.locator('#by-category caption').textContent()).toBe('投诉数量，按业务类别');
        expect(await page.locator('#by-category thead th[scope=col]').count()).toBe(2);
        expect(await page.locator('#by-category tbody th[scope=row]').count()).toBe(3);
        expect(await page.locator('main').innerText()).not.toContain('年费');
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      },
      PHONE,
    );
  });

  it('switches to English, picks a quarter and a period without data with the picker', async () => {
    await onPage(
      browser,
      'transparency-en',
      async (page) => {
        await page.clock.setFixedTime(THE_END);
        await page.goto(`${intake.url}/`);
        await page.getByRole('contentinfo').getByRole('link', { name: '投诉处理情况公示（数据报告）' }).click();
        await page.getByRole('heading', { level: 1, name: '投诉处理情况公示' }).waitFor();
        await page.getByRole('button', { name: 'English' }).click();
        // The page sets <html lang> once it has re-rendered: wait for it rather than read it at once.
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

        // The test's month lies in the future (no other test's complaints there); a link to it shows it, in the language chosen.
        await page.goto(`${intake.url}/transparency?period=${month.period}`);
        expect(await page.getByLabel('By').inputValue()).toBe('month');
        expect(await page.getByLabel('Year').inputValue()).toBe(String(year));
        expect(await page.getByLabel('Month').inputValue()).toBe(String(monthNumber));
        const monthName = new Date(2000, monthNumber - 1, 1).toLocaleString('en-GB', { month: 'long' });
        await page.getByRole('heading', { level: 2, name: `${monthName} ${year}` }).waitFor();
        expect(await cell(page, 'by-category', 'Credit cards').textContent()).toBe('8');
        expect(await cell(page, 'by-category', 'Loans').textContent()).toBe('fewer than 5');
        expect(await cell(page, 'by-category', 'Deposits, debit cards and accounts').textContent()).toBe('withheld');
        expect(await cell(page, 'timeliness', 'First response within 48 hours').textContent()).toBe('62.5%');
        expect(await cell(page, 'by-region', 'Shanghai').textContent()).toBe('10');
        expect(await cell(page, 'by-region', 'Beijing').textContent()).toBe('6');
        expect(await cell(page, 'root-causes', 'Information not properly disclosed').textContent()).toBe('6');
        expect(await cell(page, 'corrective-actions', 'Refunds, compensation or waivers').textContent()).toBe('6');
        expect(await page.locator('#by-category caption').textContent()).toBe('Complaints by type of business');
        expect(await accessibilityViolations(page)).toEqual([]);

        await page.getByLabel('By').selectOption('quarter');
        await page.getByLabel('Quarter', { exact: true }).selectOption(String(quarter));
        await page.getByRole('button', { name: 'Show' }).click();
        await page.getByRole('heading', { level: 2, name: `Q${quarter} ${year}` }).waitFor();
        expect(new URL(page.url()).searchParams.get('period')).toBe(`${year}Q${quarter}`);
        // Other tests' months may share the quarter: its total is the sum, or withheld when one of its months withholds its own.
        const quarterTotal = (await page.locator('#total-complaints').textContent())!;
        expect(quarterTotal === 'withheld' || Number(quarterTotal.replace(/,/g, '')) >= 16).toBe(true);

        await page.getByLabel('By').selectOption('year');
        await page.getByLabel('Year').selectOption('2019');
        await page.getByRole('button', { name: 'Show' }).click();
        await page.locator('#report-empty').waitFor();
        expect(await page.locator('#report-empty').textContent()).toBe(
          'There are no complaint figures to publish for 2019. Please choose another period.',
        );
        expect(await page.locator('#total-complaints').count()).toBe(0);
        expect(await accessibilityViolations(page)).toEqual([]);

        // A period still running on the page's (and analytics') day is not asked for: the page says why.
        await page.goto(`${intake.url}/transparency?period=2100Q2`);
        const banner = page.locator('.live-region .banner.error');
        await banner.waitFor();
        expect(await banner.textContent()).toBe(
          'Q2 2100 has not ended yet, and only ended periods are published. Please choose an earlier year, quarter or month.',
        );
        expect(await page.locator('#total-complaints').count()).toBe(0);
      },
      PHONE,
    );
  });

  it('says in words when the report cannot be fetched', async () => {
    await onPage(browser, 'transparency-unreachable', async (page) => {
      await page.clock.setFixedTime(THE_END);
      await page.route(`${analytics.url}/**`, (route) => route.abort('connectionrefused'));
      await page.goto(`${intake.url}/transparency?period=${month.period}`);
      const banner = page.locator('.live-region .banner.error');
      await banner.waitFor();
      expect(await banner.textContent()).toBe('网络连接出现问题，请检查网络后重试。');
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
});
