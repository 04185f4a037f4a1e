import { Browser } from 'playwright-core';
import { REFERENCE_PATTERN } from '@complaints/contracts';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { CUSTOMER_SITE } from '../../apps/intake-web/src/interface/web/customer-site';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { launchBrowser, onPage, PHONE } from '../support/browser';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

/**
 * The whole journey in Chromium, through both sites and the real services (intake-web, router and
 * cases on Kafka and PostgreSQL): a customer files a complaint on a phone and gets a reference; a
 * handler signs in to the staff console, finds it in the queue, answers and resolves it; the
 * customer's status page shows the new status and what they were told.
 */
describe('complaint journey: customer site -> staff console -> customer site (real Chromium)', () => {
  let browser: Browser;
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;

  beforeAll(async () => {
    const casesConfig = testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' });
    [browser, intake, router, cases] = await Promise.all([
      launchBrowser(),
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig)), { site: CUSTOMER_SITE }),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(casesConfig), { site: staffConsole(casesConfig) }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), intake?.close(), router?.close(), cases?.close()]);
  });

  it('a complaint filed on a phone is answered and resolved in the console, and the customer sees it', async () => {
    const phone = uniquePhone();
    const text = `信用卡被盗刷了3笔，请立即冻结并退款。（${phone.number.slice(-6)}）`;

    const reference = await onPage(
      browser,
      'journey-customer-files',
      async (page) => {
        await page.goto(`${intake.url}/`);
        await page.getByRole('heading', { level: 1, name: '提交投诉' }).waitFor();
        await page.getByLabel('姓名').fill('赵六');
        await page.getByLabel('手机号码').fill(phone.number);
        await page.getByLabel('投诉内容').fill(text);
        await page.getByRole('checkbox').check();
        await page.getByRole('button', { name: '提交投诉' }).click();
        await page.getByRole('heading', { level: 1, name: '投诉已受理' }).waitFor();
        return (await page.locator('#reference').textContent())!.trim();
      },
      PHONE,
    );
    expect(reference).toMatch(REFERENCE_PATTERN);

    // The router classifies it (card fraud) and cases opens it in the fraud department's queue.
    const supervisor = staffToken(['supervisor'], ['FRAUD']);
    const opened = await eventually(async () => {
      const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${supervisor}` } });
      return res.status === 200 ? ((await res.json()) as { department: string }) : undefined;
    });
    expect(opened.department).toBe('FRAUD');

    const answer = '我们已冻结您的卡片，并为3笔盗刷交易发起退款。';
    await onPage(browser, 'journey-handler-resolves', async (page) => {
      await page.goto(`${cases.url}/console?lang=en`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByLabel('Staff id').fill('journey-handler');
      await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Agent', exact: true }).check();
      await page.getByRole('group', { name: 'Departments' }).getByRole('checkbox', { name: 'Fraud risk', exact: true }).check();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();

      // Most urgent first, a page at a time: earlier tests' fraud cases come before this new one.
      const row = page.locator(`tr[data-reference="${reference}"]`);
      await page.locator('table.queue').waitFor();
      while (!(await row.isVisible())) {
        const next = page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next page' });
        expect(await next.isEnabled()).toBe(true);
        const first = await page.locator('table.queue tbody tr').first().getAttribute('data-reference');
        await next.click();
        await page.waitForFunction((was) => document.querySelector('table.queue tbody tr')?.getAttribute('data-reference') !== was, first);
      }
      await row.getByRole('link', { name: reference }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`Case ${reference}`) }).waitFor();
      await page.getByText(text).waitFor();

      const act = async (action: string, fields: Record<string, string> = {}) => {
        await page.getByRole('button', { name: action, exact: true }).click();
        for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
        await page.getByRole('button', { name: `Confirm: ${action}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `Done: ${action}` })
          .waitFor();
      };
      await act('Claim');
      await act('Send feedback to the customer', { 'Message to the customer (they will see it)': answer });
      await act('Propose a resolution', { 'Proposed resolution (the customer will see it)': '3笔交易全额退款，并补发新卡。' });
      await act('Mark resolved');
      await page.getByRole('heading', { level: 1 }).getByText('Resolved').waitFor();
    });

    // The customer's status page follows the case events on its own: it shows the resolution and the handler's words.
    await onPage(
      browser,
      'journey-customer-sees-status',
      async (page) => {
        await page.goto(`${intake.url}/status`);
        await page.getByRole('heading', { level: 1, name: '查询投诉进度' }).waitFor();
        await eventually(async () => {
          await page.getByLabel('受理编号').fill(reference);
          await page.getByLabel('手机号码后 4 位').fill(phone.number.slice(-4));
          await page.getByRole('button', { name: '查询', exact: true }).click();
          await page.getByRole('heading', { level: 2, name: `投诉 ${reference}` }).waitFor({ timeout: 5_000 });
          const shown = await page.locator('main').innerText();
          return shown.includes('已解决') && shown.includes(answer) ? true : undefined;
        });
        await page.getByRole('link', { name: '为我们的处理打分' }).waitFor();
      },
      PHONE,
    );
  });
});
