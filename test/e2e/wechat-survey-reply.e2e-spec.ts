import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { CasesModule } from '../../apps/cases/src/cases.module';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { RouterConfig } from '../../apps/router/src/router.config';
import { RouterModule } from '../../apps/router/src/router.module';
import { testConfig } from '../support/configs';
import { RecordingServer } from '../support/recording-server';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { staffToken } from '../support/staff-token';
import { postWechat, REFERENCE, replyContent, textMessage, WECHAT } from '../integration/intake-social-client';

/**
 * The survey loop on WeChat, on the real broker and database: a customer complains to the official
 * account, the case is resolved, the notifier sends the survey through the customer-service message
 * API (a real local server standing in for WeChat), the customer replies 满意, and the case records it.
 */
describe('WeChat complaint -> resolved -> survey on WeChat -> the customer replies 满意 -> satisfaction on the case', () => {
  let social: RunningApp;
  let router: RunningApp;
  let cases: RunningApp;
  let notifier: RunningApp;
  let wechatApi: RecordingServer;
  const admin = staffToken(['admin'], []);
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    wechatApi = await RecordingServer.start((request) =>
      request.url.startsWith('/cgi-bin/token')
        ? { status: 200, body: { access_token: `TOKEN-${randomUUID()}`, expires_in: 7200 } }
        : { status: 200, body: { errcode: 0, errmsg: 'ok' } },
    );
    const socialConfig = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      SOCIAL_QUIET_WINDOW_SEC: '1',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    [social, router, cases, notifier] = await Promise.all([
      startApp(IntakeSocialModule.register(socialConfig), intakeSocialHttpOptions(socialConfig)),
      startApp(RouterModule.register(testConfig(RouterConfig))),
      startApp(CasesModule.register(testConfig(CasesConfig, { CASES_OUTBOX_POLL_MS: '100' }))),
      startApp(
        NotifierModule.register(
          testConfig(NotifierConfig, {
            WECHAT_API_BASE_URL: wechatApi.url,
            WECHAT_APP_SECRET: 'test-wechat-app-secret',
            NOTIFY_POLL_MS: '50',
          }),
        ),
      ),
    ]);
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([social?.close(), router?.close(), cases?.close(), notifier?.close(), db.end()]);
    await wechatApi?.close();
  });

  async function call(path: string, token: string, body?: unknown) {
    const res = await fetch(`${cases.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  const wechatMessagesTo = (openId: string) =>
    wechatApi.requests
      .filter((r) => r.url.startsWith('/cgi-bin/message/custom/send'))
      .map((r) => JSON.parse(r.body) as { touser: string; text: { content: string } })
      .filter((m) => m.touser === openId);

  it('files the WeChat reply 满意 against the resolved case, once', async () => {
    const openId = `oSurvey_${Date.now()}`;
    const reference = replyContent((await postWechat(social.url, textMessage(openId, '信用卡年费未经同意被扣除，要求退还。'))).text).match(
      REFERENCE,
    )![0];
    const opened = await eventually(
      async () => {
        const res = await call(`/v1/cases/${reference}`, admin);
        return res.status === 200 ? res.body : undefined;
      },
      60_000,
      250,
    );
    const handler = staffToken(['agent'], [opened.department], 'agent-survey');
    expect((await call(`/v1/cases/${reference}/claim`, handler, {})).status).toBe(200);
    expect((await call(`/v1/cases/${reference}/resolution`, handler, { proposal: '退还年费300元。' })).status).toBe(200);
    expect((await call(`/v1/cases/${reference}/resolve`, handler, { summary: '已退还年费300元。' })).status).toBe(200);

    const survey = await eventually(
      async () => wechatMessagesTo(openId).find((m) => m.text.content.includes('请直接回复 1-5')),
      30_000,
      100,
    );
    expect(survey.text.content).toContain(reference);

    // The survey is outstanding once intake-social has read the resolution (until then 满意 would be a message).
    await eventually(
      async () => {
        const { rows } = await db.query(
          `SELECT 1 FROM intake_social.surveys WHERE user_id = $1 AND reference = $2 AND status = 'outstanding'`,
          [openId, reference],
        );
        return rows.length ? true : undefined;
      },
      30_000,
      100,
    );
    const answer = textMessage(openId, '满意');
    const thanks = replyContent((await postWechat(social.url, answer)).text);
    expect(thanks).toContain('感谢您的评价');
    expect(thanks).toContain(reference);
    expect(replyContent((await postWechat(social.url, answer)).text)).toBe(thanks); // WeChat's retry

    const rated = await eventually(
      async () => {
        const res = await call(`/v1/cases/${reference}`, handler);
        return res.body.lifecycle.satisfaction.length > 0 ? res.body : undefined;
      },
      30_000,
      250,
    );
    expect(rated.status).toBe('RESOLVED');
    expect(rated.lifecycle.satisfaction).toEqual([expect.objectContaining({ score: 5 })]);
    expect(rated.timeline.filter((e: { type: string }) => e.type === 'satisfaction_recorded')).toHaveLength(1);
  });
});
