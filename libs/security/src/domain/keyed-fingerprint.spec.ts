import { createHmac } from 'node:crypto';
import { keyedFingerprint } from './keyed-fingerprint';

describe('keyedFingerprint', () => {
  it('is the HMAC-SHA256 of "<kind>:<value>" under the key, base64url, without the value in it', () => {
    const fingerprint = keyedFingerprint('k'.repeat(32), 'phone', '+8613800138000');
    expect(fingerprint).toBe(createHmac('sha256', 'k'.repeat(32)).update('phone:+8613800138000').digest('base64url'));
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fingerprint).not.toContain('13800138000');
  });

  it('tells kinds and keys apart', () => {
    const base = keyedFingerprint('key-one-0123456789', 'phone', '42');
    expect(keyedFingerprint('key-one-0123456789', 'uid', '42')).not.toBe(base);
    expect(keyedFingerprint('key-two-0123456789', 'phone', '42')).not.toBe(base);
    expect(keyedFingerprint('key-one-0123456789', 'phone', '42')).toBe(base);
  });
});
