import { signPayload } from '@complaints/security';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeHotlineModule, intakeHotlineHttpOptions } from '../../apps/intake-hotline/src/intake-hotline.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { RecordingServer } from '../support/recording-server';
import { pushCalls, sampleCall } from '../support/hotline-client';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { uniquePhone } from '../support/phones';
import { staffToken } from '../support/staff-token';

describe('a hotline call flows to a routed case with its transcript, and the call centre hears of it (real Kafka and PostgreSQL)', () => {
  let hotline: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  let callcenter: RecordingServer;
  const handler = staffToken(['agent'], ['FRAUD']);

  beforeAll(async () => {
    callcenter = await RecordingServer.start();
    const hotlineConfig = testConfig(IntakeHotlineConfig, {
      HOTLINE_SECRETS: 'cc-test:test-hotline-secret',
      HOTLINE_CALLBACK_URLS: `cc-test:${callcenter.url}/case-status`,
      HOTLINE_CALLBACK_POLL_MS: '50',
    });
    [hotline, router, cases] = await Promise.all([
      startApp(IntakeHotlineModule.register(hotlineConfig), intakeHotlineHttpOptions(hotlineConfig)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
    ]);
  });

  afterAll(async () => {
    await Promise.all([hotline?.close(), router?.close(), cases?.close()]);
    await callcenter?.close();
  });

  async function caseOf(reference: string) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${handler}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  }

  it('routes a call about stolen card money to FRAUD, classified on what the customer said, and shows the handler the call', async () => {
    const caller = uniquePhone();
    const call = sampleCall({
      callerNumber: `+86 ${caller.number.slice(0, 3)} ${caller.number.slice(3, 7)} ${caller.number.slice(7)}`,
      summary: '客户称信用卡被盗刷，已建议挂失',
      disposition: 'FRAUD_SUSPECTED',
      transcript: [
        '[00:00:01] 坐席：您好，很高兴为您服务。我们的理财产品正在促销，需要了解一下吗？',
        '[00:00:06] 客户：不需要。我的信用卡昨天半夜被盗刷了三笔，一共两万多，我根本没有消费',
        '[00:00:15] 坐席：好的，我帮您登记。',
        '[00:00:18] 客户：请马上冻结卡片并且退款',
      ].join('\n'),
    });
    const pushed = await pushCalls(hotline.url, { calls: [call] });
    expect(pushed.status).toBe(200);
    const { reference } = pushed.body.results![0];

    const found = await eventually(() => caseOf(reference!));
    expect(found).toMatchObject({
      reference,
      channel: 'hotline',
      department: 'FRAUD',
      category: { product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY' },
      customer: { phoneLast4: caller.last4 },
      content: {
        text: '不需要。我的信用卡昨天半夜被盗刷了三笔，一共两万多，我根本没有消费\n请马上冻结卡片并且退款',
        transcript: [
          { speaker: 'agent', text: '您好，很高兴为您服务。我们的理财产品正在促销，需要了解一下吗？', offsetMs: 1_000 },
          { speaker: 'customer', text: '不需要。我的信用卡昨天半夜被盗刷了三笔，一共两万多，我根本没有消费', offsetMs: 6_000 },
          { speaker: 'agent', text: '好的，我帮您登记。', offsetMs: 15_000 },
          { speaker: 'customer', text: '请马上冻结卡片并且退款', offsetMs: 18_000 },
        ],
      },
      context: { extra: { agentId: 'A-17', queue: 'cards', disposition: 'FRAUD_SUSPECTED', summary: '客户称信用卡被盗刷，已建议挂失' } },
    });
    // The agent's sales pitch (理财) is context, not the complaint: the product is the card.
    expect(found.category.product).toBe('CREDIT_CARD');
    expect(JSON.stringify(found)).not.toContain(caller.number);

    // The call centre hears that the case is open, signed like its own pushes.
    const callback = await eventually(async () => callcenter.requests.find((r) => JSON.parse(r.body).callId === call.callId));
    expect(JSON.parse(callback.body)).toMatchObject({ event: 'case.opened', reference, status: 'RECEIVED', department: 'FRAUD' });
    expect(callback.headers['x-signature']).toBe(
      signPayload('test-hotline-secret', String(callback.headers['x-timestamp']), callback.body),
    );
  });
});
