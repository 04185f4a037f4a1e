import { createCipheriv, createDecipheriv } from 'node:crypto';
import { decodeEncodingAesKey, WechatCrypto, WechatCryptoError } from './wechat-crypto';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const OLD_KEY = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const APP_ID = 'wxdev0000000000000';

describe('WeChat safe-mode crypto', () => {
  it('decodes an EncodingAESKey into 32 bytes and refuses malformed ones', () => {
    expect(decodeEncodingAesKey(KEY)).toHaveLength(32);
    expect(() => decodeEncodingAesKey('short')).toThrow();
    expect(() => decodeEncodingAesKey(`${KEY}=`)).toThrow();
  });

  it('round-trips Chinese text, padding to 32-byte blocks', () => {
    const crypto = new WechatCrypto(APP_ID, [KEY]);
    for (const message of ['', 'a', '<xml><Content><![CDATA[我的信用卡被盗刷了]]></Content></xml>', 'x'.repeat(1000)]) {
      const encrypted = crypto.encrypt(message);
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0);
      expect(crypto.decrypt(encrypted)).toBe(message);
    }
  });

  it('lays out random(16) + length(4, big endian) + message + appId, as Tencent specifies', () => {
    const key = decodeEncodingAesKey(KEY);
    const random = Buffer.from('0123456789abcdef');
    const encrypted = new WechatCrypto(APP_ID, [KEY]).encrypt('hello', random);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const plain: Buffer = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    expect(plain.subarray(0, 16)).toEqual(random);
    expect(plain.readUInt32BE(16)).toBe(5);
    expect(plain.subarray(20, 25).toString()).toBe('hello');
    expect(plain.subarray(25, 25 + APP_ID.length).toString()).toBe(APP_ID);
    const padding = plain[plain.length - 1];
    expect(plain.length).toBe(64);
    expect(padding).toBe(64 - 25 - APP_ID.length);
  });

  it('reads a message Tencent-style encrypted by an independent implementation', () => {
    const key = decodeEncodingAesKey(KEY);
    const body = Buffer.from('<xml>外部</xml>');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const plain = Buffer.concat([Buffer.alloc(16, 7), len, body, Buffer.from(APP_ID)]);
    const pad = 32 - (plain.length % 32);
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
    expect(new WechatCrypto(APP_ID, [KEY]).decrypt(encrypted)).toBe('<xml>外部</xml>');
  });

  it('keeps the previous key valid during rotation, and encrypts with the current one', () => {
    const before = new WechatCrypto(APP_ID, [OLD_KEY]);
    const rotating = new WechatCrypto(APP_ID, [KEY, OLD_KEY]);
    expect(rotating.decrypt(before.encrypt('old key'))).toBe('old key');
    expect(new WechatCrypto(APP_ID, [KEY]).decrypt(rotating.encrypt('new key'))).toBe('new key');
    expect(() => new WechatCrypto(APP_ID, [KEY]).decrypt(before.encrypt('old key'))).toThrow(WechatCryptoError);
  });

  it('refuses a message for another app id and garbage', () => {
    const other = new WechatCrypto('wxother', [KEY]).encrypt('hi');
    expect(() => new WechatCrypto(APP_ID, [KEY]).decrypt(other)).toThrow(/another app id/);
    expect(() => new WechatCrypto(APP_ID, [KEY]).decrypt('not base64 blocks')).toThrow(WechatCryptoError);
    expect(() => new WechatCrypto(APP_ID, [KEY]).decrypt(Buffer.alloc(32, 1).toString('base64'))).toThrow(WechatCryptoError);
  });
});
