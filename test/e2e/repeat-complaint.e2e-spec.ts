import { Client } from 'pg';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { pushCalls, sampleCall } from '../support/hotline-client';
import { submitComplaint } from '../support/mobile-client';
import { uniquePhone } from '../support/phones';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

const FEES = '借记卡每年扣10元小额账户管理费，开户时没人告诉我有这个费用。';
const FEES_AGAIN = '借记卡小额账户管理费每年扣我10元，开户时根本没人告知这项收费，要求退还。';

/**
 * Repeat complaints end to end (real Kafka and PostgreSQL): the same verified customer (the app's
 * signed-in subject) on the same matter gets one case; a phone typed into the web form merges nothing,
 * shows nothing of the other case and changes nothing in it.
 */
describe('repeat complaints: merged only for a verified customer', () => {
  let web: RunningApp;
  let mobile: RunningApp;
  let hotline: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const admin = staffToken(['admin'], []);

  beforeAll(async () => {
    const mobileConfig = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    const hotlineConfig = testConfig(IntakeHotlineConfig, { HOTLINE_SECRETS: 'cc-test:test-hotline-secret' });
    [web, mobile, hotline, router, cases] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig, { INTAKE_RATE_LIMIT_PER_MIN: '0' }))),
      startApp(IntakeMobileModule.register(mobileConfig), intakeMobileHttpOptions(mobileConfig)),
      startApp(IntakeHotlineModule.register(hotlineConfig), intakeHotlineHttpOptions(hotlineConfig)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
    ]);
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([web?.close(), mobile?.close(), hotline?.close(), router?.close(), cases?.close(), db.end()]);
  });

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${web.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const fileOnWeb = async (name: string, phone: string, text: string) => {
    const res = await post('/v1/complaints', { text, customer: { name, phone }, consent: true });
    expect(res.status).toBe(202);
    return res.body as { reference: string; complaintId: string };
  };
  const caseOf = async (reference: string) => {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  };
  const act = (token: string, reference: string, action: string, body: unknown = {}) =>
    fetch(`${cases.url}/v1/cases/${reference}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const casesOf = async (...complaintIds: string[]) =>
    (await db.query('SELECT complaint_id FROM cases.cases WHERE complaint_id = ANY($1) ORDER BY received_at', [complaintIds])).rows.map(
      (r) => r.complaint_id,
    );

  it("opens a case of its own for a web complaint giving another customer's phone: related for handlers, invisible and harmless to the customer", async () => {
    const phone = uniquePhone();
    const victim = await fileOnWeb('孙七', phone.number, FEES);
    const victimCase = await eventually(() => caseOf(victim.reference));
    const handler = staffToken(['agent'], [victimCase.department as never], 'agent-repeat');
    expect((await act(handler, victim.reference, 'claim')).status).toBe(200);
    expect((await act(handler, victim.reference, 'resolution', { proposal: '已退还管理费。' })).status).toBe(200);
    const resolved = (await caseOf(victim.reference))!;
    expect(resolved.status).toBe('RESPONDED');
    // The victim's own look-up sees the answer (so the case is rateable through their reference).
    await eventually(async () =>
      (await post('/v1/complaints/lookup', { reference: victim.reference, phoneLast4: phone.last4 })).body.status === 'RESPONDED'
        ? true
        : undefined,
    );

    // A stranger types the victim's phone (written differently) and a similar text.
    const stranger = await fileOnWeb('陌生人', `+86 ${phone.number}`, FEES_AGAIN);
    const own = await eventually(() => caseOf(stranger.reference));
    expect(own.reference).toBe(stranger.reference);
    expect(own.routing.relatedCaseReference).toBe(victim.reference);
    expect(own.priority).toBe(victimCase.priority);
    expect(await casesOf(victim.complaintId, stranger.complaintId)).toEqual([victim.complaintId, stranger.complaintId]);

    // Through the stranger's reference and the victim's digits: only the stranger's own complaint.
    const lookUp = await eventually(async () => {
      const res = await post('/v1/complaints/lookup', { reference: stranger.reference, phoneLast4: phone.last4 });
      return res.body.updates?.length ? res : undefined;
    });
    expect(lookUp.body).toMatchObject({ reference: stranger.reference, status: expect.not.stringMatching(/RESPONDED/) });
    expect(lookUp.body.mergedInto).toBeUndefined();
    expect(JSON.stringify(lookUp.body)).not.toContain(victim.reference);
    expect(JSON.stringify(lookUp.body)).not.toContain('已退还管理费');

    // A rating through it answers for the stranger's own (unanswered) case and never reaches the victim's.
    const rating = await post(`/v1/complaints/${stranger.reference}/satisfaction`, { phoneLast4: phone.last4, score: 1 });
    expect([rating.status, rating.body.type]).toEqual([409, 'https://complaints.example/problems/complaint-not-resolved']);
    const after = await caseOf(victim.reference);
    expect(after).toMatchObject({
      status: 'RESPONDED',
      priority: resolved.priority,
      escalation: resolved.escalation,
      lifecycle: { satisfaction: [], reopenCount: 0, linkedComplaints: [] },
    });
    expect(after!.sla.feedbackDueAt).toBe(resolved.sla.feedbackDueAt);
  });

  it("still merges the same app customer's repeat complaint into the open case, one step more urgent", async () => {
    const customer = `cust-repeat-${Date.now()}`;
    const first = await submitComplaint(mobile.url, customer, { text: FEES });
    expect(first.status).toBe(202);
    const opened = await eventually(() => caseOf(first.body.reference));
    const second = await submitComplaint(mobile.url, customer, { text: FEES_AGAIN });
    expect(second.status).toBe(202);
    const merged = await eventually(async () => {
      const found = await caseOf(second.body.reference);
      return found?.lifecycle?.linkedComplaints?.length ? found : undefined;
    });
    expect(merged.reference).toBe(first.body.reference);
    expect(merged.priority).toBe(opened.priority === 'P3' ? 'P2' : 'P1');
    expect(merged.lifecycle.linkedComplaints).toEqual([
      expect.objectContaining({ reference: second.body.reference, complaintId: second.body.complaintId, channel: 'mobile' }),
    ]);
    expect(merged.timeline.map((e: { type: string }) => e.type)).toContain('linked_complaint');
    expect(await casesOf(first.body.complaintId, second.body.complaintId)).toEqual([first.body.complaintId]);
  });

  it("merges a hotline caller's repeat only when the call centre verified the caller, and relates an unverified one", async () => {
    const phone = uniquePhone();
    const call = async (callerVerified?: unknown) => {
      const turns = [{ speaker: 'customer', text: FEES }];
      const pushed = await pushCalls(hotline.url, {
        calls: [sampleCall({ callerNumber: phone.number, transcript: turns, ...(callerVerified === undefined ? {} : { callerVerified }) })],
      });
      expect(pushed.status).toBe(200);
      return pushed.body.results![0];
    };
    const first = await call(true);
    const opened = await eventually(() => caseOf(first.reference!));
    const verified = await call(true);
    const unverified = await call();
    const merged = await eventually(async () => {
      const found = await caseOf(verified.reference!);
      return found?.lifecycle?.linkedComplaints?.length ? found : undefined;
    });
    expect(merged.reference).toBe(opened.reference);
    const own = await eventually(() => caseOf(unverified.reference!));
    expect(own.reference).toBe(unverified.reference);
    expect(own.routing.relatedCaseReference).toBe(opened.reference);
    expect((await caseOf(opened.reference))!.lifecycle.linkedComplaints.map((l: { reference: string }) => l.reference)).toEqual([
      verified.reference,
    ]);

    const refused = await call('yes');
    expect(refused).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ field: 'calls[0].callerVerified' })] });
  });
});
