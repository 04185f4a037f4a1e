import { Browser, Page } from 'playwright-core';
import { ComplaintReceivedV1, Product, PRODUCT_LABELS, Reason, REASON_LABELS } from '@complaints/contracts';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { receivedComplaint, testPublisher } from '../integration/router-fixtures';
import { accessibilityViolations, launchBrowser, onPage } from '../support/browser';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

/**
 * The case workspace in Chromium against the real router and cases (Kafka, PostgreSQL): an agent works a
 * case, an auditor reads its audit trail, a supervisor sees it grow, and cases are found by reference.
 * In Chinese, the console's default, with the English switch tried once.
 */
describe('case workspace: audit trail and find a case (real Chromium, router and cases)', () => {
  let browser: Browser;
  let router: RunningApp;
  let cases: RunningApp;
  const admin = staffToken(['admin'], []);
  let reference: string;

  beforeAll(async () => {
    const casesConfig = testConfig(CasesConfig);
    [browser, cases, router] = await Promise.all([
      launchBrowser(),
      startApp(CasesModule.register(casesConfig), { site: staffConsole(casesConfig) }),
      startApp(RouterModule.register(testConfig(RouterConfig))),
    ]);
    // A web complaint as the intake publishes it, with the customer's id, phone digits and region.
    const event = receivedComplaint('信用卡被盗刷了5笔,请立即冻结并退款。', {
      customerId: 'CUST-20261129-0042',
      contact: { phoneLast4: '6789' },
    });
    event.complaint.context = { extra: { region: '310000' } };
    const publisher = testPublisher();
    await publisher.connect();
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId }).finally(() => publisher.disconnect());
    reference = event.complaint.reference;
    const opened = await eventually(() => caseOf(reference));
    expect(opened).toMatchObject({ department: 'FRAUD', customer: { customerId: 'CUST-20261129-0042', phoneLast4: '6789' } });
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), router?.close(), cases?.close()]);
  });

  async function caseOf(ref: string): Promise<Record<string, any> | undefined> {
    const res = await fetch(`${cases.url}/v1/cases/${ref}`, { headers: { authorization: `Bearer ${admin}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  }

  /** Signs in through the console's development sign-in, in Chinese (labels as the page shows them). */
  async function signIn(page: Page, sub: string, roles: string[], departments: string[]) {
    await page.goto(`${cases.url}/console`);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await page.getByLabel('员工编号').fill(sub);
    for (const role of ['处理员', '主管', '消保专员', '管理员', '审计员']) {
      await page.getByRole('group', { name: '角色' }).getByRole('checkbox', { name: role, exact: true }).setChecked(roles.includes(role));
    }
    for (const department of departments)
      await page.getByRole('group', { name: '部门' }).getByRole('checkbox', { name: department, exact: true }).check();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '案件队列' }).waitFor();
  }

  /** Opens a case from the queue page's "find a case" box. */
  async function find(page: Page, typed: string) {
    await page.getByRole('search', { name: '查找案件' }).getByLabel('查找案件').fill(typed);
    await page.getByRole('button', { name: '打开案件' }).click();
  }

  /** Content-Security-Policy violations the page reports (the console's policy is strict). */
  async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }

  const auditItems = (page: Page) => page.getByRole('region', { name: /审计记录|Audit trail/ }).locator('ol.audit-trail > li');

  it('an agent claims, starts, answers and notes; an auditor reads it all in the audit trail and may do nothing', async () => {
    const agent = `agent-${reference.slice(-6).toLowerCase()}`;
    const opened = (await caseOf(reference))!;

    await onPage(browser, 'case-workspace-agent', async (page) => {
      await signIn(page, agent, ['处理员'], ['风险管理部-反欺诈']);
      // Found by its reference typed loosely: spaces around it, lower case.
      await find(page, `  ${reference.toLowerCase()} `);
      await page.getByRole('heading', { level: 1, name: new RegExp(`案件 ${reference}`) }).waitFor();
      expect(page.url()).toBe(`${cases.url}/console/cases/${reference}`);

      // The summary: received, channel, product, reason, region, and the customer masked.
      const summary = page.getByRole('region', { name: '概况' });
      const facts = async () =>
        Object.fromEntries(
          await summary.locator('dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
        );
      await summary.getByText('网站').waitFor();
      expect(await facts()).toMatchObject({
        渠道: '网站',
        产品: PRODUCT_LABELS[opened.category.product as Product].zh,
        投诉原因: REASON_LABELS[opened.category.reason as Reason].zh,
        所在地区: '上海市',
        手机号码: '尾号 6789（已遮盖）',
        客户编号: '********0042（已遮盖）',
      });
      expect(await summary.textContent()).not.toContain('CUST-20261129-0042');
      expect(await summary.locator('time').getAttribute('datetime')).toBe(opened.receivedAt);
      // Agents may not read audit trails (the cases service's rule): the page does not offer it.
      expect(await page.getByRole('region', { name: '审计记录' }).count()).toBe(0);

      const act = async (action: string, fields: Record<string, string> = {}) => {
        await page.getByRole('button', { name: action, exact: true }).click();
        for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
        await page.getByRole('button', { name: `确认：${action}` }).click();
        await page
          .getByRole('status')
          .filter({ hasText: `已完成：${action}` })
          .waitFor();
      };
      await act('认领');
      await act('开始处理');
      await act('反馈客户', { '给客户的消息（客户可见）': '我们已冻结您的卡片，正在核查这5笔交易。' });
      await act('添加内部备注', { '备注（仅内部可见）': '已联系收单机构调取交易记录。' });
    });

    await onPage(browser, 'case-workspace-auditor', async (page) => {
      const cspViolations = await recordCspViolations(page);
      await signIn(page, 'auditor-1', ['审计员'], []);
      await find(page, reference);
      await page.getByRole('heading', { level: 1, name: new RegExp(`案件 ${reference}`) }).waitFor();
      // An auditor only reads: no action buttons.
      const actions = page.getByRole('region', { name: '操作' });
      await actions.getByText('以您的角色，此案件当前状态下没有可执行的操作。').waitFor();
      expect(await actions.getByRole('button').count()).toBe(0);

      // The audit trail is folded away until asked for.
      const audit = page.getByRole('region', { name: '审计记录' });
      expect(await audit.getByText('案件的每一次变更').isVisible()).toBe(false);
      await audit.getByText('显示审计记录').click();
      await audit.getByText('共 5 条记录。').waitFor();
      const items = auditItems(page);
      expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')))).toEqual([
        'open',
        'claim',
        'start',
        'send-feedback',
        'add-note',
      ]);
      const texts = await items.allInnerTexts();
      expect(texts[0]).toContain('立案');
      expect(texts[0]).toContain('操作人：系统（立案）');
      expect(texts[0]).toContain('状态：新建为“已受理”');
      expect(texts[1]).toMatch(
        new RegExp(`^认领 .*\\s+操作人：员工 ${agent}（处理员）\\s+状态：已受理 → 已分配\\s+处理人\\s+无人 → ${agent}`),
      );
      expect(texts[2]).toContain('状态：已分配 → 处理中');
      expect(texts[3]).toContain('反馈客户');
      expect(texts[3]).toContain('状态未变');
      expect(texts[3]).toMatch(/首次反馈时间\s+\d{4}年/);
      expect(texts[3]).toMatch(/给客户的消息\s+我们已冻结您的卡片，正在核查这5笔交易。/);
      expect(texts[4]).toContain(`操作人：员工 ${agent}（处理员）`);
      expect(texts[4]).toMatch(/内部备注\s+已联系收单机构调取交易记录。/);
      for (const text of texts) expect(text).not.toMatch(/[{}]|"status"/);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The English switch, once: the trail in English.
      await page.getByRole('button', { name: 'English' }).click();
      const english = page.getByRole('region', { name: 'Audit trail' });
      await english.getByText('5 entries.').waitFor();
      const englishTexts = await auditItems(page).allInnerTexts();
      expect(englishTexts[1]).toMatch(
        new RegExp(`^Claim .*\\s+By staff ${agent} \\(Agent\\)\\s+Status: Received → Assigned\\s+Handler\\s+nobody → ${agent}`),
      );
      expect(englishTexts[4]).toMatch(/Internal note\s+已联系收单机构调取交易记录。/);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await cspViolations()).toEqual([]);
    });
  });

  it('shows a supervisor the audit trail grow as they act on the page', async () => {
    await onPage(browser, 'case-workspace-supervisor', async (page) => {
      await signIn(page, 'fraud-lead', ['主管'], ['风险管理部-反欺诈']);
      await find(page, reference);
      const audit = page.getByRole('region', { name: '审计记录' });
      await audit.getByText('显示审计记录').click();
      await audit.locator('ol.audit-trail > li').first().waitFor();
      const before = await auditItems(page).count();
      expect(before).toBeGreaterThanOrEqual(1);

      await page.getByRole('button', { name: '暂停时钟', exact: true }).click();
      await page.getByLabel('原因').fill('等待司法鉴定结果');
      await page.getByRole('button', { name: '确认：暂停时钟' }).click();
      await page.getByRole('status').filter({ hasText: '已完成：暂停时钟' }).waitFor();
      await audit.getByText(`共 ${before + 1} 条记录。`).waitFor();
      const last = auditItems(page).last();
      expect(await last.getAttribute('data-action')).toBe('pause-clock');
      expect(await last.innerText()).toContain('操作人：员工 fraud-lead（主管）');
      expect(await last.innerText()).toMatch(/时钟暂停，原因\s+等待司法鉴定结果/);
    });
  });

  it('finds cases by reference: a malformed one is explained at the field, an unknown or unseen one gets the not-found banner', async () => {
    await onPage(browser, 'case-workspace-find', async (page) => {
      await signIn(page, 'card-agent', ['处理员'], ['信用卡中心']);
      const field = page.getByRole('search', { name: '查找案件' }).getByLabel('查找案件');

      await find(page, 'C2026-12');
      await page.getByText('案件编号的格式是 C、8 位日期、短横线和 6 位字母或数字，例如 C20261129-7KM9PQ。').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toContain('find-reference-error');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-reference');
      expect(page.url()).toBe(`${cases.url}/console`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // A well-formed reference of no case.
      await find(page, 'C20991231-ZZZZZZ');
      await page.getByRole('alert').filter({ hasText: '没有找到案件 C20991231-ZZZZZZ，或者您无权查看。' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('alert').getByRole('link', { name: '返回案件队列' }).click();
      await page.getByRole('heading', { level: 1, name: '案件队列' }).waitFor();

      // A case of another department is "not found" too (references cannot be probed).
      await find(page, reference);
      await page
        .getByRole('alert')
        .filter({ hasText: `没有找到案件 ${reference}，或者您无权查看。` })
        .waitFor();
    });
  });
});
