import { createHash } from 'node:crypto';
import { checkTimestamp, signatureMatches, sortedSha1 } from './callback-signature';

describe('callback signatures (sha1 of the sorted parts)', () => {
  it('matches the value Tencent documents for token/timestamp/nonce', () => {
    // sorted: "1409304348", "QDG6eK", "xxxxxx" -> sha1("1409304348QDG6eKxxxxxx")
    expect(sortedSha1(['xxxxxx', '1409304348', 'QDG6eK'])).toBe(createHash('sha1').update('1409304348QDG6eKxxxxxx').digest('hex'));
  });

  it('does not depend on the order of the parts', () => {
    expect(sortedSha1(['b', 'a', 'c'])).toBe(sortedSha1(['c', 'b', 'a']));
  });

  it('accepts the right signature in either case and refuses others', () => {
    const signature = sortedSha1(['token', '1700000000', 'nonce']);
    expect(signatureMatches(['token', '1700000000', 'nonce'], signature)).toBe(true);
    expect(signatureMatches(['token', '1700000000', 'nonce'], signature.toUpperCase())).toBe(true);
    expect(signatureMatches(['guess', '1700000000', 'nonce'], signature)).toBe(false);
    expect(signatureMatches(['token', '1700000000', 'nonce'], undefined)).toBe(false);
    expect(signatureMatches(['token', '1700000000', 'nonce'], 'zz')).toBe(false);
  });

  it('refuses stale, future and malformed timestamps', () => {
    const now = 1_700_000_000_000;
    expect(checkTimestamp('1700000000', now, 300).ok).toBe(true);
    expect(checkTimestamp('1699999699', now, 300).ok).toBe(false);
    expect(checkTimestamp('1700000301', now, 300).ok).toBe(false);
    expect(checkTimestamp('17e8', now, 300).ok).toBe(false);
    expect(checkTimestamp(undefined, now, 300).ok).toBe(false);
  });
});
