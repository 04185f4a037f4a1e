import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { uniquePhone } from '../support/phones';
import { staffToken } from '../support/staff-token';

/**
 * The whole loop on the real broker and database: a customer complains on the web, is texted the
 * reference, hears the handler's feedback and the decision, answers the survey, and the case closes.
 * The SMS gateway is a real local HTTP server.
 */
describe('complaint -> reference sent -> feedback -> resolution -> survey answer -> closed', () => {
  let intake: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  let notifier: RunningApp;
  let sms: RecordingServer;
  const admin = staffToken(['admin'], []);

  beforeAll(async () => {
    sms = await RecordingServer.start();
    [intake, router, cases, notifier] = await Promise.all([
      startApp(IntakeWebModule.register(testConfig(IntakeWebConfig))),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
      startApp(
        NotifierModule.register(
          testConfig(NotifierConfig, { SMS_GATEWAY_URL: `${sms.url}/sms`, SMS_GATEWAY_TOKEN: 'sms-token', NOTIFY_POLL_MS: '50' }),
        ),
      ),
    ]);
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), router?.close(), cases?.close(), notifier?.close()]);
    await sms?.close();
  });

  async function call(url: string, path: string, body: unknown, token?: string) {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const textsTo = (reference: string) =>
    sms.requests.map((r) => JSON.parse(r.body) as { to: string; text: string; reference: string }).filter((m) => m.reference === reference);
  const textsSaying = (reference: string, fragment: string) =>
    eventually(async () => textsTo(reference).find((m) => m.text.includes(fragment)));

  it('keeps the customer informed on their own channel from filing to closure', async () => {
    const phone = uniquePhone();
    const filed = await call(intake.url, '/v1/complaints', {
      text: '借记卡每年扣10元小额账户管理费,开户时没人告诉我有这个费用,要求退还。',
      customer: { name: '赵六', phone: phone.number },
      consent: true,
    });
    expect(filed.status).toBe(202);
    const reference = filed.body.reference as string;

    const acknowledged = await textsSaying(reference, '已受理');
    expect(acknowledged.to).toBe(phone.e164);
    expect(acknowledged.text).toContain(reference);

    const opened = await eventually(async () => {
      const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
      return res.status === 200 ? ((await res.json()) as { department: string }) : undefined;
    });
    const handler = staffToken(['agent'], [opened.department as never], 'agent-7');
    const act = (action: string, body: unknown = {}) => call(cases.url, `/v1/cases/${reference}/${action}`, body, handler);

    expect((await act('claim')).status).toBe(200);
    expect((await act('feedback', { message: '您好，我们已调取开户记录，正在核实告知情况。' })).status).toBe(200);
    await textsSaying(reference, '正在核实告知情况');

    expect((await act('resolution', { proposal: '退还近三年收取的管理费共30元，并免除今后的费用。' })).status).toBe(200);
    await textsSaying(reference, '退还近三年收取的管理费');
    expect((await act('resolve', { summary: '已退还管理费30元，并免除今后的费用。' })).status).toBe(200);
    const survey = await textsSaying(reference, '请直接回复 1-5');
    expect(survey.text).toContain('已退还管理费30元');

    // The customer answers the survey from the status page (which follows the case events on its own), then it is filed against the case.
    await eventually(async () =>
      (await call(intake.url, '/v1/complaints/lookup', { reference, phoneLast4: phone.last4 })).body.status === 'RESOLVED'
        ? true
        : undefined,
    );
    const rated = await call(intake.url, `/v1/complaints/${reference}/satisfaction`, {
      phoneLast4: phone.last4,
      score: 5,
      comment: '处理及时',
    });
    expect(rated.status).toBe(202);
    await eventually(async () => {
      const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${handler}` } });
      const body = (await res.json()) as { timeline: Array<{ type: string }> };
      return body.timeline.some((e) => e.type === 'satisfaction_recorded') ? true : undefined;
    });

    const closed = await act('close', { rootCause: '开户时未告知小额账户管理费', correctiveAction: '开户流程增加费用告知确认' });
    expect(closed.status).toBe(200);
    await textsSaying(reference, '已办结');

    const status = await eventually(async () => {
      const res = await call(intake.url, '/v1/complaints/lookup', { reference, phoneLast4: phone.last4 });
      return res.body.status === 'CLOSED' ? res.body : undefined;
    });
    expect(status.updates.map((u: { kind: string }) => u.kind)).toEqual([
      'opened',
      'feedback_sent',
      'resolution_proposed',
      'resolved',
      'closed',
    ]);
    expect(textsTo(reference)).toHaveLength(5);
  });
});
