import { randomBytes, randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { sortedSha1 } from '../apps/intake-social/src/domain/callback-signature';
import { WechatCrypto } from '../apps/intake-social/src/domain/wechat-crypto';

/**
 * WeChat official-account pushes as the bench sends them (the way test/integration/intake-social-client.ts
 * builds and signs them), and the check of a passive reply. Shared by the wechat scenario and its
 * baseline server.
 */

export interface WechatAccountSettings {
  token: string;
  appId: string;
  /** EncodingAESKey (43 base64 characters). */
  aesKey: string;
}

export type WechatMode = 'plaintext' | 'aes';

/** The official account's own id (ToUserName of every push). */
export const ACCOUNT_USER = 'gh_benchbank';

/** A passive-reply Content must carry a complaint reference (`C20261129-X1A2B3`). */
export const REFERENCE_IN_TEXT = /C\d{8}-[0-9A-HJKMNP-TV-Z]{6}/;

const TEXTS = [
  '我的信用卡昨晚被盗刷了三笔，我人在北京，交易却在国外，请马上冻结并退款',
  '理财产品收益与宣传不符，客户经理当时承诺保本',
  '房贷提前还款被收了违约金，合同里没有写',
  'Someone used my credit card for five online purchases I never made. Please block it and refund me.',
  '你们柜台的工作人员态度太差了，我问怎么填单子，她直接说看不懂就别来办',
];

/** One signed POST: where to send it and what. */
export interface WechatPush {
  openId: string;
  query: string;
  body: string;
}

/** Builds text messages from customers never seen before (a new openId and MsgId for every message). */
export class WechatPushFactory {
  private readonly prefix = `oBench${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  private sequence = 0;
  private msgId = BigInt(Date.now()) * 1_000_000n;
  private readonly crypto: WechatCrypto;

  constructor(private readonly account: WechatAccountSettings) {
    this.crypto = new WechatCrypto(account.appId, [account.aesKey]);
  }

  next(mode: WechatMode): WechatPush {
    this.sequence += 1;
    this.msgId += 1n;
    const openId = `${this.prefix}_${this.sequence}`;
    const xml = wechatXml({
      ToUserName: ACCOUNT_USER,
      FromUserName: openId,
      CreateTime: String(Math.floor(Date.now() / 1000)),
      MsgType: 'text',
      Content: TEXTS[this.sequence % TEXTS.length],
      MsgId: this.msgId.toString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(6).toString('hex');
    const signed = { signature: sortedSha1([this.account.token, timestamp, nonce]), timestamp, nonce, openid: openId };
    if (mode === 'plaintext') return { openId, query: new URLSearchParams(signed).toString(), body: xml };
    const encrypted = this.crypto.encrypt(xml);
    const msgSignature = sortedSha1([this.account.token, timestamp, nonce, encrypted]);
    const query = new URLSearchParams({ ...signed, encrypt_type: 'aes', msg_signature: msgSignature }).toString();
    return { openId, query, body: wechatXml({ ToUserName: ACCOUNT_USER, Encrypt: encrypted }) };
  }
}

export function wechatXml(fields: Record<string, string>): string {
  return `<xml>${Object.entries(fields)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join('')}</xml>`;
}

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: false,
});

/** The fields of `<xml>...</xml>`, or undefined when it is not such a document. */
export function xmlFields(xml: string): Record<string, string> | undefined {
  try {
    const root = (parser.parse(xml) as { xml?: unknown }).xml;
    return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `xml` is not a valid passive text reply to `openId` carrying a reference (in safe mode: a
 * correctly signed envelope whose decrypted content is one), or undefined when it is.
 */
export function replyProblem(
  xml: string,
  openId: string,
  mode: WechatMode,
  account: WechatAccountSettings,
  crypto: WechatCrypto,
): string | undefined {
  let fields = xmlFields(xml);
  if (!fields) return 'not an <xml> document';
  if (mode === 'aes') {
    const { Encrypt: encrypted, MsgSignature: signature, TimeStamp: timestamp, Nonce: nonce } = fields;
    if (!encrypted || !signature || !timestamp || !nonce) return 'safe-mode reply without Encrypt/MsgSignature/TimeStamp/Nonce';
    if (sortedSha1([account.token, String(timestamp), String(nonce), encrypted]) !== signature) return 'MsgSignature does not match';
    try {
      fields = xmlFields(crypto.decrypt(encrypted));
    } catch (error) {
      return `Encrypt does not decrypt: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!fields) return 'decrypted reply is not an <xml> document';
  }
  if (fields.ToUserName !== openId) return `ToUserName ${fields.ToUserName} is not the sender ${openId}`;
  if (fields.FromUserName !== ACCOUNT_USER) return `FromUserName ${fields.FromUserName} is not ${ACCOUNT_USER}`;
  if (fields.MsgType !== 'text') return `MsgType ${fields.MsgType} is not text`;
  if (!REFERENCE_IN_TEXT.test(String(fields.Content ?? ''))) return `Content has no reference: ${String(fields.Content).slice(0, 120)}`;
  return undefined;
}
