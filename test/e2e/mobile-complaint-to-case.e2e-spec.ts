import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { appRequest, customerToken, submitComplaint } from '../support/mobile-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';

interface AppView {
  status: string;
  timeline: Array<{ event: string; status: string; message: string | null }>;
}

/** The app customer's journey against the real router and case service (real Kafka and PostgreSQL). */
describe('a complaint filed in the app becomes a case, and the customer sees it move', () => {
  let mobile: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;

  beforeAll(async () => {
    const mobileConfig = testConfig(IntakeMobileConfig, { MOBILE_RATE_LIMIT_PER_MIN: '0' });
    [mobile, router, cases] = await Promise.all([
      startApp(IntakeMobileModule.register(mobileConfig), intakeMobileHttpOptions(mobileConfig)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mobile?.close(), router?.close(), cases?.close()]);
  });

  it('submit in the app, staff see the case and answer, the app shows the new status and the answer', async () => {
    const customer = `cust-e2e-${Date.now()}`;
    const filed = await submitComplaint(mobile.url, customer, { text: '手机银行转账显示失败，但是钱被扣了，已经三天没有退回。' });
    expect(filed.status).toBe(202);
    const { reference } = filed.body;
    const token = await customerToken(customer);
    const view = () => appRequest<AppView>(mobile.url, `/v1/app/complaints/${reference}`, { token });

    const admin = staffToken(['admin'], []);
    const found = await eventually(async () => {
      const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
      return res.status === 200
        ? ((await res.json()) as { channel: string; department: string; customer: { customerId?: string } })
        : undefined;
    });
    expect(found.channel).toBe('mobile');

    const handler = staffToken(['agent'], [found.department as never], 'agent-9');
    const act = (action: string, body: unknown = {}) =>
      fetch(`${cases.url}/v1/cases/${reference}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${handler}` },
        body: JSON.stringify(body),
      });
    expect((await act('claim')).status).toBe(200);
    await act('notes', { note: '内部：核对清算记录' });
    expect((await act('feedback', { message: '已查到该笔交易在清算中，预计两个工作日内退回。' })).status).toBe(200);

    const moved = await eventually(async () => {
      const res = await view();
      return res.body.timeline?.some((e) => e.event === 'case.feedback_sent') ? res.body : undefined;
    });
    expect(moved.status).toBe('IN_PROGRESS');
    expect(moved.timeline.map((e) => e.event)).toEqual(['complaint.received', 'case.opened', 'case.feedback_sent']);
    expect(moved.timeline.at(-1)!.message).toBe('已查到该笔交易在清算中，预计两个工作日内退回。');
    expect(JSON.stringify(moved)).not.toContain('核对清算记录');

    // Someone else's token sees nothing, not even that the reference exists.
    const stranger = await appRequest(mobile.url, `/v1/app/complaints/${reference}`, { token: await customerToken('someone-else') });
    expect(stranger.status).toBe(404);
  });
});
