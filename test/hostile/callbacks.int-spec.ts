import { Client } from 'pg';
import { ComplaintReceivedV1, CustomerResponseV1, Topics } from '@complaints/contracts';
import { sortedSha1 } from '../../apps/intake-social/src/domain/callback-signature';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeSocialModule, intakeSocialHttpOptions } from '../../apps/intake-social/src/intake-social.module';
import { WECHAT, WEIBO, wechatXml } from '../integration/intake-social-client';
import { testConfig } from '../support/configs';
import { RunningApp, startApp } from '../support/running-app';
import { TopicReader } from '../support/topic-reader';
import {
  CallbackRequest,
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
} from './social-callbacks';

/**
 * Hostile requests to the WeChat and Weibo callbacks of intake-social (issue 16, finding 5): each is
 * answered with its safe status (a problem naming the check or field) and leaves nothing stored
 * (messages, conversations, outbox) and nothing published.
 */
const QUIET_WINDOW_SEC = 1;
const MAX_BODY_BYTES = 16 * 1024;
const OTHER_AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';

/** `strict`: safe mode required, original id checked. `compat`: plaintext accepted (WeChat's compatible mode). */
type Target = 'strict' | 'compat';
interface HostileCase {
  target: Target;
  /** An accepted request sent first (what a replay replays). */
  genuine?: CallbackRequest;
  request: CallbackRequest;
  status: number;
  /** The check or field the problem names (`errors[0].field`). */
  field: string;
}

/** Senders of refused requests (the genuine requests a replay replays use unlisted ones). */
const senders: string[] = [];
const user = () => {
  const id = openId();
  senders.push(id);
  return id;
};
const uid = () => {
  const id = weiboUid();
  senders.push(id);
  return id;
};

const wechatGet = (query: Record<string, string>): CallbackRequest => ({ method: 'GET', path: '/v1/wechat/callback', query });
const weiboGet = (query: Record<string, string>): CallbackRequest => ({ method: 'GET', path: '/v1/weibo/callback', query });
const withQuery = (request: CallbackRequest, query: Record<string, string>): CallbackRequest => ({
  ...request,
  query: { ...request.query, ...query },
});
const without = (request: CallbackRequest, name: string): CallbackRequest => {
  const query = { ...request.query };
  delete query[name];
  return { ...request, query };
};
/** A safe-mode message whose ciphertext is `encrypted` as given (signed properly, so only the content is wrong). */
const safeWithCiphertext = (encrypted: string) => safeWechat('', { encrypted });
const unsignedTimestamp = (timestamp: string) => {
  const nonce = freshNonce();
  return { signature: sortedSha1([WECHAT.token, timestamp, nonce]), timestamp, nonce };
};

function replayWechat(): Pick<HostileCase, 'genuine' | 'request'> {
  const query = signed(WECHAT.token);
  return { genuine: plainWechat(textXml(openId(), '我的账户被冻结了'), query), request: plainWechat(textXml(user(), '满意'), query) };
}

function replaySafeMode(): Pick<HostileCase, 'genuine' | 'request'> {
  const genuine = safeWechat(textXml(openId()));
  // The forger keeps the signed query (msg_signature included) and swaps the ciphertext for one of their own.
  const forged = safeWechat(textXml(user(), '满意'), { query: genuine.query });
  return { genuine, request: { ...forged, query: genuine.query } };
}

function replayWeibo(): Pick<HostileCase, 'genuine' | 'request'> {
  const query = signed(WEIBO.appSecret);
  return { genuine: postWeiboRequest(weiboPush(weiboUid()), query), request: postWeiboRequest(weiboPush(uid(), { text: '1' }), query) };
}

function replayUrlCheck(path: '/v1/wechat/callback' | '/v1/weibo/callback', secret: string): Pick<HostileCase, 'genuine' | 'request'> {
  const query = signed(secret, { echostr: '5837397520' });
  return {
    genuine: { method: 'GET', path, query },
    request: { method: 'GET', path, query: { ...query, echostr: '<script>alert(1)</script>' } },
  };
}

