import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { postWechat, REFERENCE, replyContent, textMessage, WECHAT } from '../integration/intake-social-client';

describe('a WeChat conversation flows to one routed case (real Kafka and PostgreSQL)', () => {
  let social: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  const admin = staffToken(['admin'], []);

  beforeAll(async () => {
    const config = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      SOCIAL_QUIET_WINDOW_SEC: '5',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    [social, router, cases] = await Promise.all([
      startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig))),
    ]);
  });
  afterAll(async () => {
    await Promise.all([social?.close(), router?.close(), cases?.close()]);
  });

  async function caseOf(reference: string) {
    const res = await fetch(`${cases.url}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${admin}` } });
    return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
  }

  it('two messages of one customer become one FRAUD case under the reference the customer was given', async () => {
    const openId = `oE2E_${Date.now()}`;
    const first = replyContent((await postWechat(social.url, textMessage(openId, '我的信用卡昨晚被盗刷了两笔'))).text);
    const reference = first.match(REFERENCE)![0];
    expect(replyContent((await postWechat(social.url, textMessage(openId, '卡号6222020200112233446，请马上冻结'))).text)).toContain(
      reference,
    );

    const found = await eventually(() => caseOf(reference), 60_000, 250);
    expect(found).toMatchObject({
      reference,
      channel: 'wechat',
      department: 'FRAUD',
      category: { product: 'CREDIT_CARD', reason: 'FUNDS_SECURITY' },
    });
    expect(found.content.text).toContain('被盗刷');
    expect(found.content.text).toContain('3446');
    expect(found.content.text).not.toContain('6222020200112233446');
  });
});
