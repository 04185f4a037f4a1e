import { randomBytes } from 'node:crypto';
import { ENCRYPTED_VALUE } from '@complaints/contracts';
import { PiiCipher } from './pii-cipher';

describe('PiiCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('seals to the contract format and opens again', () => {
    const cipher = new PiiCipher({ k1 }, 'k1');
    const sealed = cipher.seal('+8613800138000');
    expect(sealed).toMatch(ENCRYPTED_VALUE);
    expect(sealed).not.toContain('13800138000');
    expect(cipher.open(sealed)).toBe('+8613800138000');
    expect(cipher.seal('same')).not.toBe(cipher.seal('same'));
  });

  it('opens values sealed with an older key after rotation', () => {
    const old = new PiiCipher({ k1 }, 'k1').seal('张三');
    const rotated = new PiiCipher({ k1, k2 }, 'k2');
    expect(rotated.open(old)).toBe('张三');
    expect(rotated.seal('x').split(':')[2]).toBe('k2');
  });

  it('refuses tampered values, unknown keys and short keys', () => {
    const cipher = new PiiCipher({ k1 }, 'k1');
    const parts = cipher.seal('secret').split(':');
    parts[5] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join(':'))).toThrow();
    expect(() => new PiiCipher({ k2 }, 'k2').open(cipher.seal('x'))).toThrow(/unknown PII key/);
    expect(() => new PiiCipher({ short: randomBytes(16) }, 'short')).toThrow(/32 bytes/);
    expect(() => PiiCipher.fromSetting('nonsense', 'x')).toThrow(/PII_KEYS/);
  });
});
