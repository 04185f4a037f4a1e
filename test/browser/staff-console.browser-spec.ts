import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { dropDatabase, ensureDatabase } from '@complaints/persistence';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { staffConsole } from '../../apps/cases/src/interface/web/staff-console';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { ComplaintReceivedV1 } from '@complaints/contracts';
import { receivedComplaint, testPublisher } from '../integration/router-fixtures';
import { accessibilityViolations, launchBrowser, onPage } from '../support/browser';
import { sha256 } from '../support/evidence-links';
import { PNG } from '../support/evidence-samples';
import { OidcProvider } from '../support/oidc-provider';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { eventually, freePort, RunningApp, startApp } from '../support/running-app';
import { productionStaffTokenSettings, staffToken } from '../support/staff-token';
import { databaseOfItsOwn } from '../support/own-database';
import { caseSeenBy, staffCall } from '../support/staff-api';

/**
 * The staff console in Chromium against real services (intake-web, router, cases on Kafka and
 * PostgreSQL): sign-in, queue, case workspace and the routing-rules page on the router's API.
 */
describe('staff console (real Chromium, router and cases)', () => {
  let browser: Browser;
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  let idp: OidcProvider;
  const clientId = 'complaints-console';
  const admin = staffToken(['admin'], [], 'rules-admin');
  const routerDatabase = databaseOfItsOwn('console_router');

  beforeAll(async () => {
    // The console learns the router's URL from cases, and the router allows the console's origin: each must know the other's address.
    // Likewise the case page links evidence to intake-web's address.
    const [routerPort, intakePort] = [await freePort(), await freePort()];
    idp = await OidcProvider.start(clientId);
    const casesConfig = testConfig(CasesConfig, {
      CASES_CONSOLE_ROUTER_URL: `http://127.0.0.1:${routerPort}`,
      CASES_OIDC_ISSUER: idp.issuer,
      CASES_OIDC_CLIENT_ID: clientId,
      CASES_EVIDENCE_BASE_URLS: `web:http://127.0.0.1:${intakePort}`,
    });
    [browser, intake, cases] = await Promise.all([
      launchBrowser(),
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig)), { port: intakePort }),
      startApp(CasesModule.register(casesConfig), { site: staffConsole(casesConfig) }),
    ]);
    // The router keeps its rules in a database of its own here: this test edits them, other tests expect the seeded version 1.
    await dropDatabase(routerDatabase);
    await ensureDatabase(routerDatabase);
    const routerConfig = testConfig(RouterConfig, { ROUTER_CORS_ORIGINS: cases.url, DATABASE_URL: routerDatabase });
    router = await startApp(RouterModule.register(routerConfig), { port: routerPort, corsOrigins: routerConfig.corsOrigins });
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), intake?.close(), router?.close(), cases?.close(), idp?.close()]);
    await dropDatabase(routerDatabase);
  });

  const routerCall = (method: string, path: string, body?: unknown) => staffCall(router.url, admin, method, path, body);

  const caseOf = (reference: string, token = admin) => caseSeenBy(cases.url, token, reference);

  /** A complaint through the public web API, by a customer of its own; resolves once its case is open. */
  async function fileComplaint(text: string, attachments: { data: string; fileName?: string }[] = []): Promise<Record<string, any>> {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ text, customer: { name: '王五', phone: uniquePhone().number }, consent: true, attachments }),
    });
    expect(res.status).toBe(202);
    const { reference } = (await res.json()) as { reference: string };
    return eventually(() => caseOf(reference));
  }

  /** Signs in through the console's development sign-in, in English. */
  async function signIn(page: Page, sub: string, roles: string[], departments: string[]) {
    await page.goto(`${cases.url}/console`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Staff id').fill(sub);
    for (const role of ['Agent', 'Supervisor', 'Consumer protection', 'Administrator', 'Auditor']) {
      await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: role, exact: true }).setChecked(roles.includes(role));
    }
    for (const department of departments)
      await page.getByRole('group', { name: 'Departments' }).getByRole('checkbox', { name: department, exact: true }).check();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('offers the development sign-in and the router URL to the console, and validates the sign-in', async () => {
    const config = await (await fetch(`${cases.url}/v1/console/config`)).json();
    expect(config).toEqual({
      signIn: { development: true, oidc: { issuer: idp.issuer, clientId, authorizationEndpoint: `${idp.issuer}/authorize` } },
      routerUrl: router.url,
      analyticsUrl: 'http://127.0.0.1:3008',
    });

    const refused = await fetch(`${cases.url}/v1/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'has spaces', roles: ['janitor'], departments: ['FRAUD'] }),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['roles', 'sub']);

    const signedIn = await fetch(`${cases.url}/v1/auth/dev-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'api-agent', roles: ['agent'], departments: ['FRAUD'] }),
    });
    expect(signedIn.status).toBe(200);
    const { token, expiresAt } = (await signedIn.json()) as { token: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(7 * 3600 * 1000);
    const queue = await fetch(`${cases.url}/v1/cases?department=FRAUD`, { headers: { authorization: `Bearer ${token}` } });
    expect(queue.status).toBe(200);
  });

  it('signs in with single sign-on (authorization code + PKCE) as the roles and departments the identity provider gives', async () => {
    idp.person = { sub: 'sso-agent', claims: { roles: ['agent', 'not-a-role'], departments: ['FRAUD'] } };
    await onPage(browser, 'console-sso', async (page) => {
      await page.goto(`${cases.url}/console?lang=en`);
      await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      await page.getByText('sso-agent (Agent)').waitFor();
      expect(page.url()).toBe(`${cases.url}/console`);
      expect(await page.getByLabel('Department').inputValue()).toBe('FRAUD');

      const authorization = idp.authorizations.at(-1)!;
      expect(authorization).toMatchObject({
        client_id: clientId,
        response_type: 'code',
        code_challenge_method: 'S256',
        redirect_uri: `${cases.url}/console/auth/callback`,
      });
      expect(authorization.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorization.state).toMatch(/^[A-Za-z0-9_-]{43}$/);

      // A person the identity provider gives no staff role is told so.
      idp.person = { sub: 'visitor', claims: { roles: ['guest'] } };
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in with single sign-on' }).click();
      await page.getByRole('alert').filter({ hasText: 'Single sign-on failed' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('no staff role');
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    const signIn = (body: unknown) =>
      fetch(`${cases.url}/v1/auth/oidc/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const forged = await signIn({ code: 'not-issued', codeVerifier: 'v'.repeat(43), redirectUri: `${cases.url}/console/auth/callback` });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    const invalid = await signIn({ code: 'x', codeVerifier: 'short', redirectUri: 'https://elsewhere.example/' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'codeVerifier',
      'redirectUri',
    ]);
  });

  it('lets the console page call the router: CORS preflight for its origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${router.url}/v1/routing/rules`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight(cases.url);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(cases.url);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const page = await fetch(`${cases.url}/console`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${router.url}`);
  });

  it('a handler signs in, finds the complaint in the queue, opens its evidence, claims, starts, answers, proposes and resolves it', async () => {
    const opened = await fileComplaint('信用卡被盗刷了5笔,请立即冻结并退款。', [
      { data: PNG.toString('base64'), fileName: '盗刷短信.png' },
    ]);
    const reference = opened.reference as string;
    expect(opened.department).toBe('FRAUD');
    const handler = `handler-${reference.slice(-6).toLowerCase()}`;

    await onPage(browser, 'console-handler', async (page) => {
      await page.goto(`${cases.url}/console`);
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      await signIn(page, handler, ['Agent'], ['Fraud risk']);
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      expect(await page.getByLabel('Department').inputValue()).toBe('FRAUD');
      const row = page.locator(`tr[data-reference="${reference}"]`);
      await row.waitFor();
      await expect(row.getByText('P1 urgent').count()).resolves.toBe(1);

      // The countdown runs on the page's clock, without asking the server again.
      const countdown = row.getByRole('timer').first();
      const before = await countdown.textContent();
      await page.waitForTimeout(1_300);
      expect(await countdown.textContent()).not.toBe(before);
      expect(before).toMatch(/left$/);
      expect(await accessibilityViolations(page)).toEqual([]);

      await row.getByRole('link', { name: reference }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`Case ${reference}`) }).waitFor();
      await page.getByText('信用卡被盗刷了5笔,请立即冻结并退款。').waitFor();
      await page.getByText('This case has no call transcript.').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // The customer's screenshot opens from the case: a signed link to intake-web, downloaded by the browser.
      const evidenceLink = page.getByRole('region', { name: 'Evidence' }).getByRole('link', { name: 'Download evidence 1 (image/png)' });
      expect(await evidenceLink.getAttribute('href')).toMatch(
        new RegExp(`^${intake.url}/v1/evidence/[0-9a-f-]{36}\\?complaint=${opened.complaintId}&expires=\\d+&sig=`),
      );
      const [downloaded] = await Promise.all([page.waitForEvent('download'), evidenceLink.click()]);
      expect(downloaded.suggestedFilename()).toBe('盗刷短信.png');
      const chunks: Buffer[] = [];
      for await (const chunk of await downloaded.createReadStream()) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(opened.content.attachments[0].sha256);
      expect(page.url()).toContain(`/console/cases/${reference}`);

      const act = async (action: string, fields: Record<string, string> = {}) => {
        await page.getByRole('button', { name: action, exact: true }).click();
        for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
        await page.getByRole('button', { name: `Confirm: ${action}` }).click();
      };
      await act('Claim');
      await page.getByRole('status').filter({ hasText: 'Done: Claim' }).waitFor();

      // Someone (here: the same handler from another tab) starts it meanwhile: the console says why it cannot.
      const started = await fetch(`${cases.url}/v1/cases/${reference}/start`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staffToken(['agent'], ['FRAUD'], handler)}` },
      });
      expect(started.status).toBe(200);
      await act('Start work');
      await page
        .getByRole('alert')
        .filter({ hasText: "The case's state does not allow this: cannot start a case that is IN_PROGRESS" })
        .waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: new RegExp(`Case ${reference}`) }).waitFor();

      // A required field left empty is marked at the field.
      await page.getByRole('button', { name: 'Send feedback to the customer', exact: true }).click();
      await page.getByRole('button', { name: 'Confirm: Send feedback to the customer' }).click();
      await page.getByText('Please fill this in.').waitFor();
      expect(await page.getByLabel('Message to the customer (they will see it)').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Message to the customer (they will see it)').fill('我们已冻结您的卡片，正在核查这5笔交易。');
      await page.getByRole('button', { name: 'Confirm: Send feedback to the customer' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Send feedback to the customer' }).waitFor();

      await act('Propose a resolution', { 'Proposed resolution (the customer will see it)': '5笔盗刷交易全额退款，并补发新卡。' });
      await page.getByRole('status').filter({ hasText: 'Done: Propose a resolution' }).waitFor();
      await act('Mark resolved');
      await page.getByRole('status').filter({ hasText: 'Done: Mark resolved' }).waitFor();

      await page.getByRole('heading', { level: 1 }).getByText('Resolved').waitFor();
      const customerSide = page.getByRole('region', { name: 'What the customer was told' });
      await customerSide.getByText('我们已冻结您的卡片，正在核查这5笔交易。').waitFor();
      await customerSide.getByText('Resolution proposed').waitFor();
      const internal = page.getByRole('region', { name: 'Internal record' });
      await internal.getByText('Claimed').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      const resolved = await caseOf(reference);
      expect(resolved).toMatchObject({ status: 'RESOLVED', assignee: handler });
      expect(resolved!.timeline.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['claimed', 'status_changed', 'feedback_sent', 'resolution_proposed', 'resolved']),
      );

      // Closing needs the root cause and the corrective action.
      await act('Close the case', { 'Root cause': '第三方支付渠道风控规则缺失', 'Corrective action': '上线盗刷交易实时拦截规则' });
      await page.getByRole('status').filter({ hasText: 'Done: Close the case' }).waitFor();
      await page.getByRole('heading', { level: 1 }).getByText('Closed').waitFor();
      await page.getByText('root cause: 第三方支付渠道风控规则缺失').waitFor();
    });

    const after = await caseOf(reference);
    expect(after).toMatchObject({
      status: 'CLOSED',
      lifecycle: { closure: { rootCause: '第三方支付渠道风控规则缺失', correctiveAction: '上线盗刷交易实时拦截规则', closedBy: handler } },
    });
    expect(after!.timeline.find((e: { type: string }) => e.type === 'feedback_sent').actor).toContain(handler);
  });

  it('shows a hotline case with its transcript and evidence; supervisors pause its clock and grant an extension', async () => {
    // A hotline complaint as the intake publishes it: the whole transcript, and an evidence attachment's metadata.
    const event = receivedComplaint('我的信用卡被盗刷了，请马上冻结。', { contact: { phoneLast4: uniquePhone().last4 } });
    event.complaint.channel = 'hotline';
    event.complaint.content.transcript = [
      { speaker: 'agent', text: '您好，这里是客服中心。', offsetMs: 2_000 },
      { speaker: 'customer', text: '我的信用卡被盗刷了，请马上冻结。', offsetMs: 5_000 },
    ];
    event.complaint.content.attachments = [{ id: 'att-1', contentType: 'image/png', sizeBytes: 20_480, sha256: 'a'.repeat(64) }];
    const publisher = testPublisher();
    await publisher.connect();
    await publisher.publish(ComplaintReceivedV1, event, { key: event.complaint.complaintId }).finally(() => publisher.disconnect());
    const reference = event.complaint.reference;
    const opened = await eventually(() => caseOf(reference));
    expect(opened).toMatchObject({ channel: 'hotline', department: 'FRAUD', content: { attachments: [{ id: 'att-1' }] } });

    await onPage(browser, 'console-hotline-case', async (page) => {
      await signIn(page, 'fraud-lead', ['Supervisor'], ['Fraud risk']);
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      await page.goto(`${cases.url}/console/cases/${reference}`);
      const transcript = page.getByRole('region', { name: 'Hotline transcript' });
      await transcript.getByText('您好，这里是客服中心。').waitFor();
      expect(await transcript.getByRole('listitem').allTextContents()).toEqual([
        'Agent [00:02]: 您好，这里是客服中心。',
        'Customer [00:05]: 我的信用卡被盗刷了，请马上冻结。',
      ]);
      const evidence = page.getByRole('region', { name: 'Evidence' });
      await evidence.getByRole('cell', { name: 'image/png' }).waitFor();
      await evidence.getByRole('cell', { name: '20.0 KB' }).waitFor();
      await evidence.getByText('Not downloadable from this channel').waitFor();

      // A supervisor may assign; pausing the clock needs a reason and stops the decision countdown.
      expect(await page.getByRole('button', { name: 'Assign to…' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Pause the clock', exact: true }).click();
      await page.getByLabel('Reason').fill('等待司法鉴定结果');
      await page.getByRole('button', { name: 'Confirm: Pause the clock' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Pause the clock' }).waitFor();
      await page.getByRole('region', { name: 'Deadlines' }).getByText('Clock paused: 等待司法鉴定结果').waitFor();
      expect(await page.getByRole('button', { name: 'Resume the clock', exact: true }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      // An extension to 30 days: requested here, approved by another supervisor (nobody approves their own).
      await page.getByRole('button', { name: 'Request an extension', exact: true }).click();
      await page.getByLabel('Extend to').selectOption('30');
      await page.getByLabel('Reason').fill('需要调取第三方支付机构的交易记录');
      await page.getByRole('button', { name: 'Confirm: Request an extension' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Request an extension' }).waitFor();
      await page.getByText('Extension waiting for approval: to 30 days (需要调取第三方支付机构的交易记录)').waitFor();
      // Nobody approves their own request: the console does not even offer it to the requester.
      expect(await page.getByRole('button', { name: 'Decide the extension', exact: true }).count()).toBe(0);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'fraud-lead-2', ['Supervisor'], ['Fraud risk']);
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      await page.goto(`${cases.url}/console/cases/${reference}`);
      await page.getByRole('button', { name: 'Decide the extension', exact: true }).click();
      expect(await page.getByLabel('Approve or reject').inputValue()).toBe('true');
      await page.getByRole('button', { name: 'Confirm: Decide the extension' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Decide the extension' }).waitFor();
      await page
        .getByRole('region', { name: 'Deadlines' })
        .getByText(/30-day deadline/)
        .waitFor();
    });
    const approved = (await caseOf(reference))!;
    expect(approved.sla).toMatchObject({ decisionDeadlineDays: 30, pendingExtension: null });
    expect((await caseOf(reference))!.sla).toMatchObject({ paused: true, pauseReason: '等待司法鉴定结果' });
  });

  it('shows an agent of another department neither the case in the queue nor its workspace', async () => {
    const opened = await fileComplaint('信用卡被盗刷了3笔,请冻结卡片。');
    const reference = opened.reference as string;
    expect(opened.department).toBe('FRAUD');

    await onPage(browser, 'console-other-department', async (page) => {
      await signIn(page, 'card-agent', ['Agent'], ['Card centre']);
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      expect(await page.getByLabel('Department').inputValue()).toBe('CARD_CENTER');
      await page
        .getByText(/most urgent first|The queue is empty/)
        .first()
        .waitFor();
      expect(await page.locator(`tr[data-reference="${reference}"]`).count()).toBe(0);
      expect(await page.locator('#queue-department option').allTextContents()).toEqual(['Card centre']);

      await page.goto(`${cases.url}/console/cases/${reference}`);
      await page
        .getByRole('alert')
        .filter({ hasText: `There is no case ${reference}, or you may not see it.` })
        .waitFor();
      expect(await page.getByRole('link', { name: 'Routing rules' }).count()).toBe(0);
    });
  });

  it('sends an expired session back to the sign-in with a message, and signs out', async () => {
    await onPage(browser, 'console-session', async (page) => {
      const expired = staffToken(['agent'], ['FRAUD'], 'old-session', -60);
      await page.addInitScript((token) => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          sessionStorage.setItem('staff-session', token);
          localStorage.setItem('lang', 'en');
        }
      }, expired);
      await page.goto(`${cases.url}/console`);
      await page.getByRole('status').filter({ hasText: 'Your session has expired. Please sign in again.' }).waitFor();

      await signIn(page, 'short-lived', ['Agent'], ['Fraud risk']);
      await page.getByRole('heading', { level: 1, name: 'Case queue' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('status').filter({ hasText: 'You are signed out.' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('staff-session'))).toBeNull();
    });
  });

  it('lets an admin dry-run a text, edit a rule, and shows a version conflict', async () => {
    const text = '信用卡被盗刷了5笔,请立即冻结并退款。';
    const expected = await routerCall('POST', '/v1/routing/dry-run', { text });
    expect(expected.status).toBe(200);

    await onPage(browser, 'console-admin', async (page) => {
      await signIn(page, 'rules-admin', ['Administrator'], []);
      await page.getByRole('link', { name: 'Routing rules' }).click();
      await page.getByRole('heading', { level: 1, name: 'Routing rules' }).waitFor();
      await page.locator('tr[data-rule="R1"]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel('Complaint text').fill(text);
      await page.getByRole('button', { name: 'Try it' }).click();
      await page.getByText(`Goes to Fraud risk by rule ${expected.body.outcome.ruleId}`).waitFor();
      const classification = page.getByRole('table', { name: 'Classification' });
      await classification
        .getByRole('row', { name: /product/ })
        .getByText(`${Math.round(expected.body.classification.confidence.product * 100)}%`)
        .waitFor();
      for (const term of expected.body.classification.matchedTerms as string[])
        await page.locator('.terms li', { hasText: term }).first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // An edit becomes a new version.
      const active = await routerCall('GET', '/v1/routing/rules');
      await page.getByLabel('Description of R5').fill('Credit cards go to the card centre (console test)');
      await page.getByLabel('Why the rules change (kept in the audit trail)').fill('console test edit');
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Saved: version ${active.body.version + 1} is active.` })
        .waitFor();
      const edited = await routerCall('GET', '/v1/routing/rules');
      expect(edited.body.version).toBe(active.body.version + 1);
      expect(edited.body.rules.find((r: { id: string }) => r.id === 'R5').description).toBe(
        'Credit cards go to the card centre (console test)',
      );
      expect(edited.body.createdBy).toBe('rules-admin');

      // Someone else saves meanwhile: the console says so instead of overwriting.
      await page.getByLabel('Department of R8').selectOption('DIGITAL');
      await page.getByLabel('Why the rules change (kept in the audit trail)').fill('console test conflicting edit');
      const elsewhere = await routerCall('PUT', '/v1/routing/rules', {
        expectedVersion: edited.body.version,
        comment: 'concurrent change',
        rules: edited.body.rules,
      });
      expect(elsewhere.status).toBe(200);
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `the active version is now ${elsewhere.body.version}` })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Reload the rules' }).click();
      await page.getByText(`Active version ${elsewhere.body.version}, published by rules-admin`).waitFor();
      expect(await page.getByLabel('Department of R8').inputValue()).toBe('PAYMENTS');
    });
  });

  it('has no development sign-in in production', async () => {
    const production = {
      NODE_ENV: 'production',
      ...productionStaffTokenSettings(),
      PII_KEYS: 'prod1:cHJvZHVjdGlvbi1rZXktMzItYnl0ZXMtbG9uZy0hIQ==',
      PII_ACTIVE_KEY_ID: 'prod1',
      EVIDENCE_LINK_SECRET: 'prod1:a-production-evidence-link-secret',
    };
    expect(() => testConfig(CasesConfig, { ...production, CASES_DEV_SIGN_IN: 'true' })).toThrow(
      /CASES_DEV_SIGN_IN=true is refused when NODE_ENV=production/,
    );
    const config = testConfig(CasesConfig, { ...production, CASES_OIDC_ISSUER: idp.issuer, CASES_OIDC_CLIENT_ID: clientId });
    expect(config.devSignIn).toBe(false);
    const app = await startApp(CasesModule.register(config), { site: staffConsole(config) });
    try {
      const signIn = await fetch(`${app.url}/v1/auth/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'intruder', roles: ['admin'], departments: [] }),
      });
      expect(signIn.status).toBe(404);
      expect(signIn.headers.get('content-type')).toContain('application/problem+json');
      const consoleConfig = await (await fetch(`${app.url}/v1/console/config`)).json();
      expect(consoleConfig.signIn).toEqual({
        development: false,
        oidc: { issuer: idp.issuer, clientId, authorizationEndpoint: `${idp.issuer}/authorize` },
      });

      await onPage(browser, 'console-production-sign-in', async (page) => {
        await page.goto(`${app.url}/console?lang=en`);
        await page.getByRole('button', { name: 'Sign in with single sign-on' }).waitFor();
        expect(await page.getByLabel('Staff id').count()).toBe(0);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    } finally {
      await app.close();
    }
  });
});
