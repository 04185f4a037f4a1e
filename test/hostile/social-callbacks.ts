import type { Client } from 'pg';
import { sortedSha1 } from '../../apps/intake-social/src/domain/callback-signature';
import { WechatCrypto } from '../../apps/intake-social/src/domain/wechat-crypto';
import { call, CallbackResponse, nextMsgId, WECHAT, WEIBO, wechatXml } from '../integration/intake-social-client';

/** A callback request, built before it is sent (so a test can send it again, or change one part). */
export interface CallbackRequest {
  method: 'GET' | 'POST';
  path: '/v1/wechat/callback' | '/v1/weibo/callback';
  query: Record<string, string>;
  body?: string;
  contentType?: string;
}

export const WECHAT_ORIGINAL_ID = 'gh_testbank';

export const now = (): number => Math.floor(Date.now() / 1000);
export const freshNonce = (): string => String(Math.floor(Math.random() * 1e9));
export const openId = (): string => `oCb_${Math.random().toString(36).slice(2, 12)}`;
export const weiboUid = (): string => String(6_000_000_000 + Math.floor(Math.random() * 1e9));

/** The signed query of a callback: signature over the secret, timestamp and nonce, as both platforms sign. */
export function signed(
  secret: string,
  extra: Record<string, string> = {},
  at: { timestamp?: number; nonce?: string } = {},
): Record<string, string> {
  const timestamp = String(at.timestamp ?? now());
  const nonce = at.nonce ?? freshNonce();
  return { signature: sortedSha1([secret, timestamp, nonce]), timestamp, nonce, ...extra };
}

export function textXml(user: string, content = '信用卡被盗刷了', msgId = nextMsgId(), to = WECHAT_ORIGINAL_ID): string {
  return wechatXml({ ToUserName: to, FromUserName: user, CreateTime: String(now()), MsgType: 'text', Content: content, MsgId: msgId });
}

/** A plaintext WeChat message, signed (query `openid` as WeChat sends it). */
export function plainWechat(xml: string, query: Record<string, string> = signed(WECHAT.token)): CallbackRequest {
  return { method: 'POST', path: '/v1/wechat/callback', query: { ...query, openid: 'oQueryOpenId' }, body: xml, contentType: 'text/xml' };
}

/** A safe-mode WeChat message: `inner` encrypted (for `appId` with `aesKey`), `msg_signature` over token, timestamp, nonce and ciphertext. */
export function safeWechat(
  inner: string,
  options: { aesKey?: string; appId?: string; token?: string; encrypted?: string; query?: Record<string, string> } = {},
): CallbackRequest {
  const encrypted = options.encrypted ?? new WechatCrypto(options.appId ?? WECHAT.appId, [options.aesKey ?? WECHAT.aesKey]).encrypt(inner);
  const query = options.query ?? signed(WECHAT.token);
  const msgSignature = sortedSha1([options.token ?? WECHAT.token, query.timestamp, query.nonce, encrypted]);
  return {
    method: 'POST',
    path: '/v1/wechat/callback',
    query: { ...query, openid: 'oQueryOpenId', encrypt_type: 'aes', msg_signature: msgSignature },
    body: wechatXml({ ToUserName: WECHAT_ORIGINAL_ID, Encrypt: encrypted }),
    contentType: 'text/xml',
  };
}

export function weiboPush(sender: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'text',
    receiver_id: WEIBO.account,
    sender_id: sender,
    created_at: new Date().toUTCString(),
    text: '信用卡分期手续费没有说清楚',
    data: {},
    ...overrides,
  };
}

export function postWeiboRequest(body: unknown, query: Record<string, string> = signed(WEIBO.appSecret)): CallbackRequest {
  return {
    method: 'POST',
    path: '/v1/weibo/callback',
    query,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    contentType: 'application/json',
  };
}

export function send(base: string, request: CallbackRequest): Promise<CallbackResponse> {
  return call(`${base}${request.path}?${new URLSearchParams(request.query)}`, {
    method: request.method,
    ...(request.body !== undefined ? { body: request.body, headers: { 'content-type': request.contentType ?? 'text/xml' } } : {}),
  });
}

/** What the service keeps of what it took in: a refused request must leave every count as it was. */
export async function storedCounts(db: Client): Promise<Record<string, number>> {
  const { rows } = await db.query(`
    SELECT (SELECT count(*) FROM intake_social.messages)::int AS messages,
           (SELECT count(*) FROM intake_social.conversations)::int AS conversations,
           (SELECT count(*) FROM intake_social.outbox)::int AS outbox`);
  return rows[0] as Record<string, number>;
}
