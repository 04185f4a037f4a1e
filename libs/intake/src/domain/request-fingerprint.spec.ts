import { createHash } from 'node:crypto';
import { requestFingerprint } from './request-fingerprint';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('requestFingerprint', () => {
  it('hashes the fields in key order at every depth, leaving out undefined ones (stored hashes depend on this exact form)', () => {
    const value = {
      text: '盗刷',
      customer: { phone: '138', name: '张三', email: undefined },
      attachments: [{ sha256: 'ab', fileName: null }],
      consent: true,
    };
    expect(requestFingerprint(value)).toBe(
      sha256('{"attachments":[{"fileName":null,"sha256":"ab"}],"consent":true,"customer":{"name":"张三","phone":"138"},"text":"盗刷"}'),
    );
  });

  it('is the same for the same fields in any order, and differs for any other value', () => {
    const base = requestFingerprint({ a: 1, b: [1, 2], c: { d: 'x' } });
    expect(requestFingerprint({ c: { d: 'x' }, b: [1, 2], a: 1 })).toBe(base);
    expect(requestFingerprint({ a: 1, b: [2, 1], c: { d: 'x' } })).not.toBe(base);
    expect(requestFingerprint({ a: '1', b: [1, 2], c: { d: 'x' } })).not.toBe(base);
  });
});
