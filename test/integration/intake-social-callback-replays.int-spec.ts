import fs from 'node:fs';
import { Client } from 'pg';
import { ComplaintReceivedV1, Topics } from '@complaints/contracts';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { testConfig } from '../support/configs';
import { eventually, RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';
import {
  freshNonce,
  now,
  openId,
  plainWechat,
  postWeiboRequest,
  safeWechat,
  send,
  signed,
  storedCounts,
  textXml,
  WECHAT_ORIGINAL_ID,
  weiboPush,
  weiboUid,
} from '../hostile/social-callbacks';
import { nextMsgId, REFERENCE, replyContent, WECHAT, WEIBO, weiboReplyText } from './intake-social-client';

const QUIET_WINDOW_SEC = 1;

/** Every line the services write to stdout (pino writes to process.stdout, or with fs.write / fs.writeSync on fd 1 when nobody wrapped it). */
function captureStdout(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const record = (fd: unknown, data: unknown) => {
    if (fd === 1 && (typeof data === 'string' || Buffer.isBuffer(data))) chunks.push(data.toString());
  };
  const writeSync = jest.spyOn(fs, 'writeSync').mockImplementation((fd: number, data: string | Buffer) => {
    record(fd, data);
    return Buffer.byteLength(data);
  });
  const write = jest.spyOn(fs, 'write').mockImplementation((fd: number, data: string | Buffer, ...rest: unknown[]) => {
    record(fd, data);
    const done = rest.find((r) => typeof r === 'function') as ((e: null, n: number) => void) | undefined;
    done?.(null, Buffer.byteLength(data));
  });
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((data: string | Uint8Array, ...rest: unknown[]) => {
    record(1, typeof data === 'string' ? data : Buffer.from(data));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  });
  return { text: () => chunks.join(''), restore: () => (writeSync.mockRestore(), write.mockRestore(), stdout.mockRestore()) };
}

describe('intake-social: callbacks against replays, plaintext in safe mode, and message ids of other senders (real Kafka and PostgreSQL)', () => {
  let first: RunningApp;
  let second: RunningApp;
  let strict: RunningApp;
  let received: TopicReader<ComplaintReceivedV1>;
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const logs = captureStdout();

  const settings = {
    WECHAT_TOKEN: WECHAT.token,
    WECHAT_APP_ID: WECHAT.appId,
    WECHAT_ENCODING_AES_KEY: WECHAT.aesKey,
    WEIBO_APP_SECRET: WEIBO.appSecret,
    WEIBO_ACCOUNT_UID: WEIBO.account,
    SOCIAL_QUIET_WINDOW_SEC: String(QUIET_WINDOW_SEC),
    SOCIAL_PUBLISH_POLL_MS: '200',
    SOCIAL_NONCE_PURGE_INTERVAL_MS: '1000',
    LOG_LEVEL: 'info',
  };

  beforeAll(async () => {
    // Two instances of the compatible-mode service on one database, and one that requires safe mode.
    const compat = testConfig(IntakeSocialConfig, { ...settings, WECHAT_ACCEPT_PLAINTEXT: 'true' });
    const safeOnly = testConfig(IntakeSocialConfig, {
      ...settings,
      WECHAT_ACCEPT_PLAINTEXT: 'false',
      WECHAT_ORIGINAL_ID: WECHAT_ORIGINAL_ID,
    });
    first = await startApp(IntakeSocialModule.register(compat), intakeSocialHttpOptions(compat));
    second = await startApp(IntakeSocialModule.register(compat), intakeSocialHttpOptions(compat));
    strict = await startApp(IntakeSocialModule.register(safeOnly), intakeSocialHttpOptions(safeOnly));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    await db.connect();
  });
  afterAll(async () => {
    logs.restore();
    await Promise.all([first?.close(), second?.close(), strict?.close(), received?.close(), db.end()]);
  });

  const storedFor = async (user: string) =>
    (await db.query('SELECT message_id, reply FROM intake_social.messages WHERE user_id = $1', [user])).rows;
  const publishedFor = (user: string) =>
    received.values((e) => e.complaint.customer.contact.openId === user || e.complaint.customer.contact.uid === user);
  const afterQuietWindow = () => new Promise((resolve) => setTimeout(resolve, (QUIET_WINDOW_SEC + 2) * 1000));

  it('refuses a signed query string replayed with another body: nothing stored, nothing published', async () => {
    const victim = openId();
    const attacker = openId();
    const query = signed(WECHAT.token);
    const genuine = await send(first.url, plainWechat(textXml(victim, '我的账户被冻结了'), query));
    expect(genuine.status).toBe(200);

    const before = await storedCounts(db);
    const forged = await send(first.url, plainWechat(textXml(attacker, '满意'), query));
    expect(forged.status).toBe(401);
    expect(forged.type).toContain('application/problem+json');
    expect(forged.json()).toMatchObject({ check: 'nonce', errors: [{ field: 'nonce' }] });
    expect(await storedCounts(db)).toEqual(before);
    expect(await storedFor(attacker)).toEqual([]);

    await eventually(async () => (publishedFor(victim).length ? true : undefined), 15_000);
    await afterQuietWindow();
    expect(publishedFor(attacker)).toEqual([]);
    expect(publishedFor(victim)).toHaveLength(1);
  });

  it('answers the same request delivered again (same nonce and body, as a WeChat retry may be) with the same reply, stored once', async () => {
    const user = openId();
    const request = plainWechat(textXml(user, '理财产品收益与宣传不符'));
    const replies = [];
    for (let i = 0; i < 3; i++) {
      const res = await send(first.url, request);
      expect(res.status).toBe(200);
      replies.push(replyContent(res.text));
    }
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toMatch(REFERENCE);
    expect(await storedFor(user)).toHaveLength(1);
  });

  it('shares used nonces between instances: the second instance refuses a query the first took', async () => {
    const user = openId();
    const query = signed(WECHAT.token);
    expect((await send(first.url, plainWechat(textXml(user), query))).status).toBe(200);
    const other = openId();
    const before = await storedCounts(db);
    const replayed = await send(second.url, plainWechat(textXml(other), query));
    expect(replayed.status).toBe(401);
    expect(replayed.json()).toMatchObject({ check: 'nonce' });
    expect(await storedCounts(db)).toEqual(before);
    // ... and the first refuses one the second took (Weibo too).
    const push = weiboPush(weiboUid());
    const weiboQuery = signed(WEIBO.appSecret);
    expect((await send(second.url, postWeiboRequest(push, weiboQuery))).status).toBe(200);
    const forgedPush = weiboPush(weiboUid(), { text: '满意' });
    expect((await send(first.url, postWeiboRequest(forgedPush, weiboQuery))).status).toBe(401);
    expect(await storedFor(String(forgedPush.sender_id))).toEqual([]);
  });

  it('refuses plaintext when safe mode is configured, and takes it with the compatible mode switched on', async () => {
    const user = openId();
    const xml = textXml(user, '贷款利率与合同不一致');
    const before = await storedCounts(db);
    const refused = await send(strict.url, plainWechat(xml));
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'encrypt_type' }] });
    expect(await storedCounts(db)).toEqual(before);

    const encrypted = await send(strict.url, safeWechat(xml));
    expect(encrypted.status).toBe(200);
    expect(encrypted.text).toContain('<Encrypt>');
    expect(await storedFor(user)).toHaveLength(1);

    const other = openId();
    const compat = await send(first.url, plainWechat(textXml(other, '贷款利率与合同不一致')));
    expect(compat.status).toBe(200);
    expect(replyContent(compat.text)).toMatch(REFERENCE);
  });

  it("keeps messages of two customers with one MsgId apart: neither gets the other one's reply or reference", async () => {
    const msgId = nextMsgId();
    const alice = openId();
    const mallory = openId();
    const aliceReply = replyContent((await send(first.url, plainWechat(textXml(alice, '信用卡被盗刷', msgId)))).text);
    const malloryRes = await send(first.url, plainWechat(textXml(mallory, '查询进度', msgId)));
    expect(malloryRes.status).toBe(200);
    const malloryReply = replyContent(malloryRes.text);
    const aliceReference = aliceReply.match(REFERENCE)![0];
    expect(malloryReply).toMatch(REFERENCE);
    expect(malloryReply).not.toContain(aliceReference);
    expect(await storedFor(alice)).toHaveLength(1);
    expect(await storedFor(mallory)).toHaveLength(1);
    await eventually(async () => (publishedFor(alice).length && publishedFor(mallory).length ? true : undefined), 15_000);
    expect(publishedFor(mallory)[0].complaint.reference).not.toBe(aliceReference);
    expect(publishedFor(mallory)[0].complaint.complaintId).not.toBe(publishedFor(alice)[0].complaint.complaintId);
    // The same on Weibo: a push of another sender is its own message.
    const push = weiboPush(weiboUid());
    const pushReply = weiboReplyText(await send(first.url, postWeiboRequest(push)));
    const otherReply = weiboReplyText(await send(first.url, postWeiboRequest({ ...push, sender_id: weiboUid() })));
    expect(otherReply).not.toBe(pushReply);
  });

  it('stores no lone surrogate from a character reference, answers WeChat 200 (no retries), and the complaint goes out', async () => {
    const user = openId();
    const xml =
      `<xml><ToUserName>${WECHAT_ORIGINAL_ID}</ToUserName><FromUserName>${user}</FromUserName><CreateTime>${now()}</CreateTime>` +
      `<MsgType>text</MsgType><Content>卡被盗刷 &#xD800; &#55296;</Content><MsgId>${nextMsgId()}</MsgId></xml>`;
    const res = await send(first.url, plainWechat(xml));
    expect(res.status).toBe(200);
    const [stored] = (await db.query('SELECT text FROM intake_social.messages WHERE user_id = $1', [user])).rows;
    expect(stored.text).toBe('卡被盗刷 &#xD800; &#55296;');
    expect(/[\uD800-\uDFFF]/.test(stored.text)).toBe(false);
    await eventually(async () => (publishedFor(user).length ? true : undefined), 15_000);
  });

  it('logs no signed query string, nonce or openId of a callback', async () => {
    const user = openId();
    const query = signed(WECHAT.token, {}, { nonce: freshNonce() });
    expect((await send(first.url, plainWechat(textXml(user), query))).status).toBe(200);
    expect((await send(first.url, plainWechat(textXml(openId()), query))).status).toBe(401);
    expect((await send(strict.url, plainWechat(textXml(user)))).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const text = logs.text();
    // The requests were logged (so the absence below means something) ...
    expect(text).toContain('/v1/wechat/callback?signature=[redacted]');
    expect(text).toContain('already used with other content');
    // ... without what would let a reader replay them or identify the customer.
    for (const secret of [query.signature, `nonce=${query.nonce}`, `timestamp=${query.timestamp}`, user, 'oQueryOpenId'])
      expect(text).not.toContain(secret);
  });

  it('forgets nonces once their timestamp is out of the window (the purge job), and keeps those still in it', async () => {
    const old = now() - 10_000;
    const nonce = freshNonce();
    await db.query(
      `INSERT INTO intake_social.callback_nonces (realm, signed_at, nonce, digest, expires_at) VALUES ('weibo', $1, $2, 'x', to_timestamp($3))`,
      [old, nonce, old + 301],
    );
    const live = signed(WEIBO.appSecret);
    expect((await send(first.url, postWeiboRequest(weiboPush(weiboUid()), live))).status).toBe(200);
    await eventually(async () => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM intake_social.callback_nonces WHERE nonce = $1', [nonce]);
      return rows[0].n === 0 ? true : undefined;
    }, 10_000);
    const { rows } = await db.query(`SELECT expires_at FROM intake_social.callback_nonces WHERE realm = 'weibo' AND nonce = $1`, [
      live.nonce,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].expires_at.getTime()).toBe((Number(live.timestamp) + 301) * 1000);
  });
});
