import { XMLParser } from 'fast-xml-parser';
import type { Producer } from 'kafkajs';
import type { Client } from 'pg';
import type { CaseEventType, CaseEventV1 } from '@complaints/contracts';
import { caseEvent, publishCaseEvents } from '../support/case-events';
import { eventually } from '../support/running-app';
import { sortedSha1 } from '../../apps/intake-social/src/domain/callback-signature';
import { WechatCrypto } from '../../apps/intake-social/src/domain/wechat-crypto';

/** Test client of the social intake: signs callbacks the way WeChat and Weibo do. */
export const WECHAT = { token: 'test-wechat-token', appId: 'wxtest00000000001', aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' };
export const WECHAT_OLD_AES_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
export const WEIBO = { appSecret: 'test-weibo-secret', account: '5000000001' };

export interface CallbackResponse {
  status: number;
  type: string | null;
  text: string;
  json(): Record<string, any>;
  elapsedMs: number;
}

export function signedQuery(
  secret: string,
  extra: Record<string, string> = {},
  options: { timestamp?: number; nonce?: string } = {},
): URLSearchParams {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? String(Math.floor(Math.random() * 1e9));
  return new URLSearchParams({ signature: sortedSha1([secret, timestamp, nonce]), timestamp, nonce, ...extra });
}

export async function call(url: string, init: RequestInit = {}): Promise<CallbackResponse> {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    text,
    json: () => JSON.parse(text),
    elapsedMs: performance.now() - started,
  };
}

let msgId = BigInt(Date.now()) * 1000n;

/** A fresh 64-bit-looking MsgId (beyond 2^53, as WeChat's are). */
export function nextMsgId(): string {
  msgId += 1n;
  return (msgId * 1000n).toString();
}

export function wechatXml(fields: Record<string, string>): string {
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join('')}</xml>`;
}

export function textMessage(openId: string, content: string, id = nextMsgId()): string {
  return wechatXml({
    ToUserName: 'gh_testbank',
    FromUserName: openId,
    CreateTime: String(Math.floor(Date.now() / 1000)),
    MsgType: 'text',
    Content: content,
    MsgId: id,
  });
}

export async function postWechat(
  base: string,
  xml: string,
  options: { token?: string; timestamp?: number; query?: Record<string, string> } = {},
): Promise<CallbackResponse> {
  const query = signedQuery(options.token ?? WECHAT.token, { openid: 'x', ...options.query }, options);
  return call(`${base}/v1/wechat/callback?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
}

/** Posts in safe mode: the message encrypted with `aesKey`, signed with msg_signature. */
export async function postWechatEncrypted(
  base: string,
  xml: string,
  aesKey = WECHAT.aesKey,
  options: { badMsgSignature?: boolean } = {},
): Promise<CallbackResponse> {
  const encrypted = new WechatCrypto(WECHAT.appId, [aesKey]).encrypt(xml);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const msgSignature = options.badMsgSignature
    ? sortedSha1(['forged', timestamp, nonce, encrypted])
    : sortedSha1([WECHAT.token, timestamp, nonce, encrypted]);
  const query = new URLSearchParams({
    signature: sortedSha1([WECHAT.token, timestamp, nonce]),
    timestamp,
    nonce,
    openid: 'x',
    encrypt_type: 'aes',
    msg_signature: msgSignature,
  });
  const envelope = wechatXml({ ToUserName: 'gh_testbank', Encrypt: encrypted });
  return call(`${base}/v1/wechat/callback?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope });
}

const parser = new XMLParser({ parseTagValue: false, processEntities: false });

export function xmlFields(xml: string): Record<string, string> {
  return (parser.parse(xml) as { xml: Record<string, string> }).xml;
}

/** The Content of a passive reply (plaintext). */
export function replyContent(xml: string): string {
  return xmlFields(xml).Content;
}

export const REFERENCE = /C\d{8}-X[0-9A-HJKMNP-TV-Z]{5}/;

export async function postWeibo(
  base: string,
  body: unknown,
  options: { secret?: string; timestamp?: number } = {},
): Promise<CallbackResponse> {
  const query = signedQuery(options.secret ?? WEIBO.appSecret, {}, options);
  return call(`${base}/v1/weibo/callback?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function weiboReplyText(response: CallbackResponse): string {
  return (JSON.parse(decodeURIComponent(response.json().data as string)) as { text: string }).text;
}

/**
 * Publishes a case event of a WeChat or Weibo customer's case (`case.resolved` sends the survey),
 * optionally dated `at`, and waits until the intake has taken it into its surveys.
 */
export async function publishSurveyEvent(
  producer: Producer,
  db: Client,
  spec: { type: CaseEventType; channel: 'wechat' | 'weibo'; userId: string; reference?: string; complaintId?: string; at?: Date },
): Promise<CaseEventV1> {
  const event = caseEvent({
    type: spec.type,
    case: {
      channel: spec.channel,
      status: spec.type === 'case.resolved' ? 'RESOLVED' : 'CLOSED',
      contact: spec.channel === 'wechat' ? { openId: spec.userId } : { uid: spec.userId },
      ...(spec.reference ? { reference: spec.reference } : {}),
      ...(spec.complaintId ? { complaintId: spec.complaintId } : {}),
    },
  });
  if (spec.at) event.at = spec.at.toISOString();
  await publishCaseEvents(producer, event);
  const expected = spec.type === 'case.resolved' ? 'outstanding' : 'ended';
  await eventually(async () => {
    const { rows } = await db.query('SELECT status FROM intake_social.surveys WHERE channel = $1 AND user_id = $2 AND reference = $3', [
      spec.channel,
      spec.userId,
      event.case.reference,
    ]);
    return rows[0]?.status === expected ? true : undefined;
  }, 30_000);
  return event;
}
