import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import { ComplaintReceivedV1, CustomerResponseV1, customerResponseIdFor, Topics } from '@complaints/contracts';
import { testProducer } from '../support/case-events';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { ConversationRelay } from '../../apps/intake-social/src/interface/conversation-relay';
import { WeiboPoller } from '../../apps/intake-social/src/interface/weibo-poller';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';
import { call, postWeibo, publishSurveyEvent, signedQuery, WEIBO, weiboReplyText } from './intake-social-client';
import { WeiboApiServer } from './intake-social-weibo-api';

const REFERENCE = /C\d{8}-B[0-9A-HJKMNP-TV-Z]{5}/;
const TOKEN = 'test-weibo-access-token';
const ACCOUNT_UID = '5000000001';

describe('intake-social: Weibo fan service and the @mention/comment poller (real Kafka and PostgreSQL)', () => {
  let social: RunningApp;
  let api: WeiboApiServer;
  let received: TopicReader<ComplaintReceivedV1>;
  let responses: TopicReader<CustomerResponseV1>;
  let producer: Producer;
  let db: Client;

  const boot = async () => {
    const config = testConfig(IntakeSocialConfig, {
      WEIBO_APP_SECRET: WEIBO.appSecret,
      WEIBO_API_URL: api.url,
      WEIBO_ACCESS_TOKEN: TOKEN,
      WEIBO_ACCOUNT_UID: ACCOUNT_UID,
      // Polls are driven by the test; the relay runs often.
      WEIBO_POLL_INTERVAL_MS: '3600000',
      SOCIAL_QUIET_WINDOW_SEC: '1',
      SOCIAL_PUBLISH_POLL_MS: '200',
      SOCIAL_REPLY_BACKOFF_MS: '100',
    });
    return startApp(IntakeSocialModule.register(config), intakeSocialHttpOptions(config));
  };

  beforeAll(async () => {
    api = await WeiboApiServer.start(TOKEN);
    social = await boot();
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    producer = await testProducer();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([social?.close(), received?.close(), responses?.close(), producer?.disconnect(), api?.close(), db?.end()]);
  });

  const publishedFor = (reference: string) => received.values((event) => event.complaint.reference === reference);
  const uid = () => String(1_000_000_000 + Math.floor(Math.random() * 8_999_999_999));
  const push = (overrides: Record<string, unknown> = {}) => ({
    type: 'text',
    receiver_id: ACCOUNT_UID,
    sender_id: uid(),
    created_at: new Date().toUTCString(),
    text: '信用卡分期手续费没有说清楚',
    data: {},
    ...overrides,
  });

  describe('fan-service callback', () => {
    it('answers the URL check with the echostr, and refuses forged or replayed signatures', async () => {
      const ok = await call(`${social.url}/v1/weibo/callback?${signedQuery(WEIBO.appSecret, { echostr: 'abc123' })}`);
      expect(ok.status).toBe(200);
      expect(ok.text).toBe('abc123');
      const forged = await call(`${social.url}/v1/weibo/callback?${signedQuery('guess', { echostr: 'abc123' })}`);
      expect(forged.status).toBe(401);
      expect(forged.json().check).toBe('signature');
      const replayed = await postWeibo(social.url, push(), { timestamp: Math.floor(Date.now() / 1000) - 3_600 });
      expect(replayed.status).toBe(401);
      expect(replayed.json().check).toBe('timestamp');
      const wrongSecret = await postWeibo(social.url, push(), { secret: 'guess' });
      expect(wrongSecret.status).toBe(401);
    });

    it('answers a private message with the reference and publishes one complaint, even when the push is re-delivered', async () => {
      const body = push();
      const first = await postWeibo(social.url, body);
      expect(first.status).toBe(200);
      expect(first.json()).toMatchObject({ result: true, receiver_id: body.sender_id, sender_id: ACCOUNT_UID, type: 'text' });
      const text = weiboReplyText(first);
      expect(text).toMatch(REFERENCE);
      expect(weiboReplyText(await postWeibo(social.url, body))).toBe(text);
      const reference = text.match(REFERENCE)![0];
      const [event] = await eventually(async () => (publishedFor(reference).length ? publishedFor(reference) : undefined), 15_000);
      expect(event.complaint).toMatchObject({
        channel: 'weibo',
        customer: { contact: { uid: body.sender_id } },
        source: { system: ACCOUNT_UID },
      });
      expect(event.complaint.context.extra).toMatchObject({ via: 'fan-service' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(publishedFor(reference)).toHaveLength(1);
    });

    it('answers follow events with how to complain, and names bad fields', async () => {
      const follow = await postWeibo(social.url, push({ type: 'event', text: '', data: { subtype: 'follow' } }));
      expect(weiboReplyText(follow)).toContain('如需投诉');
      const bad = await postWeibo(social.url, push({ sender_id: 'nobody', unexpected: true }));
      expect(bad.status).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['unexpected', 'sender_id']);
    });
  });

  describe('the poller', () => {
    const poll = () => social.app.get(WeiboPoller).runOnce();
    const relay = () => social.app.get(ConversationRelay).runOnce();
    const post = (id: string, user: string, text: string, statusId?: string) => ({
      idstr: id,
      text,
      created_at: new Date().toUTCString().replace('GMT', '+0000'),
      user: { idstr: user },
      ...(statusId ? { status: { idstr: statusId } } : {}),
    });

    it('takes @mentions and comments, replies with the reference through the API, and keeps its cursor across restarts', async () => {
      const alice = uid();
      const bob = uid();
      api.mentions.push(post('4900000000000000001', alice, '@某银行 我的房贷利率一直没有调整'));
      api.comments.push(post('4900000000000000101', bob, '你们的客服电话根本打不通', '4800000000000000009'));
      api.failWrites = 1; // the first reply fails and is retried

      await poll();
      const references = await eventually(async () => {
        const rows = (
          await db.query(
            `SELECT message_id, reply, reply_status FROM intake_social.messages WHERE account = $1 AND via <> 'fan-service' ORDER BY message_id`,
            [ACCOUNT_UID],
          )
        ).rows;
        return rows.length === 2 ? rows : undefined;
      });
      expect(references.map((row) => row.message_id)).toEqual(['comment:4900000000000000101', 'status:4900000000000000001']);

      await eventually(async () => (api.writes.filter((w) => w.status === 200).length === 2 ? true : undefined), 15_000, 200);
      const created = api.writes.find((w) => w.path === '/2/comments/create.json' && w.status === 200)!;
      expect(created.form).toMatchObject({ access_token: TOKEN, id: '4900000000000000001' });
      expect(created.form.comment).toMatch(REFERENCE);
      const replied = api.writes.find((w) => w.path === '/2/comments/reply.json' && w.status === 200)!;
      expect(replied.form).toMatchObject({ cid: '4900000000000000101', id: '4800000000000000009' });
      expect(api.writes.filter((w) => w.status === 500)).toHaveLength(1);

      const aliceReference = created.form.comment.match(REFERENCE)![0];
      await relay();
      const [event] = await eventually(
        async () => (publishedFor(aliceReference).length ? publishedFor(aliceReference) : undefined),
        15_000,
      );
      expect(event.complaint).toMatchObject({
        channel: 'weibo',
        customer: { contact: { uid: alice } },
        content: { text: '@某银行 我的房贷利率一直没有调整' },
      });
      expect(event.complaint.context.extra).toMatchObject({ via: 'mention' });

      // The cursor is in PostgreSQL: a restarted service asks only for newer posts and repeats nothing.
      const cursors = (await db.query('SELECT stream, since_id FROM intake_social.poll_cursors ORDER BY stream')).rows;
      expect(cursors).toEqual([
        { stream: 'comments', since_id: '4900000000000000101' },
        { stream: 'mentions', since_id: '4900000000000000001' },
      ]);
      await social.close();
      api.mentions.push(post('4900000000000000002', uid(), '@某银行 理财经理误导销售'));
      social = await boot();
      const readsBefore = api.reads.length;
      await poll();
      const mentionRead = api.reads.slice(readsBefore).find((r) => r.path === '/2/statuses/mentions.json')!;
      expect(mentionRead.params.since_id).toBe('4900000000000000001');
      const all = (
        await db.query(`SELECT message_id FROM intake_social.messages WHERE account = $1 AND via <> 'fan-service'`, [ACCOUNT_UID])
      ).rows;
      expect(all.map((row) => row.message_id).sort()).toEqual([
        'comment:4900000000000000101',
        'status:4900000000000000001',
        'status:4900000000000000002',
      ]);
      await eventually(async () => (api.writes.filter((w) => w.status === 200).length === 3 ? true : undefined), 15_000, 200);
    });

    it('pages through more posts than fit in one page, and dedupes a post seen twice', async () => {
      const user = uid();
      for (let i = 0; i < 130; i++) api.mentions.push(post(String(4900000000000001000n + BigInt(i)), user, `@某银行 第${i}条`));
      await poll();
      const count = (
        await db.query(
          `SELECT count(*)::int AS n FROM intake_social.messages JOIN intake_social.conversations USING (complaint_id) WHERE conversations.user_id = $1`,
          [user],
        )
      ).rows[0].n;
      expect(count).toBe(130);
      // All within the quiet window: one customer, one conversation.
      const conversations = (
        await db.query(
          `SELECT count(DISTINCT messages.complaint_id)::int AS n FROM intake_social.messages JOIN intake_social.conversations USING (complaint_id) WHERE conversations.user_id = $1`,
          [user],
        )
      ).rows[0].n;
      expect(conversations).toBe(1);
      // A cursor rolled back by hand (as after a crash before it was saved) re-reads, and nothing is taken twice.
      await db.query(`UPDATE intake_social.poll_cursors SET since_id = '4900000000000001100' WHERE stream = 'mentions'`);
      await poll();
      expect(
        (
          await db.query(
            `SELECT count(*)::int AS n FROM intake_social.messages JOIN intake_social.conversations USING (complaint_id) WHERE conversations.user_id = $1`,
            [user],
          )
        ).rows[0].n,
      ).toBe(130);
    });
  });

  describe('replies to the satisfaction survey', () => {
    const answersFor = (reference: string) => responses.values((r) => r.reference === reference);

    it('records 满意 in a private message as the answer of a customer whose case was resolved, once per push', async () => {
      const body = push({ text: '满意' });
      const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'weibo', userId: body.sender_id });
      const first = await postWeibo(social.url, body);
      expect(first.status).toBe(200);
      const text = weiboReplyText(first);
      expect(text).toContain('感谢您的评价');
      expect(text).toContain(resolved.case.reference);
      expect(weiboReplyText(await postWeibo(social.url, body))).toBe(text);
      const [answer] = await eventually(
        async () => (answersFor(resolved.case.reference).length ? answersFor(resolved.case.reference) : undefined),
        15_000,
      );
      expect(answer).toMatchObject({
        channel: 'weibo',
        complaintId: resolved.case.complaintId,
        identity: { uid: body.sender_id },
        satisfaction: { score: 5 },
      });
      const { rows } = await db.query(
        `SELECT message_id FROM intake_social.messages WHERE outcome = 'survey-answered' AND response->>'reference' = $1`,
        [resolved.case.reference],
      );
      expect(rows).toHaveLength(1);
      expect(answer.eventId).toBe(customerResponseIdFor('weibo', `${body.sender_id}|${rows[0].message_id}`));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(answersFor(resolved.case.reference)).toHaveLength(1);
      expect(received.values((e) => e.complaint.customer.contact.uid === body.sender_id)).toHaveLength(0);
    });

    it('takes a comment answering the survey and thanks the customer through the API', async () => {
      const user = uid();
      const resolved = await publishSurveyEvent(producer, db, { type: 'case.resolved', channel: 'weibo', userId: user });
      api.comments.push({
        idstr: '4900000000000009001',
        text: '1',
        created_at: new Date().toUTCString().replace('GMT', '+0000'),
        user: { idstr: user },
        status: { idstr: '4800000000000000777' },
      });
      await social.app.get(WeiboPoller).runOnce();
      const reply = await eventually(
        async () => api.writes.find((w) => w.path === '/2/comments/reply.json' && w.status === 200 && w.form.cid === '4900000000000009001'),
        15_000,
        200,
      );
      expect(reply.form.comment).toContain(resolved.case.reference);
      expect(reply.form.comment).toContain('上级部门将重新跟进');
      const [answer] = await eventually(
        async () => (answersFor(resolved.case.reference).length ? answersFor(resolved.case.reference) : undefined),
        15_000,
      );
      expect(answer).toMatchObject({
        eventId: customerResponseIdFor('weibo', `${user}|comment:4900000000000009001`),
        identity: { uid: user },
        satisfaction: { score: 1 },
      });
    });
  });
});
