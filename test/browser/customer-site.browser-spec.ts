import { createHash } from 'node:crypto';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { Browser, Page } from 'playwright-core';
import { CaseEventType, CaseStatus, ComplaintReceivedV1, REFERENCE_PATTERN, RULE_MESSAGES, Topics } from '@complaints/contracts';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { INTAKE_WEB_BODY_LIMIT_BYTES, IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { CUSTOMER_SITE } from '../../apps/intake-web/src/interface/web/customer-site';
import { accessibilityViolations, launchBrowser, onPage, PHONE } from '../support/browser';
import { caseEvent, publishCaseEvents, testProducer } from '../support/case-events';
import { testConfig } from '../support/configs';
import { EXE, PNG } from '../support/evidence-samples';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';

/** A customer on a phone uses the site intake-web serves: files a complaint, follows it, rates it. */
describe('customer site (real Chromium, phone-sized screen)', () => {
  let browser: Browser;
  let intake: RunningApp;
  let db: Client;
  let producer: Producer;
  let received: TopicReader<ComplaintReceivedV1>;

  beforeAll(async () => {
    [browser, intake, producer, received] = await Promise.all([
      launchBrowser(),
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' })), {
        site: CUSTOMER_SITE,
        bodyLimitBytes: INTAKE_WEB_BODY_LIMIT_BYTES,
      }),
      testProducer(),
      TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), intake?.close(), producer?.disconnect(), received?.close(), db?.end()]);
  });

  /** Complaints stored by intake-web with this text (each test writes its own text). */
  async function storedWithText(text: string) {
    const rows = await db.query<{ reference: string; status: string }>(
      "SELECT reference, status FROM intake_web.submissions WHERE event->'complaint'->'content'->>'text' = $1",
      [text],
    );
    return rows.rows;
  }

  /** Presses Tab until `selector` has the focus: proves it is reachable by keyboard, in order. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} not reached with the Tab key`);
  }

  async function fillForm(page: Page, values: { name: string; phone: string; text: string }) {
    await page.getByLabel('姓名').fill(values.name);
    await page.getByLabel('手机号码').fill(values.phone);
    await page.getByLabel('投诉内容').fill(values.text);
    await page.getByRole('checkbox').check();
  }

  const uniqueText = (what: string) => `${what}，编号 ${createHash('sha1').update(String(Math.random())).digest('hex').slice(0, 8)}`;

  it('files a complaint with the keyboard alone on a phone screen and shows the reference and what happens next', async () => {
    await onPage(
      browser,
      'customer-file-by-keyboard',
      async (page) => {
        const phone = uniquePhone();
        const text = uniqueText('信用卡昨天被盗刷两笔，请冻结并退款');
        await page.goto(`${intake.url}/`);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        await page.getByRole('heading', { level: 1, name: '提交投诉' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

        await tabTo(page, '#name');
        await page.keyboard.type('张三');
        await page.keyboard.press('Tab');
        await page.keyboard.type(phone.number);
        await tabTo(page, '#product');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        expect(await page.inputValue('#product')).toBe('CREDIT_CARD');
        // The region picker is labelled and follows the product: "not given" and the 34 divisions in GB/T 2260 order, 上海市 the 9th.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('region');
        await page.getByLabel('所在地区（选填）').waitFor();
        expect(await page.locator('#region option').count()).toBe(35);
        for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
        expect(await page.inputValue('#region')).toBe('310000');
        expect(await page.locator('#region option:checked').textContent()).toBe('上海市');
        await tabTo(page, '#text');
        await page.keyboard.type(text);
        await tabTo(page, '#consent');
        await page.keyboard.press('Space');
        await tabTo(page, 'button[type=submit]');
        await page.keyboard.press('Enter');

        const heading = page.getByRole('heading', { level: 1, name: '投诉已受理' });
        await heading.waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-title');
        const reference = (await page.locator('#reference').textContent())!.trim();
        expect(reference).toMatch(REFERENCE_PATTERN);
        const body = await page.locator('main').innerText();
        expect(body).toContain('48 小时内');
        expect(body).toContain('15 天内');
        expect(body).toContain('查询进度');
        expect(await accessibilityViolations(page)).toEqual([]);

        const event = await eventually(async () => received.values((e) => e.complaint.reference === reference)[0]);
        expect(event.complaint).toMatchObject({
          channel: 'web',
          content: { text },
          context: { productHint: 'CREDIT_CARD', extra: { region: '310000' } },
        });
        expect(event.complaint.customer.contact.phoneLast4).toBe(phone.last4);

        // The confirmation survives a reload; the form is empty for the next complaint.
        await page.reload();
        expect((await page.locator('#reference').textContent())!.trim()).toBe(reference);
        await page.getByRole('button', { name: '再提交一件投诉' }).click();
        expect(await page.inputValue('#text')).toBe('');
      },
      PHONE,
    );
  });

  it('checks the form with the server’s rules: the same message as the API, in Chinese or English, at the field', async () => {
    await onPage(
      browser,
      'customer-validation',
      async (page) => {
        await page.goto(`${intake.url}/`);
        await page.getByRole('button', { name: '提交投诉' }).click();
        const summary = page.locator('#error-summary');
        await summary.waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
        expect(await page.locator('#name-error').textContent()).toBe(RULE_MESSAGES.zh.nameRequired);
        expect(await page.locator('#text-error').textContent()).toBe(RULE_MESSAGES.zh.textRequired);
        expect(await page.locator('#consent-error').textContent()).toBe(RULE_MESSAGES.zh.consentRequired);
        expect(await page.getAttribute('#phone', 'aria-invalid')).toBe('true');
        expect(await page.getAttribute('#phone', 'aria-describedby')).toContain('phone-error');
        expect(await accessibilityViolations(page)).toEqual([]);

        // English: the page's message for a bad phone and e-mail is the one the API answers for the same input.
        await page.getByRole('button', { name: 'English' }).click();
        // The page sets <html lang> once it has re-rendered: wait for it rather than read it at once.
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        await page.getByRole('heading', { level: 1, name: 'Make a complaint' }).waitFor();
        // The region picker in English: labelled, the divisions by their English names, alphabetically.
        const region = page.getByLabel('Region (optional)');
        expect(await region.locator('option').nth(0).textContent()).toBe('Not given');
        expect(await region.locator('option').nth(1).textContent()).toBe('Anhui');
        await region.selectOption({ label: 'Hong Kong' });
        expect(await region.inputValue()).toBe('810000');
        await page.getByLabel('Mobile number').fill('call me');
        await page.getByLabel('E-mail (optional)').fill('nope@');
        await page.getByRole('button', { name: 'Send complaint' }).click();
        const api = await page.request.post(`${intake.url}/v1/complaints`, {
          data: { text: 'x', customer: { name: 'a', phone: 'call me', email: 'nope@' }, consent: true },
        });
        expect(api.status()).toBe(400);
        const apiErrors = ((await api.json()) as { errors: Array<{ field: string; message: string }> }).errors;
        const apiMessage = (field: string) => apiErrors.find((e) => e.field === field)?.message;
        expect(await page.locator('#phone-error').textContent()).toBe(apiMessage('customer.phone'));
        expect(await page.locator('#email-error').textContent()).toBe(apiMessage('customer.email'));
        expect(await accessibilityViolations(page)).toEqual([]);
      },
      PHONE,
    );
  });

  it('shows the server’s field errors at the fields when the server refuses what the page let through', async () => {
    await onPage(
      browser,
      'customer-server-errors',
      async (page) => {
        // What the server receives is altered on the way: it refuses the phone and the region, and the page shows its answers at those fields.
        let answered = 0;
        await page.route('**/v1/complaints', async (route) => {
          const body = JSON.parse(route.request().postData()!) as { customer: { phone: string }; region?: string };
          body.customer.phone = '12345';
          body.region = '浦东新区';
          const response = await route.fetch({ postData: JSON.stringify(body) });
          answered = response.status();
          await route.fulfill({ response });
        });
        await page.goto(`${intake.url}/`);
        await fillForm(page, { name: '李四', phone: uniquePhone().number, text: uniqueText('贷款利率与合同不符') });
        await page.getByRole('button', { name: '提交投诉' }).click();
        await page.locator('#phone-error').waitFor();
        expect(answered).toBe(400);
        expect(await page.locator('#phone-error').textContent()).toBe(RULE_MESSAGES.zh.phoneInvalid);
        expect(await page.getAttribute('#phone', 'aria-invalid')).toBe('true');
        expect(await page.locator('#region-error').textContent()).toBe(RULE_MESSAGES.zh.regionUnknown);
        expect(await page.getAttribute('#region', 'aria-describedby')).toBe('region-hint region-error');
        expect(await page.locator('main').innerText()).not.toContain('{');
        expect(await accessibilityViolations(page)).toEqual([]);
      },
      PHONE,
    );
  });

  it('takes evidence judged by its content: a disguised file is refused naming it, a real image is sent and stored', async () => {
    await onPage(
      browser,
      'customer-evidence',
      async (page) => {
        const text = uniqueText('转账失败但扣了款，附截图');
        await page.goto(`${intake.url}/`);
        await fillForm(page, { name: '赵六', phone: uniquePhone().number, text });
        await page.setInputFiles('#evidence', [
          { name: 'screenshot.png', mimeType: 'image/png', buffer: PNG },
          { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: EXE },
        ]);
        const evidenceError = page.locator('#evidence-error');
        await evidenceError.waitFor();
        expect(await evidenceError.textContent()).toContain('photo.jpg');
        expect(await evidenceError.textContent()).toContain('按文件内容判断');
        expect(await page.getAttribute('#evidence', 'aria-describedby')).toContain('evidence-error');
        expect(await accessibilityViolations(page)).toEqual([]);

        await page.getByRole('button', { name: '移除 photo.jpg' }).click();
        await evidenceError.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: '提交投诉' }).click();
        await page.getByRole('heading', { level: 1, name: '投诉已受理' }).waitFor();
        expect(await page.locator('main').innerText()).toContain('已收到 1 个证明材料');

        const [stored] = await storedWithText(text);
        const files = await db.query<{ content_type: string; file_name: string; sha256: string }>(
          'SELECT a.content_type, a.file_name, a.sha256 FROM intake_web.attachments a JOIN intake_web.submissions s USING (complaint_id) WHERE s.reference = $1',
          [stored.reference],
        );
        expect(files.rows).toEqual([
          { content_type: 'image/png', file_name: 'screenshot.png', sha256: createHash('sha256').update(PNG).digest('hex') },
        ]);
      },
      PHONE,
    );
  });

  it('keeps a complaint that meets 503, 429 and a bad network and retries it, across a reload, with one Idempotency-Key: exactly one complaint', async () => {
    await onPage(
      browser,
      'customer-bad-network',
      async (page, context) => {
        const text = uniqueText('手机银行转账一直失败');
        const keys: string[] = [];
        let failing = true;
        const refusal = (status: number, type: string) => ({
          status,
          headers: { 'retry-after': '1' },
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: `https://errors.example/${type}`, title: type, status }),
        });
        await page.route('**/v1/complaints', async (route) => {
          keys.push(route.request().headers()['idempotency-key']);
          if (keys.length === 1) await route.fulfill(refusal(503, 'temporarily-unavailable'));
          else if (keys.length === 2) await route.fulfill(refusal(429, 'too-many-requests'));
          else if (failing) await route.abort('internetdisconnected');
          else await route.continue();
        });
        await page.goto(`${intake.url}/`);
        await fillForm(page, { name: '孙七', phone: uniquePhone().number, text });
        await page.getByRole('button', { name: '提交投诉' }).click();
        const status = page.getByRole('status').filter({ hasText: '已保存在本页面' });
        await status.waitFor();
        expect(await page.locator('#text').inputValue()).toBe(text);
        expect(await accessibilityViolations(page)).toEqual([]);

        // The customer reloads while the network is still bad: the complaint is still there and still retried.
        await page.reload();
        await status.waitFor();
        expect(await page.locator('#text').inputValue()).toBe(text);
        await eventually(async () => (keys.length >= 4 ? true : undefined), 30_000);

        // Offline, then back online: the browser's online event sends it at once.
        await context.setOffline(true);
        await page.getByRole('status').filter({ hasText: '离线' }).waitFor({ timeout: 60_000 });
        failing = false;
        await context.setOffline(false);
        await page.getByRole('heading', { level: 1, name: '投诉已受理' }).waitFor();

        const reference = (await page.locator('#reference').textContent())!.trim();
        expect(new Set(keys).size).toBe(1);
        expect(await storedWithText(text)).toEqual([{ reference, status: 'accepted' }]);
        await eventually(async () => (received.values((e) => e.complaint.content.text === text).length > 0 ? true : undefined));
        expect(received.values((e) => e.complaint.content.text === text).map((e) => e.complaint.reference)).toEqual([reference]);
      },
      PHONE,
    );
  });

  /** A complaint filed through the API, whose case then moves on. */
  async function fileAndProgress(events: Array<{ type: CaseEventType; status: CaseStatus; message?: string }>) {
    const phone = uniquePhone();
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: uniqueText('网点柜员办理业务太慢'), customer: { name: '周八', phone: phone.number }, consent: true }),
    });
    const { reference, complaintId } = (await res.json()) as { reference: string; complaintId: string };
    for (const e of events) {
      await publishCaseEvents(
        producer,
        caseEvent({
          type: e.type,
          message: e.message,
          case: { channel: 'web', reference, complaintId, status: e.status, department: 'RETAIL_BANKING' },
        }),
      );
    }
    const last = events.at(-1)?.status ?? 'RECEIVED';
    await eventually(async () => {
      const lookup = await fetch(`${intake.url}/v1/complaints/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference, phoneLast4: phone.last4 }),
      });
      return lookup.ok && ((await lookup.json()) as { status: string }).status === last ? true : undefined;
    });
    return { reference, last4: phone.last4 };
  }

  it('looks up the status by reference and the phone’s last digits, then takes the satisfaction survey', async () => {
    const complaint = await fileAndProgress([
      { type: 'case.opened', status: 'RECEIVED' },
      { type: 'case.feedback_sent', status: 'IN_PROGRESS', message: '已联系网点负责人核实排队情况。' },
      { type: 'case.resolved', status: 'RESOLVED', message: '已对柜员进行培训，并调整窗口安排。' },
    ]);
    await onPage(
      browser,
      'customer-status-and-survey',
      async (page) => {
        await page.goto(`${intake.url}/status`);
        await page.getByRole('heading', { level: 1, name: '查询投诉进度' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);

        await page.getByLabel('受理编号').fill(complaint.reference);
        const wrong = String((Number(complaint.last4) + 1) % 10_000).padStart(4, '0');
        await page.getByLabel('手机号码后 4 位').fill(wrong);
        await page.getByRole('button', { name: '查询', exact: true }).click();
        await page.getByRole('status').filter({ hasText: '没有找到' }).waitFor();

        await page.getByLabel('手机号码后 4 位').fill(complaint.last4);
        await page.getByRole('button', { name: '查询', exact: true }).click();
        await page.getByRole('heading', { level: 2, name: `投诉 ${complaint.reference}` }).waitFor();
        const result = await page.locator('.result').innerText();
        expect(result).toContain('已解决');
        expect(result).toContain('已联系网点负责人核实排队情况。');
        expect(result).toContain('已对柜员进行培训');
        expect(result).toContain('12378');
        expect(await accessibilityViolations(page)).toEqual([]);

        await page.getByRole('link', { name: '为我们的处理打分' }).click();
        await page.getByRole('heading', { level: 1, name: '满意度评价' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/survey');
        expect(await page.inputValue('#reference')).toBe(complaint.reference);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.getByLabel('手机号码后 4 位').fill(complaint.last4);
        await page.getByLabel('4 分 · 满意').check();
        await page.getByLabel('意见或建议（选填）').fill('处理及时，谢谢。');
        await page.getByRole('button', { name: '提交评价' }).click();
        await page.getByRole('status').filter({ hasText: '感谢您的评价' }).waitFor();
      },
      PHONE,
    );
  });

  it('tells the customer on the survey page that a complaint takes one rating', async () => {
    const complaint = await fileAndProgress([{ type: 'case.resolved', status: 'RESOLVED', message: '已处理。' }]);
    const first = await fetch(`${intake.url}/v1/complaints/${complaint.reference}/satisfaction`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneLast4: complaint.last4, score: 5 }),
    });
    expect(first.status).toBe(202);
    await onPage(
      browser,
      'customer-survey-already-rated',
      async (page) => {
        await page.goto(`${intake.url}/survey?reference=${complaint.reference}&lang=en`);
        await page.getByRole('heading', { level: 1, name: 'How satisfied are you?' }).waitFor();
        await page.getByLabel('Last 4 digits of your mobile number').fill(complaint.last4);
        await page.getByLabel('2 · Dissatisfied').check();
        await page.getByRole('button', { name: 'Send rating' }).click();
        await page.getByRole('status').filter({ hasText: 'has been rated already' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
      },
      PHONE,
    );
  });

  it('explains on the survey page that a complaint without an answer cannot be rated yet', async () => {
    const complaint = await fileAndProgress([{ type: 'case.opened', status: 'RECEIVED' }]);
    await onPage(
      browser,
      'customer-survey-not-yet',
      async (page) => {
        await page.goto(`${intake.url}/survey?reference=${complaint.reference}&lang=en`);
        await page.getByRole('heading', { level: 1, name: 'How satisfied are you?' }).waitFor();
        await page.getByLabel('Last 4 digits of your mobile number').fill(complaint.last4);
        await page.getByRole('button', { name: 'Send rating' }).click();
        expect(await page.locator('#score-error').textContent()).toBe(RULE_MESSAGES.en.scoreInvalid);
        await page.getByLabel('2 · Dissatisfied').check();
        await page.getByRole('button', { name: 'Send rating' }).click();
        await page.getByRole('status').filter({ hasText: 'has no answer yet' }).waitFor();
        expect(await accessibilityViolations(page)).toEqual([]);
      },
      PHONE,
    );
  });
});
