import { Browser, Page } from 'playwright-core';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { dropDatabase, ensureDatabase } from '@complaints/persistence';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { receivedComplaint, testPublisher } from '../integration/router-fixtures';
import { accessibilityViolations, launchBrowser, onPage } from '../support/browser';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { eventually, freePort, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { databaseOfItsOwn } from '../support/own-database';
import { caseSeenBy, staffCall } from '../support/staff-api';

/**
 * The console's routing administration in Chromium against a real router and cases (Kafka, PostgreSQL):
 * rule versions (view, restore, a concurrent change), the handlers page (add, field errors, deactivate with
 * the router moving a case, the change trail) and the assign action's handler picker.
 */
describe('routing administration in the staff console (real Chromium, router and cases)', () => {
  let browser: Browser;
  let router: RunningApp;
  let cases: RunningApp;
  const admin = staffToken(['admin'], [], 'routing-admin');
  const routerDatabase = databaseOfItsOwn('routing_admin_router');

  beforeAll(async () => {
    // The console learns the router's URL from cases, and the router allows the console's origin.
    const routerPort = await freePort();
    const casesConfig = testConfig(CasesConfig, { CASES_CONSOLE_ROUTER_URL: `http://127.0.0.1:${routerPort}` });
    // The router keeps its rules and handlers in a database of its own: this test changes them, other tests expect the seeded ones.
    await dropDatabase(routerDatabase);
    await ensureDatabase(routerDatabase);
    [browser, cases] = await Promise.all([
      launchBrowser(),
      startApp(CasesModule.register(casesConfig), { site: staffConsole(casesConfig) }),
    ]);
    const routerConfig = testConfig(RouterConfig, {
      ROUTER_CORS_ORIGINS: cases.url,
      DATABASE_URL: routerDatabase,
      ROUTER_OUTBOX_POLL_MS: '200',
    });
    router = await startApp(RouterModule.register(routerConfig), { port: routerPort, corsOrigins: routerConfig.corsOrigins });
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), router?.close(), cases?.close()]);
    await dropDatabase(routerDatabase);
  });

  const routerCall = (method: string, path: string, body?: unknown) => staffCall(router.url, admin, method, path, body);

  const caseOf = (reference: string) => caseSeenBy(cases.url, admin, reference);

  /** Signs in through the console's development sign-in, in English. */
  async function signIn(page: Page, sub: string, role: 'Supervisor' | 'Administrator' | 'Consumer protection', departments: string[] = []) {
    await page.goto(`${cases.url}/console`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Staff id').fill(sub);
    await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: 'Agent', exact: true }).setChecked(false);
    await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: role, exact: true }).check();
    for (const department of departments)
      await page.getByRole('group', { name: 'Departments' }).getByRole('checkbox', { name: department, exact: true }).check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
  }

  it('lists the rule versions, shows an older one, and lets an admin restore it (after a concurrent change is explained)', async () => {
    const seeded = await routerCall('GET', '/v1/routing/rules');
    expect(seeded.body.version).toBe(1);
    const edited = structuredClone(seeded.body.rules) as { id: string; description: string }[];
    edited.find((r) => r.id === 'R5')!.description = 'Credit cards (edited in version 2)';
    const second = await routerCall('PUT', '/v1/routing/rules', {
      expectedVersion: 1,
      comment: 'version 2 for the console test',
      rules: edited,
    });
    expect(second.status).toBe(200);

    await onPage(browser, 'routing-admin-versions', async (page) => {
      await signIn(page, 'routing-admin', 'Administrator');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routing rules' }).click();
      const versions = page.getByRole('region', { name: 'Rule versions' });
      await versions.locator('tr[data-version="2"]').getByText('version 2 for the console test').waitFor();
      expect(await versions.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version')))).toEqual(['2', '1']);
      await versions.locator('tr[data-version="2"]').getByText('active').waitFor();
      expect(await versions.locator('tr[data-version="2"] td').first().textContent()).toBe('routing-admin');

      // Version 1's rules, as they were.
      await versions.getByRole('button', { name: 'View version 1' }).click();
      const viewed = versions.getByRole('region', { name: 'Rules of version 1' });
      await viewed.locator('tr[data-rule="R5"]').waitFor();
      expect(await viewed.locator('tr[data-rule="R5"]').textContent()).toContain(
        seeded.body.rules.find((r: { id: string }) => r.id === 'R5').description,
      );
      // Focus goes to the version shown (after the render: waited for, not raced).
      await page.waitForFunction(() => document.activeElement?.id === 'version-view-heading', undefined, { timeout: 5_000 });

      // Restoring needs a confirmation with a reason; someone else changes the rules meanwhile: said in words, with a reload.
      await viewed.getByRole('button', { name: 'Restore version 1' }).click();
      const confirm = page.getByRole('form', { name: 'Restore version 1?' });
      await confirm.getByText('become active at once as the new version 3').waitFor();
      await confirm.getByRole('button', { name: 'Confirm: restore version 1' }).click();
      await confirm.getByText('Please fill this in.').waitFor();
      expect(await confirm.getByLabel('Why restore it (kept in the audit trail)').getAttribute('aria-invalid')).toBe('true');
      expect(await accessibilityViolations(page)).toEqual([]);
      const concurrent = await routerCall('PUT', '/v1/routing/rules', {
        expectedVersion: 2,
        comment: 'a concurrent change',
        rules: edited,
      });
      expect(concurrent.body.version).toBe(3);
      await confirm.getByLabel('Why restore it (kept in the audit trail)').fill('version 2 misroutes cards');
      await confirm.getByRole('button', { name: 'Confirm: restore version 1' }).click();
      await confirm
        .getByRole('alert')
        .filter({ hasText: 'Someone else changed the rules after you decided to restore (the active version is now 3)' })
        .waitFor();
      await confirm.getByRole('button', { name: 'Reload the rules' }).click();
      await page.getByText('Active version 3, published by routing-admin').waitFor();
      await versions.locator('tr[data-version="3"]').getByText('a concurrent change').waitFor();

      // Decided again from version 3: version 1's rules become version 4.
      await versions.getByRole('button', { name: 'View version 1' }).click();
      await viewed.getByRole('button', { name: 'Restore version 1' }).click();
      await confirm.getByText('become active at once as the new version 4').waitFor();
      await confirm.getByLabel('Why restore it (kept in the audit trail)').fill('version 2 misroutes cards');
      await confirm.getByRole('button', { name: 'Confirm: restore version 1' }).click();
      await page.getByRole('status').filter({ hasText: "Restored version 1's rules: version 4 is active." }).waitFor();
      await page.waitForFunction(
        () => document.activeElement?.textContent === "Restored version 1's rules: version 4 is active.",
        undefined,
        { timeout: 5_000 },
      );
      await page.getByText('Active version 4, published by routing-admin').waitFor();
      expect(await page.getByLabel('Description of R5').inputValue()).toBe(
        seeded.body.rules.find((r: { id: string }) => r.id === 'R5').description,
      );
      await versions.locator('tr[data-version="4"]').getByText('active').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    const restored = await routerCall('GET', '/v1/routing/rules');
    expect(restored.body).toMatchObject({
      version: 4,
      createdBy: 'routing-admin',
      comment: 'version 2 misroutes cards',
      rules: seeded.body.rules,
    });
  });

  it('shows a supervisor the versions and handlers without restore or edit controls', async () => {
    await onPage(browser, 'routing-admin-supervisor', async (page) => {
      await signIn(page, 'cards-lead', 'Supervisor', ['Card centre']);
      await page.getByRole('link', { name: 'Routing rules' }).click();
      const versions = page.getByRole('region', { name: 'Rule versions' });
      await versions.getByRole('button', { name: 'View version 1' }).click();
      await versions.getByRole('region', { name: 'Rules of version 1' }).locator('tr[data-rule="R1"]').waitFor();
      expect(await page.getByRole('button', { name: /^Restore version/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Save as a new version' }).count()).toBe(0);

      await page.getByRole('link', { name: 'Handlers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Handlers' }).waitFor();
      await page.getByText('only administrators add, change or deactivate them').waitFor();
      await page.getByRole('region', { name: 'Handler change trail' }).waitFor();
      expect(await page.getByRole('form', { name: 'Add a handler' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^(Edit|Deactivate) / }).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it('adds handlers, offers them in the assign picker, and deactivating one moves their case to another', async () => {
    // A card fraud complaint, opened while the department has no handler: it waits in the queue.
    const event = receivedComplaint('信用卡被盗刷了5笔,请立即冻结并退款。', { contact: { phoneLast4: uniquePhone().last4 } });
    const publisher = testPublisher();
    await publisher.connect();
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId }).finally(() => publisher.disconnect());
    const reference = event.complaint.reference;
    const opened = await eventually(() => caseOf(reference));
    expect(opened).toMatchObject({ department: 'FRAUD', assignee: null });

    await onPage(browser, 'routing-admin-handlers', async (page) => {
      await signIn(page, 'routing-admin', 'Administrator');
      await page.getByRole('link', { name: 'Handlers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Handlers' }).waitFor();
      await page.getByText('There are no handlers yet.').waitFor();

      // The page in Chinese, then in English again.
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('heading', { level: 1, name: '处理人员' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '新增处理人员' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'English' }).click();
      const form = page.getByRole('form', { name: 'Add a handler' });

      // Errors at their fields: an empty department (the console's check), a bad staff id (the router's).
      await form.getByLabel('Staff id (their sign-in)').fill('li na');
      await form.getByLabel('Name', { exact: true }).fill('李娜');
      await form.getByRole('button', { name: 'Save the handler' }).click();
      await form.getByText('Choose a department.').waitFor();
      expect(await form.getByLabel('Department').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Department').selectOption('FRAUD');
      await form.getByRole('button', { name: 'Save the handler' }).click();
      await form.getByRole('alert').filter({ hasText: 'Please correct the marked fields.' }).waitFor();
      await form.getByText('A staff id is 1-128 letters, digits or . _ @ : -.').waitFor();
      const idField = form.getByLabel('Staff id (their sign-in)');
      expect(await idField.getAttribute('aria-invalid')).toBe('true');
      expect(await idField.getAttribute('aria-describedby')).toContain('handler-id-error');
      expect(await accessibilityViolations(page)).toEqual([]);

      await idField.fill('fraud-li');
      await form.getByRole('button', { name: 'Save the handler' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Saved handler fraud-li (李娜).' })
        .getByText('No open case had to be reassigned.')
        .waitFor();
      await page.locator('tr[data-handler="fraud-li"]').waitFor();
      expect(await page.locator('tr[data-handler="fraud-li"] td').allTextContents()).toEqual([
        '李娜',
        'Fraud risk',
        'Generalist (any product and reason)',
        'Chinese',
        'Active',
        '0',
        'EditDeactivate',
      ]);

      const form2 = page.getByRole('form', { name: 'Add a handler' });
      await form2.getByLabel('Staff id (their sign-in)').fill('fraud-wang');
      await form2.getByLabel('Name', { exact: true }).fill('王伟');
      await form2.getByLabel('Department').selectOption('FRAUD');
      await form2.getByRole('group', { name: 'Languages they handle (at least one)' }).getByRole('checkbox', { name: 'English' }).check();
      await form2.getByRole('button', { name: 'Save the handler' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved handler fraud-wang (王伟).' }).waitFor();
      await page.locator('tr[data-handler="fraud-wang"]').getByText('Chinese, English').waitFor();
    });

    // The picker on the case page: the department's active handlers, fewest open cases first; assigning through it works.
    await onPage(browser, 'routing-admin-assign', async (page) => {
      await signIn(page, 'fraud-lead', 'Supervisor', ['Fraud risk']);
      await page.goto(`${cases.url}/console/cases/${reference}`);
      await page.getByRole('button', { name: 'Assign to…', exact: true }).click();
      const picker = page.getByRole('combobox', { name: "Handler's staff id" });
      await picker.waitFor();
      expect(await picker.locator('option').allTextContents()).toEqual([
        '李娜 (fraud-li), 0 open cases',
        '王伟 (fraud-wang), 0 open cases',
      ]);
      await page.getByText("The case department's active handlers, fewest open cases first.").waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await picker.selectOption('fraud-li');
      await page.getByRole('button', { name: 'Confirm: Assign to…' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Assign to…' }).waitFor();
    });
    expect(await caseOf(reference)).toMatchObject({ assignee: 'fraud-li', status: 'ASSIGNED' });
    // The router follows the case events: the case counts as fraud-li's.
    await eventually(async () => {
      const list = await routerCall('GET', '/v1/routing/handlers?department=FRAUD');
      return list.body.items.find((h: { id: string }) => h.id === 'fraud-li')?.openCases === 1 ? true : undefined;
    });

    await onPage(browser, 'routing-admin-deactivate', async (page) => {
      await signIn(page, 'routing-admin', 'Administrator');
      await page.goto(`${cases.url}/console/handlers`);
      await page.locator('#handlers-department').selectOption('FRAUD');
      const row = page.locator('tr[data-handler="fraud-li"]');
      await row.locator('td.number', { hasText: '1' }).waitFor();
      await row.getByRole('button', { name: 'Deactivate fraud-li' }).click();
      const confirm = page.getByRole('region', { name: 'Deactivate 李娜 (fraud-li)?' });
      await confirm.getByText('their open cases (1) go to').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Confirm: deactivate fraud-li' }).click();
      const outcome = page.getByRole('status').filter({ hasText: 'Deactivated handler fraud-li (李娜).' });
      await outcome.getByText('Open cases reassigned: 1').waitFor();
      await outcome.getByText(`${reference} → fraud-wang`).waitFor();
      await row.getByText('Deactivated').waitFor();

      const trail = page.getByRole('region', { name: 'Handler change trail' });
      await trail.getByText('3 changes (showing 1–3)').waitFor();
      const newest = trail.locator('tbody tr').first();
      expect(await newest.locator('td').allTextContents()).toEqual([
        expect.any(String),
        'routing-admin',
        'Deactivated',
        `1${reference} → fraud-wang`,
      ]);
      expect(await trail.locator('tbody tr').last().getByText('Added (Fraud risk)').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
    // Cases hears of the move on complaints.assignments.v1.
    const moved = await eventually(async () => {
      const current = await caseOf(reference);
      return current?.assignee === 'fraud-wang' ? current : undefined;
    });
    expect(moved.timeline.at(-1)).toMatchObject({ type: 'assigned', actor: expect.stringContaining('router') });
  });

  it('falls back to typing the staff id when the person may not read the handlers', async () => {
    const event = receivedComplaint('信用卡被盗刷了2笔,请冻结。', { contact: { phoneLast4: uniquePhone().last4 } });
    const publisher = testPublisher();
    await publisher.connect();
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId }).finally(() => publisher.disconnect());
    const reference = event.complaint.reference;
    await eventually(() => caseOf(reference));

    await onPage(browser, 'routing-admin-assign-fallback', async (page) => {
      await signIn(page, 'cp-officer', 'Consumer protection');
      expect(await page.getByRole('link', { name: 'Handlers' }).count()).toBe(0);
      await page.goto(`${cases.url}/console/cases/${reference}`);
      await page.getByRole('button', { name: 'Assign to…', exact: true }).click();
      const typed = page.getByRole('textbox', { name: "Handler's staff id" });
      await page.getByText("Your roles may not read the router's handler list: type the staff id.").waitFor();
      expect(await typed.getAttribute('aria-describedby')).toBe('action-assignee-hint');
      await typed.fill('fraud-zhao');
      await page.getByRole('button', { name: 'Confirm: Assign to…' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Assign to…' }).waitFor();
    });
    expect(await caseOf(reference)).toMatchObject({ assignee: 'fraud-zhao' });
  });
});
