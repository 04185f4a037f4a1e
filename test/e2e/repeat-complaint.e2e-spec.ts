import { Client } from 'pg';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

/** The same customer complains again on the same matter: one case, found under both references (real Kafka and PostgreSQL). */
describe('a repeat complaint is merged into the open case', () => {
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const admin = staffToken(['admin'], []);

  beforeAll(async () => {
    [intake, router, cases] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig))),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
    ]);
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), router?.close(), cases?.close()]);
  });

  const file = async (phone: string, text: string) => {
    const res = await fetch(`${intake.url}/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, customer: { name: '孙七', phone }, consent: true }),
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { reference: string; complaintId: string };
  };
  const caseOf = async (reference: string) => {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  };

  it('links the second complaint to the first case, raises its priority and keeps one case', async () => {
    const phone = uniquePhone();
    const first = await file(phone.number, '借记卡每年扣10元小额账户管理费，开户时没人告诉我有这个费用。');
    const opened = await eventually(() => caseOf(first.reference));
    expect(opened.priority).toBe('P2');

    // Same customer (by phone, written differently), same matter, another day's words.
    const second = await file(`+86 ${phone.number}`, '借记卡小额账户管理费每年扣我10元，开户时根本没人告知这项收费，要求退还。');
    const merged = await eventually(async () => {
      const found = await caseOf(second.reference);
      return found?.lifecycle?.linkedComplaints?.length ? found : undefined;
    });
    expect(merged.reference).toBe(first.reference);
    expect(merged.priority).toBe('P1');
    expect(merged.lifecycle.linkedComplaints).toEqual([expect.objectContaining({ reference: second.reference, complaintId: second.complaintId, channel: 'web' })]);
    expect(merged.timeline.map((e: { type: string }) => e.type)).toContain('linked_complaint');

    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const rows = await db
      .query('SELECT complaint_id FROM cases.cases WHERE complaint_id = ANY($1)', [[first.complaintId, second.complaintId]])
      .finally(() => db.end());
    expect(rows.rows.map((r) => r.complaint_id)).toEqual([first.complaintId]);
  });
});
