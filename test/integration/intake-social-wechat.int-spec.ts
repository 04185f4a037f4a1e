import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { CaseEventV1, ComplaintReceivedV1, CustomerResponseV1, customerResponseIdFor, Topics } from '@complaints/contracts';
import { publishCaseEvents, testProducer } from '../support/case-events';
import { WechatCrypto } from '../../apps/intake-social/src/domain/wechat-crypto';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';
import {
  call,
  nextMsgId,
  postWechat,
  publishSurveyEvent,
  postWechatEncrypted,
  REFERENCE,
  replyContent,
  signedQuery,
  textMessage,
  WECHAT,
  WECHAT_OLD_AES_KEY,
  wechatXml,
  xmlFields,
} from './intake-social-client';

const QUIET_WINDOW_SEC = 2;

describe('intake-social: the WeChat official account (real Kafka and PostgreSQL)', () => {
  let social: RunningApp;
  let received: TopicReader<ComplaintReceivedV1>;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    const config = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      WECHAT_ENCODING_AES_KEY: WECHAT.aesKey,
      WECHAT_ENCODING_AES_KEY_PREVIOUS: WECHAT_OLD_AES_KEY,
      SOCIAL_QUIET_WINDOW_SEC: String(QUIET_WINDOW_SEC),
      SOCIAL_PUBLISH_POLL_MS: '200',
      SOCIAL_SURVEY_TTL_HOURS: '168',
    });
    social = await startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    producer = await testProducer();
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([social?.close(), received?.close(), responses?.close(), producer?.disconnect(), db.end()]);
  });

  const publishedFor = (reference: string) => received.values((event) => event.complaint.reference === reference);
  const openId = () => `oTest_${Math.random().toString(36).slice(2, 12)}`;

  describe('replies to the satisfaction survey', () => {
    const answersFor = (reference: string) => responses.values((r) => r.reference === reference);
    const receivedFrom = (user: string) => received.values((e) => e.complaint.customer.contact.openId === user);

    it('records 满意 from a customer whose case was resolved as their answer, thanks them, and once only', async () => {
      const user = openId();
      const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'wechat', userId: user });
      const msgId = nextMsgId();
      const xml = textMessage(user, '满意', msgId);
      const res = await postWechat(social.url, xml);
      expect(res.status).toBe(200);
      expect(res.elapsedMs).toBeLessThan(5_000);
      const reply = replyContent(res.text);
      expect(reply).toContain('感谢您的评价');
      expect(reply).toContain(resolved.case.reference);
      expect(reply).not.toContain('受理编号');
      // WeChat retries the message: the same thanks, and still one answer.
      expect(replyContent((await postWechat(social.url, xml)).text)).toBe(reply);

      const [answer] = await eventually(
        async () => (answersFor(resolved.case.reference).length ? answersFor(resolved.case.reference) : undefined),
        15_000,
      );
      expect(answer).toMatchObject({
        eventId: customerResponseIdFor('wechat', `${user}|${msgId}`),
        eventType: 'customer.response',
        source: 'intake-social',
        kind: 'satisfaction',
        channel: 'wechat',
        reference: resolved.case.reference,
        complaintId: resolved.case.complaintId,
        identity: { openId: user },
        satisfaction: { score: 5 },
      });
      const key = responses.messages.find((m) => m.value.eventId === answer.eventId)?.key;
      expect(key).toBe(resolved.case.complaintId);
      const { rows } = await db.query('SELECT status, answered_message_id FROM intake_social.surveys WHERE user_id = $1', [user]);
      expect(rows).toEqual([{ status: 'answered', answered_message_id: msgId }]);
      // The relay of the survey answers' outbox counts under the name the service's own relay had.
      await eventually(async () => {
        const metrics = (await call(`${social.url}/metrics`)).text;
        return /intake_social_survey_answers_published_total(\{[^}]*\})? [1-9]/.test(metrics) ? true : undefined;
      }, 15_000);

      // Answered: the next 不满意 is a message like any other (a new complaint), not a second answer.
      const again = replyContent((await postWechat(social.url, textMessage(user, '不满意'))).text);
      expect(again).toMatch(REFERENCE);
      await new Promise((resolve) => setTimeout(resolve, (QUIET_WINDOW_SEC + 1) * 1000));
      expect(answersFor(resolved.case.reference)).toHaveLength(1);
      expect(receivedFrom(user).map((e) => e.complaint.content.text)).toEqual(['不满意']);
    });

    it('takes a digit or a voice message read as 不满意, and lets other messages through as complaints', async () => {
      const user = openId();
      const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'wechat', userId: user });
      const question = replyContent((await postWechat(social.url, textMessage(user, '请问退款什么时候到账？'))).text);
      expect(question).toMatch(REFERENCE);
      const voiceId = nextMsgId();
      const voice = wechatXml({
        ToUserName: 'gh_testbank',
        FromUserName: user,
        CreateTime: String(Math.floor(Date.now() / 1000)),
        MsgType: 'voice',
        MediaId: 'media-1',
        Format: 'amr',
        Recognition: '不满意。',
        MsgId: voiceId,
      });
      expect(replyContent((await postWechat(social.url, voice)).text)).toContain('上级部门将重新跟进');
      const [answer] = await eventually(
        async () => (answersFor(resolved.case.reference).length ? answersFor(resolved.case.reference) : undefined),
        15_000,
      );
      expect(answer).toMatchObject({ eventId: customerResponseIdFor('wechat', `${user}|${voiceId}`), satisfaction: { score: 2 } });
      await eventually(async () => (receivedFrom(user).length ? true : undefined), 15_000);
      expect(receivedFrom(user).map((e) => e.complaint.content.text)).toEqual(['请问退款什么时候到账？']);
    });

    it('answers the latest resolved case when there are two, with a digit', async () => {
      const user = openId();
      await publishSurveyEvent(producer, db, {
        type: 'case.resolved',
        channel: 'wechat',
        userId: user,
        at: new Date(Date.now() - 3_600_000),
      });
      const latest = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'wechat', userId: user });
      expect(replyContent((await postWechat(social.url, textMessage(user, '４'))).text)).toContain(latest.case.reference);
      const [answer] = await eventually(
        async () => (answersFor(latest.case.reference).length ? answersFor(latest.case.reference) : undefined),
        15_000,
      );
      expect(answer.satisfaction).toEqual({ score: 4 });
    });

    it.each([
      ['without a resolved case', async (_user: string): Promise<CaseEventV1 | undefined> => undefined],
      [
        'whose survey expired (resolved 8 days ago, the limit is 7)',
        (user: string) =>
          publishSurveyEvent(producer, db, {
            type: 'case.resolved',
            channel: 'wechat',
            userId: user,
            at: new Date(Date.now() - 8 * 24 * 3_600_000),
          }),
      ],
      [
        'who answered on another channel already (satisfaction recorded)',
        async (user: string) => {
          const resolved = await publishSurveyEvent(producer, db, {
            type: 'case.resolved',
            channel: 'wechat',
            userId: user,
            at: new Date(Date.now() - 60_000),
          });
          return publishSurveyEvent(producer, db, {
            type: 'case.satisfaction_recorded',
            channel: 'wechat',
            userId: user,
            reference: resolved.case.reference,
            complaintId: resolved.case.complaintId,
          });
        },
      ],
    ])('treats 满意 from a customer %s as a message', async (_, given) => {
      const user = openId();
      const event = await given(user);
      const reply = replyContent((await postWechat(social.url, textMessage(user, '满意'))).text);
      expect(reply).toMatch(REFERENCE);
      await eventually(async () => (receivedFrom(user).length ? true : undefined), 15_000);
      if (event) expect(answersFor(event.case.reference)).toHaveLength(0);
    });

    it('does not bring back a survey when an older resolution is delivered again after it ended', async () => {
      const user = openId();
      const resolved = await publishSurveyEvent(producer, db, {
        type: 'case.resolved',
        channel: 'wechat',
        userId: user,
        at: new Date(Date.now() - 60_000),
      });
      await publishSurveyEvent(producer, db, {
        type: 'case.reopened',
        channel: 'wechat',
        userId: user,
        reference: resolved.case.reference,
        complaintId: resolved.case.complaintId,
      });
      await publishCaseEvents(producer, resolved);
      const marker = await publishSurveyEvent(producer, db, {
        type: 'case.resolved',
        channel: 'wechat',
        userId: openId(),
        complaintId: resolved.case.complaintId,
      });
      expect(marker.case.reference).not.toBe(resolved.case.reference);
      const { rows } = await db.query('SELECT status FROM intake_social.surveys WHERE user_id = $1', [user]);
      expect(rows).toEqual([{ status: 'ended' }]);
    });
  });

  describe('the server URL check (GET)', () => {
    it('answers the echostr when the signature is right', async () => {
      const res = await call(`${social.url}/v1/wechat/callback?${signedQuery(WECHAT.token, { echostr: '5837397520' })}`);
      expect(res.status).toBe(200);
      expect(res.text).toBe('5837397520');
    });

    it.each([
      ['a forged signature', signedQuery('guessed-token', { echostr: '1' }), 'signature'],
      [
        'a replayed (stale) signature',
        signedQuery(WECHAT.token, { echostr: '1' }, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
        'timestamp',
      ],
      [
        'no signature at all',
        new URLSearchParams({ echostr: '1', timestamp: String(Math.floor(Date.now() / 1000)), nonce: '1' }),
        'signature',
      ],
    ])('refuses %s with a 401 problem', async (_, query, check) => {
      const res = await call(`${social.url}/v1/wechat/callback?${query}`);
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ check, errors: [{ field: check, message: expect.any(String) }] });
      expect(res.text).not.toContain('1\n');
    });
  });

  describe('messages in plaintext mode', () => {
    it('answers a text message at once with the reference and what happens next, then publishes the complaint', async () => {
      const user = openId();
      const res = await postWechat(social.url, textMessage(user, '我的信用卡4111111111111111昨晚被盗刷了三笔'));
      expect(res.status).toBe(200);
      expect(res.type).toContain('xml');
      expect(res.elapsedMs).toBeLessThan(5_000);
      const reply = xmlFields(res.text);
      expect(reply).toMatchObject({ ToUserName: user, FromUserName: 'gh_testbank', MsgType: 'text' });
      expect(reply.Content).toMatch(REFERENCE);
      expect(reply.Content).toContain('48小时');
      const reference = reply.Content.match(REFERENCE)![0];

      const [event] = await eventually(async () => (publishedFor(reference).length ? publishedFor(reference) : undefined), 15_000);
      expect(event.source).toBe('intake-social');
      expect(event.complaint).toMatchObject({
        channel: 'wechat',
        reference,
        customer: { contact: { openId: user } },
        source: { system: WECHAT.appId },
      });
      expect(event.complaint.content.text).not.toContain('4111111111111111');
      expect(event.complaint.content.text).toContain('1111');
    });

    it('gives a retried MsgId the same reply and publishes one complaint', async () => {
      const xml = textMessage(openId(), '理财产品收益与宣传不符');
      const replies = [];
      for (let i = 0; i < 3; i++) replies.push(replyContent((await postWechat(social.url, xml)).text));
      expect(new Set(replies).size).toBe(1);
      const reference = replies[0].match(REFERENCE)![0];
      await eventually(async () => (publishedFor(reference).length ? true : undefined), 15_000);
      await new Promise((resolve) => setTimeout(resolve, (QUIET_WINDOW_SEC + 1) * 1000));
      expect(publishedFor(reference)).toHaveLength(1);
      // ... and after the conversation was published, a late retry still gets the same reply.
      expect(replyContent((await postWechat(social.url, xml)).text)).toBe(replies[0]);
    });

    it('gives concurrent deliveries of one MsgId (a retry while the first is in flight) one reference', async () => {
      const xml = textMessage(openId(), '保险退保被拖延');
      const replies = await Promise.all([0, 1, 2].map(() => postWechat(social.url, xml)));
      expect(replies.map((res) => res.status)).toEqual([200, 200, 200]);
      expect(new Set(replies.map((res) => replyContent(res.text))).size).toBe(1);
    });

    it('joins the messages of one customer within the quiet window into one complaint (text, voice, image)', async () => {
      const user = openId();
      const now = String(Math.floor(Date.now() / 1000));
      const first = replyContent((await postWechat(social.url, textMessage(user, '网点柜员态度很差'))).text);
      const voice = wechatXml({
        ToUserName: 'gh_testbank',
        FromUserName: user,
        CreateTime: now,
        MsgType: 'voice',
        MediaId: 'VOICE-1',
        Format: 'amr',
        Recognition: '还拒绝给我办理挂失',
        MsgId: nextMsgId(),
      });
      const second = replyContent((await postWechat(social.url, voice)).text);
      const image = wechatXml({
        ToUserName: 'gh_testbank',
        FromUserName: user,
        CreateTime: now,
        MsgType: 'image',
        PicUrl: 'http://mmbiz.qpic.cn/evidence.jpg',
        MediaId: 'IMG-1',
        MsgId: nextMsgId(),
      });
      const third = replyContent((await postWechat(social.url, image)).text);
      const reference = first.match(REFERENCE)![0];
      expect(second).toContain(reference);
      expect(second).toContain('补充');
      expect(third).toContain(reference);

      const [event] = await eventually(async () => (publishedFor(reference).length ? publishedFor(reference) : undefined), 15_000);
      expect(event.complaint.content.text).toBe('网点柜员态度很差\n还拒绝给我办理挂失\n[图片]');
      expect(event.complaint.content.transcript).toHaveLength(3);
      expect(event.complaint.context.extra).toMatchObject({
        messageCount: '3',
        attachment1: 'voice mediaId=VOICE-1',
        attachment2: 'image mediaId=IMG-1 url=http://mmbiz.qpic.cn/evidence.jpg',
      });

      // After the window, the same customer starts a new complaint.
      const later = replyContent((await postWechat(social.url, textMessage(user, '另外一件事：转账一直未到账'))).text);
      expect(later.match(REFERENCE)![0]).not.toBe(reference);
      expect(later).toContain('已受理');
      expect(publishedFor(reference)).toHaveLength(1);
    });

    it('keeps different customers apart', async () => {
      const a = replyContent((await postWechat(social.url, textMessage(openId(), '信用卡年费乱收'))).text);
      const b = replyContent((await postWechat(social.url, textMessage(openId(), '信用卡年费乱收'))).text);
      expect(a.match(REFERENCE)![0]).not.toBe(b.match(REFERENCE)![0]);
    });

    it('answers subscribe with how to complain and other message types with what it takes', async () => {
      const base = { ToUserName: 'gh_testbank', FromUserName: openId(), CreateTime: String(Math.floor(Date.now() / 1000)) };
      expect(replyContent((await postWechat(social.url, wechatXml({ ...base, MsgType: 'event', Event: 'subscribe' }))).text)).toContain(
        '如需投诉',
      );
      expect(
        replyContent((await postWechat(social.url, wechatXml({ ...base, MsgType: 'location', Location_X: '1', MsgId: nextMsgId() }))).text),
      ).toContain('暂不支持');
      const unsubscribe = await postWechat(social.url, wechatXml({ ...base, MsgType: 'event', Event: 'unsubscribe' }));
      expect(unsubscribe.text).toBe('success');
    });
  });

  describe('safe mode (AES)', () => {
    it('decrypts the message and encrypts the reply with the current key', async () => {
      const res = await postWechatEncrypted(social.url, textMessage(openId(), '贷款提前还款被收违约金'));
      expect(res.status).toBe(200);
      const envelope = xmlFields(res.text);
      expect(envelope.MsgSignature).toMatch(/^[0-9a-f]{40}$/);
      const { sortedSha1 } = await import('../../apps/intake-social/src/domain/callback-signature');
      expect(sortedSha1([WECHAT.token, envelope.TimeStamp, envelope.Nonce, envelope.Encrypt])).toBe(envelope.MsgSignature);
      const plain = new WechatCrypto(WECHAT.appId, [WECHAT.aesKey]).decrypt(envelope.Encrypt);
      expect(replyContent(plain)).toMatch(REFERENCE);
    });

    it('still accepts the previous key during a rotation', async () => {
      const res = await postWechatEncrypted(social.url, textMessage(openId(), '基金赎回迟迟不到账'), WECHAT_OLD_AES_KEY);
      expect(res.status).toBe(200);
      expect(replyContent(new WechatCrypto(WECHAT.appId, [WECHAT.aesKey]).decrypt(xmlFields(res.text).Encrypt))).toMatch(REFERENCE);
    });

    it('refuses a wrong msg_signature (401) and a key it does not know (400)', async () => {
      const forged = await postWechatEncrypted(social.url, textMessage(openId(), 'x'), WECHAT.aesKey, { badMsgSignature: true });
      expect(forged.status).toBe(401);
      expect(forged.json().check).toBe('msg_signature');
      const unknown = await postWechatEncrypted(social.url, textMessage(openId(), 'x'), '0123456789abcdefghijklmnopqrstuvwxyzABCDEFG');
      expect(unknown.status).toBe(400);
      expect(unknown.json().errors).toEqual([{ field: 'Encrypt', message: expect.any(String) }]);
    });
  });

  describe('bad input: 400 problems, and the service stays up', () => {
    it.each([
      ['malformed XML', '<xml><ToUserName>gh</ToUserName><Content>unclosed</xml>', /malformed/],
      [
        'an external entity (XXE)',
        '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
        /DTD|entity/,
      ],
      [
        'a billion-laughs entity bomb',
        `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>`,
        /DTD|entity/,
      ],
      ['an empty body', '', /XML document/],
      ['a document without the xml root', '<message><Content>x</Content></message>', /root/],
    ])('refuses %s', async (_, xml, detail) => {
      const res = await postWechat(social.url, xml);
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.json().detail).toMatch(detail);
      expect(res.json().errors[0].field).toBe('body');
    });

    it('names the missing fields of a message', async () => {
      const res = await postWechat(social.url, wechatXml({ ToUserName: 'gh_testbank', MsgType: 'text', Content: 'x' }));
      expect(res.status).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['FromUserName', 'CreateTime']);
    });

    it('refuses a JSON body (the channel speaks XML)', async () => {
      const query = signedQuery(WECHAT.token);
      const res = await call(`${social.url}/v1/wechat/callback?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"Content":"x"}',
      });
      expect(res.status).toBe(400);
    });

    it('is still up and taking messages afterwards', async () => {
      expect((await call(`${social.url}/health/live`)).status).toBe(200);
      const metrics = await call(`${social.url}/metrics`);
      expect(metrics.text).toMatch(/intake_social_messages_total\{channel="wechat",outcome="duplicate"[^}]*\} [1-9]/);
      expect(replyContent((await postWechat(social.url, textMessage(openId(), '还能正常受理吗'))).text)).toMatch(REFERENCE);
    });
  });
});

describe('intake-social: a lively conversation is still cut at SOCIAL_MAX_CONVERSATION_SEC', () => {
  let social: RunningApp;
  let received: TopicReader<ComplaintReceivedV1>;

  beforeAll(async () => {
    const config = testConfig(IntakeSocialConfig, {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      SOCIAL_QUIET_WINDOW_SEC: '600',
      SOCIAL_MAX_CONVERSATION_SEC: '1',
      SOCIAL_PUBLISH_POLL_MS: '200',
    });
    social = await startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
  });
  afterAll(async () => {
    await Promise.all([social?.close(), received?.close()]);
  });

  it('opens a new complaint once the conversation is older than the limit, and publishes the old one at once', async () => {
    const user = `oMax_${Date.now()}`;
    const first = replyContent((await postWechat(social.url, textMessage(user, '第一件事'))).text).match(REFERENCE)![0];
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const second = replyContent((await postWechat(social.url, textMessage(user, '第二件事'))).text).match(REFERENCE)![0];
    expect(second).not.toBe(first);
    // The quiet window (600 s) has not passed, but the first conversation was closed by the second message.
    const [event] = await eventually(async () => {
      const events = received.values((e) => e.complaint.reference === first);
      return events.length ? events : undefined;
    }, 15_000);
    expect(event.complaint.content.text).toBe('第一件事');
    expect(received.values((e) => e.complaint.reference === second)).toHaveLength(0);
  });
});
