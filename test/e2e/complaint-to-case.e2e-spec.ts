import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { uniquePhone } from '../support/phones';
import { staffToken } from '../support/staff-token';
import { CaseEventsTap } from '../integration/cases-support';

describe('a web complaint flows to a routed case (real Kafka and PostgreSQL)', () => {
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const admin = staffToken(['admin'], []);
  const caseEvents = new CaseEventsTap();

  beforeAll(async () => {
    [intake, router, cases] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig))),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig))),
    ]);
    await caseEvents.start();
  });

  afterAll(async () => {
    await Promise.all([intake?.close(), router?.close(), cases?.close(), caseEvents.stop()]);
  });

  async function submit(body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }

  async function caseOf(reference: string, token = admin) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${token}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  }

  /** Each test its own customer: the same customer on the same matter would be a linked repeat complaint. */
  const phone = uniquePhone();
  const complaintBy = (customerPhone: string) => ({
    text: '信用卡被盗刷了5笔,卡号6222020200112233446,请立即冻结并退款。',
    customer: { name: '张三', phone: customerPhone },
    consent: true,
  });
  const complaint = complaintBy(phone.number);

  it('accepts a complaint, routes it to FRAUD and shows the case to staff', async () => {
    const accepted = await submit(complaint);
    expect(accepted.status).toBe(202);
    expect(accepted.body.reference).toMatch(/^C\d{8}-W[0-9A-HJKMNP-TV-Z]{5}$/);
    const reference = accepted.body.reference as string;

    const found = await eventually(() => caseOf(reference));
    expect(found).toMatchObject({
      reference,
      complaintId: accepted.body.complaintId,
      channel: 'web',
      status: 'RECEIVED',
      department: 'FRAUD',
      priority: 'P1',
      escalation: false,
      category: { product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY' },
    });
    expect(found.content.text).toContain('***************3446');
    expect(found.content.text).not.toContain('6222020200112233446');
    expect(JSON.stringify(found)).not.toContain(phone.number);
    expect(found.customer.phoneLast4).toBe(phone.last4);
    expect(found.timeline.map((e: { type: string }) => e.type)).toEqual(['received', 'routed', 'opened']);
    expect(Date.parse(found.sla.decisionDueAt) - Date.parse(found.receivedAt)).toBe(15 * 24 * 3600 * 1000);

    // The customer is told the reference: `case.opened` on complaints.case-events.v1, with the sealed contact.
    const [opened] = await caseEvents.waitFor(found.complaintId as string, 'case.opened');
    expect(opened).toMatchObject({
      customerVisible: true,
      case: { reference, channel: 'web', status: 'RECEIVED', department: 'FRAUD', contact: { phoneLast4: phone.last4 } },
    });
    expect(opened.message).toContain(reference);
    expect(opened.case.contact.phone).toMatch(/^pii:v1:/);
  });

  it('gives the same reference and one case for the same Idempotency-Key', async () => {
    const key = randomUUID();
    const own = complaintBy(uniquePhone().number);
    const first = await submit(own, { 'idempotency-key': key });
    const second = await submit(own, { 'idempotency-key': key });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.reference).toBe(first.body.reference);
    expect(second.body.complaintId).toBe(first.body.complaintId);
    await eventually(() => caseOf(first.body.reference as string));

    const reused = await submit({ ...own, text: 'something else entirely' }, { 'idempotency-key': key });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');

    // One case for the complaint, however many requests carried it (the store, not a page of the list, is the evidence).
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const stored = await db
      .query('SELECT count(*)::int AS n FROM cases.cases WHERE complaint_id = $1', [first.body.complaintId])
      .finally(() => db.end());
    expect(stored.rows[0].n).toBe(1);
  });

  it('scopes staff to their departments', async () => {
    const accepted = await submit({ ...complaint, text: '借记卡每年扣10元小额账户管理费,开户时没人告诉我有这个费用。' });
    const reference = accepted.body.reference as string;
    const found = await eventually(() => caseOf(reference));
    expect(found.department).toBe('RETAIL_BANKING');

    expect(await caseOf(reference, staffToken(['agent'], ['CARD_CENTER']))).toBeUndefined();
    expect(await caseOf(reference, staffToken(['agent'], ['RETAIL_BANKING']))).toMatchObject({ reference });

    const forbidden = await fetch(`${cases.url}/v1/cases?department=RETAIL_BANKING`, {
      headers: { authorization: `Bearer ${staffToken(['agent'], ['CARD_CENTER'])}` },
    });
    expect(forbidden.status).toBe(403);
    const unauthenticated = await fetch(`${cases.url}/v1/cases`);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toContain('application/problem+json');
  });
});