const cases: Array<[string, () => HostileCase]> = [
  // --- WeChat: signatures, timestamps, nonces
  [
    'WeChat: a signature made with a guessed token',
    () => ({ target: 'strict', request: safeWechat(textXml(user()), { query: signed('guessed-token') }), status: 401, field: 'signature' }),
  ],
  [
    'WeChat: no signature',
    () => ({ target: 'strict', request: without(safeWechat(textXml(user())), 'signature'), status: 401, field: 'signature' }),
  ],
  [
    'WeChat: a signature that is no SHA-1',
    () => ({ target: 'strict', request: withQuery(safeWechat(textXml(user())), { signature: 'abc' }), status: 401, field: 'signature' }),
  ],
  [
    'WeChat: an expired signature (timestamp 301 s old)',
    () => ({
      target: 'strict',
      request: safeWechat(textXml(user()), { query: signed(WECHAT.token, {}, { timestamp: now() - 301 }) }),
      status: 401,
      field: 'timestamp',
    }),
  ],
  [
    'WeChat: a timestamp 301 s in the future',
    () => ({
      target: 'strict',
      request: safeWechat(textXml(user()), { query: signed(WECHAT.token, {}, { timestamp: now() + 301 }) }),
      status: 401,
      field: 'timestamp',
    }),
  ],
  [
    'WeChat: a timestamp that is no unix time',
    () => ({
      target: 'strict',
      request: safeWechat(textXml(user()), { query: unsignedTimestamp('1e9') }),
      status: 401,
      field: 'timestamp',
    }),
  ],
  ['WeChat: no nonce', () => ({ target: 'strict', request: without(safeWechat(textXml(user())), 'nonce'), status: 401, field: 'nonce' })],
  [
    'WeChat: a nonce of 65 characters',
    () => ({
      target: 'strict',
      request: safeWechat(textXml(user()), { query: signed(WECHAT.token, {}, { nonce: '9'.repeat(65) }) }),
      status: 401,
      field: 'nonce',
    }),
  ],
  [
    'WeChat: a signed query replayed with another plaintext body (forged sender)',
    () => ({ target: 'compat', ...replayWechat(), status: 401, field: 'nonce' }),
  ],
  [
    'WeChat: a signed safe-mode query replayed with another ciphertext',
    () => ({ target: 'strict', ...replaySafeMode(), status: 401, field: 'msg_signature' }),
  ],
  [
    'WeChat: a URL check replayed with another echostr',
    () => ({ target: 'strict', ...replayUrlCheck('/v1/wechat/callback', WECHAT.token), status: 401, field: 'nonce' }),
  ],
  [
    'WeChat: a URL check with a forged signature',
    () => ({ target: 'strict', request: wechatGet(signed('guessed-token', { echostr: '1' })), status: 401, field: 'signature' }),
  ],
  // --- WeChat: safe mode
  [
    'WeChat: a wrong msg_signature',
    () => ({
      target: 'strict',
      request: withQuery(safeWechat(textXml(user())), { msg_signature: sortedSha1(['forged']) }),
      status: 401,
      field: 'msg_signature',
    }),
  ],
  [
    'WeChat: no msg_signature',
    () => ({ target: 'strict', request: without(safeWechat(textXml(user())), 'msg_signature'), status: 401, field: 'msg_signature' }),
  ],
  [
    'WeChat: a msg_signature made with another token',
    () => ({ target: 'strict', request: safeWechat(textXml(user()), { token: 'guessed-token' }), status: 401, field: 'msg_signature' }),
  ],
  [
    'WeChat: safe mode without Encrypt',
    () => ({
      target: 'strict',
      request: { ...safeWechat(textXml(user())), body: textXml(user()) },
      status: 400,
      field: 'Encrypt',
    }),
  ],
  [
    'WeChat: a ciphertext that is not whole blocks',
    () => ({ target: 'strict', request: safeWithCiphertext(Buffer.from('short').toString('base64')), status: 400, field: 'Encrypt' }),
  ],
  [
    'WeChat: a ciphertext under an unknown EncodingAESKey',
    () => ({ target: 'strict', request: safeWechat(textXml(user()), { aesKey: OTHER_AES_KEY }), status: 400, field: 'Encrypt' }),
  ],
  [
    'WeChat: a ciphertext for another AppId',
    () => ({ target: 'strict', request: safeWechat(textXml(user()), { appId: 'wxother0000000001' }), status: 400, field: 'Encrypt' }),
  ],
  ['WeChat: a ciphertext holding no XML', () => ({ target: 'strict', request: safeWechat('just text'), status: 400, field: 'Encrypt' })],
  [
    'WeChat: a ciphertext holding a DTD (XXE)',
    () => ({
      target: 'strict',
      request: safeWechat(
        `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><FromUserName>${user()}</FromUserName><Content>&x;</Content></xml>`,
      ),
      status: 400,
      field: 'Encrypt',
    }),
  ],
  [
    'WeChat: a plaintext message while safe mode is required',
    () => ({ target: 'strict', request: plainWechat(textXml(user())), status: 403, field: 'encrypt_type' }),
  ],
  [
    'WeChat: encrypt_type=raw while safe mode is required',
    () => ({
      target: 'strict',
      request: withQuery(plainWechat(textXml(user())), { encrypt_type: 'raw' }),
      status: 403,
      field: 'encrypt_type',
    }),
  ],
  [
    'WeChat: a message to another official account (ToUserName)',
    () => ({
      target: 'strict',
      request: safeWechat(textXml(user(), '投诉', undefined, 'gh_otherbank01')),
      status: 403,
      field: 'ToUserName',
    }),
  ],
  // --- WeChat: the XML itself (signed properly; compatible mode)
  [
    'WeChat: XML with a DOCTYPE and an external entity',
    () => ({
      target: 'compat',
      request: plainWechat(`<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Content>&x;</Content></xml>`),
      status: 400,
      field: 'body',
    }),
  ],
  [
    'WeChat: XML entity expansion (billion laughs)',
    () => ({
      target: 'compat',
      request: plainWechat(
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>`,
      ),
      status: 400,
      field: 'body',
    }),
  ],
  [
    'WeChat: malformed XML',
    () => ({
      target: 'compat',
      request: plainWechat(`<xml><FromUserName>${user()}</FromUserName><Content>unclosed</xml>`),
      status: 400,
      field: 'body',
    }),
  ],
  [
    'WeChat: XML over the body limit',
    () => ({
      target: 'compat',
      request: plainWechat(textXml(user(), '很长'.repeat(MAX_BODY_BYTES))),
      status: 413,
      field: 'body',
    }),
  ],
  [
    'WeChat: XML nested 2,000 deep (within the body limit)',
    () => ({
      target: 'compat',
      request: plainWechat(`<xml>${'<a>'.repeat(2_000)}${'</a>'.repeat(2_000)}</xml>`),
      status: 400,
      field: 'body',
    }),
  ],
  [
    'WeChat: XML nested 20,000 deep (over the body limit)',
    () => ({
      target: 'compat',
      request: plainWechat(`<xml>${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}</xml>`),
      status: 413,
      field: 'body',
    }),
  ],
  [
    'WeChat: JSON instead of XML',
    () => ({
      target: 'compat',
      request: { ...plainWechat(''), body: JSON.stringify({ FromUserName: user() }), contentType: 'application/json' },
      status: 400,
      field: 'body',
    }),
  ],
  [
    'WeChat: a FromUserName that is no openId (markup)',
    () => ({ target: 'compat', request: plainWechat(textXml('<script>x</script>')), status: 400, field: 'FromUserName' }),
  ],
  [
    'WeChat: a FromUserName with an injected quote',
    () => ({ target: 'compat', request: plainWechat(textXml(`${user()}' OR '1'='1`)), status: 400, field: 'FromUserName' }),
  ],
  [
    'WeChat: a MsgId that is no number',
    () => ({
      target: 'compat',
      request: plainWechat(
        wechatXml({
          ToUserName: WECHAT_ORIGINAL_ID,
          FromUserName: user(),
          CreateTime: String(now()),
          MsgType: 'text',
          Content: '投诉',
          MsgId: '1 OR 1=1',
        }),
      ),
      status: 400,
      field: 'MsgId',
    }),
  ],
  // --- Weibo fan service
  [
    'Weibo: a signature made with a guessed app secret',
    () => ({ target: 'compat', request: postWeiboRequest(weiboPush(uid()), signed('guessed-secret')), status: 401, field: 'signature' }),
  ],
  [
    'Weibo: an expired signature (timestamp an hour old)',
    () => ({
      target: 'compat',
      request: postWeiboRequest(weiboPush(uid()), signed(WEIBO.appSecret, {}, { timestamp: now() - 3_600 })),
      status: 401,
      field: 'timestamp',
    }),
  ],
  [
    'Weibo: no nonce',
    () => ({ target: 'compat', request: without(postWeiboRequest(weiboPush(uid())), 'nonce'), status: 401, field: 'nonce' }),
  ],
  [
    'Weibo: a signed query replayed with another body (forged sender)',
    () => ({ target: 'compat', ...replayWeibo(), status: 401, field: 'nonce' }),
  ],
  [
    'Weibo: a URL check replayed with another echostr',
    () => ({ target: 'compat', ...replayUrlCheck('/v1/weibo/callback', WEIBO.appSecret), status: 401, field: 'nonce' }),
  ],
  [
    'Weibo: a URL check with a forged signature',
    () => ({ target: 'compat', request: weiboGet(signed('guessed-secret', { echostr: '1' })), status: 401, field: 'signature' }),
  ],
  [
    'Weibo: a push to another account (receiver_id)',
    () => ({
      target: 'compat',
      request: postWeiboRequest(weiboPush(uid(), { receiver_id: '5999999999' })),
      status: 403,
      field: 'receiver_id',
    }),
  ],
  [
    'Weibo: a body that is a JSON array',
    () => ({ target: 'compat', request: postWeiboRequest([weiboPush(uid())]), status: 400, field: 'body' }),
  ],
  [
    'Weibo: a sender_id that is no uid',
    () => ({ target: 'compat', request: postWeiboRequest(weiboPush('../../admin')), status: 400, field: 'sender_id' }),
  ],
  [
    'Weibo: an unknown property',
    () => ({ target: 'compat', request: postWeiboRequest(weiboPush(uid(), { __proto__x: 1 })), status: 400, field: '__proto__x' }),
  ],
  [
    'Weibo: malformed JSON',
    () => ({ target: 'compat', request: postWeiboRequest(`{"sender_id": "${uid()}", `), status: 400, field: 'body' }),
  ],
  [
    'Weibo: a body over the limit',
    () => ({
      target: 'compat',
      request: postWeiboRequest(weiboPush(uid(), { text: '很长'.repeat(MAX_BODY_BYTES) })),
      status: 413,
      field: 'body',
    }),
  ],
];

describe('hostile requests: WeChat and Weibo callbacks of intake-social (real Kafka and PostgreSQL)', () => {
  const apps = {} as Record<Target, RunningApp>;
  let received: TopicReader<ComplaintReceivedV1>;
  let responses: TopicReader<CustomerResponseV1>;
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    const settings = {
      WECHAT_TOKEN: WECHAT.token,
      WECHAT_APP_ID: WECHAT.appId,
      WECHAT_ENCODING_AES_KEY: WECHAT.aesKey,
      WEIBO_APP_SECRET: WEIBO.appSecret,
      WEIBO_ACCOUNT_UID: WEIBO.account,
      SOCIAL_QUIET_WINDOW_SEC: String(QUIET_WINDOW_SEC),
      SOCIAL_PUBLISH_POLL_MS: '200',
      SOCIAL_MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    };
    const strict = testConfig(IntakeSocialConfig, {
      ...settings,
      WECHAT_ACCEPT_PLAINTEXT: 'false',
      WECHAT_ORIGINAL_ID: WECHAT_ORIGINAL_ID,
    });
    const compat = testConfig(IntakeSocialConfig, { ...settings, WECHAT_ACCEPT_PLAINTEXT: 'true' });
    apps.strict = await startApp(IntakeSocialModule.register(strict), intakeSocialHttpOptions(strict));
    apps.compat = await startApp(IntakeSocialModule.register(compat), intakeSocialHttpOptions(compat));
    received = await TopicReader.open<ComplaintReceivedV1>(Topics.complaintReceivedV1);
    responses = await TopicReader.open<CustomerResponseV1>(Topics.customerResponsesV1);
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([apps.strict?.close(), apps.compat?.close(), received?.close(), responses?.close(), db.end()]);
  });

  it.each(cases)('%s', async (_, build) => {
    const hostile = build();
    if (hostile.genuine) expect((await send(apps[hostile.target].url, hostile.genuine)).status).toBe(200);
    const before = await storedCounts(db);
    const res = await send(apps[hostile.target].url, hostile.request);
    expect(res.status).toBe(hostile.status);
    expect(res.type).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.status).toBe(hostile.status);
    expect(problem.errors?.[0]?.field).toBe(hostile.field);
    expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(await storedCounts(db)).toEqual(before);
  });

  it('published nothing for any sender of a refused request (after the quiet window)', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(senders.length).toBeGreaterThanOrEqual(30);
    // The genuine requests that replays replayed are published within the window: wait for one, then a window more.
    await new Promise((resolve) => setTimeout(resolve, (QUIET_WINDOW_SEC + 3) * 1000));
    expect(received.values().length).toBeGreaterThan(0);
    const refused = new Set(senders);
    expect(
      received.values((e) => refused.has(e.complaint.customer.contact.openId ?? '') || refused.has(e.complaint.customer.contact.uid ?? '')),
    ).toEqual([]);
    expect(responses.values((r) => refused.has(r.identity.openId ?? '') || refused.has(r.identity.uid ?? ''))).toEqual([]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM intake_social.messages WHERE user_id = ANY($1)', [senders]);
    expect(rows[0].n).toBe(0);
  });
});
