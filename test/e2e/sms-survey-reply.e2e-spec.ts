import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { IntakeWebModule } from '../../apps/intake-web/src/intake-web.module';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { notifierHttpOptions } from '../../apps/notifier/src/sms-surveys.providers';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { uniquePhone } from '../support/phones';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { deliverSms, uniqueMessageId } from '../support/sms-gateway-client';
import { staffToken } from '../support/staff-token';

/**
 * The survey loop by SMS, on the real broker and database: a customer complains on the web, the case
 * is resolved, the notifier texts the survey through the SMS gateway (a real local HTTP server), the
 * customer replies 满意 by SMS (the gateway delivers it, signed, twice), the case records the score
 * once and the customer is thanked; then the case closes.
 */
describe('web complaint -> resolved -> survey by SMS -> the customer texts 满意 -> satisfaction on the case -> closed', () => {
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
          testConfig(NotifierConfig, {
            SMS_GATEWAY_URL: `${sms.url}/sms`,
            SMS_GATEWAY_TOKEN: 'sms-token',
            SMS_INBOUND_SECRETS: 'sms-e2e:e2e-inbound-secret',
            NOTIFY_POLL_MS: '50',
          }),
        ),
        notifierHttpOptions(),
      ),
    ]);
  });
  afterAll(async () => {
    await Promise.all([intake?.close(), router?.close(), cases?.close(), notifier?.close()]);
    await sms?.close();
  });

  async function call(url: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const textsTo = (reference: string) =>
    sms.requests.map((r) => JSON.parse(r.body) as { to: string; text: string; reference: string }).filter((m) => m.reference === reference);
  const textsSaying = (reference: string, fragment: string) =>
    eventually(async () => textsTo(reference).find((m) => m.text.includes(fragment)));

  it('files the SMS reply against the case once, thanks the customer, and the case closes', async () => {
    const phone = uniquePhone();
    const filed = await call(intake.url, '/v1/complaints', {
      text: '信用卡分期提前还款被收取了高额违约金，办理时没有告知，要求退还。',
      customer: { name: '钱七', phone: phone.number },
      consent: true,
    });
    expect(filed.status).toBe(202);
    const reference = filed.body.reference as string;

    const opened = await eventually(async () => {
      const res = await call(cases.url, `/v1/cases/${reference}`, undefined, admin);
      return res.status === 200 ? res.body : undefined;
    });
    const handler = staffToken(['agent'], [opened.department as never], 'agent-sms');
    const act = (action: string, body: unknown = {}) => call(cases.url, `/v1/cases/${reference}/${action}`, body, handler);
    expect((await act('claim')).status).toBe(200);
    expect((await act('resolution', { proposal: '退还提前还款违约金 320 元。' })).status).toBe(200);
    expect((await act('resolve', { summary: '已退还违约金 320 元。' })).status).toBe(200);
    const survey = await textsSaying(reference, '请直接回复 1-5');
    expect(survey.to).toBe(phone.e164);

    // The customer answers from their phone; the gateway delivers the message, and again (a retry).
    const message = { messageId: uniqueMessageId(), from: phone.e164, to: '95588', text: '满意', receivedAt: new Date().toISOString() };
    const delivered = await deliverSms(notifier.url, message, { gatewayId: 'sms-e2e', secret: 'e2e-inbound-secret' });
    expect(delivered).toMatchObject({ status: 200, body: { messageId: message.messageId, outcome: 'survey-answered' } });
    expect((await deliverSms(notifier.url, message, { gatewayId: 'sms-e2e', secret: 'e2e-inbound-secret' })).body).toEqual(delivered.body);

    const rated = await eventually(async () => {
      const res = await call(cases.url, `/v1/cases/${reference}`, undefined, handler);
      return res.body.lifecycle.satisfaction.length > 0 ? res.body : undefined;
    });
    expect(rated.status).toBe('RESOLVED');
    expect(rated.lifecycle.satisfaction).toEqual([expect.objectContaining({ score: 5 })]);
    expect(rated.timeline.filter((e: { type: string }) => e.type === 'satisfaction_recorded')).toHaveLength(1);
    const thanks = await textsSaying(reference, '感谢您的评价（5分）');
    expect(thanks.to).toBe(phone.e164);

    expect((await act('close', { rootCause: '分期提前还款违约金未充分告知', correctiveAction: '分期办理页面增加违约金提示' })).status).toBe(
      200,
    );
    await textsSaying(reference, '已办结');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await call(cases.url, `/v1/cases/${reference}`, undefined, handler);
    expect(after.body.status).toBe('CLOSED');
    expect(after.body.lifecycle.satisfaction).toHaveLength(1);
    expect(textsTo(reference).filter((m) => m.text.includes('感谢您的评价'))).toHaveLength(1);
  });
});
