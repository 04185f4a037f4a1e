import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The signature WeChat and Weibo put on their callbacks: hex SHA-1 of the parts (token or app
 * secret, timestamp, nonce and, for WeChat's safe mode, the ciphertext) sorted and concatenated.
 */
export function sortedSha1(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function signatureMatches(parts: readonly string[], signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-f]{40}$/i.test(signature)) return false;
  return timingSafeEqual(Buffer.from(sortedSha1(parts), 'hex'), Buffer.from(signature.toLowerCase(), 'hex'));
}

export type TimestampCheck = { ok: true } | { ok: false; reason: string };

/** Callbacks carry unix seconds; an old (replayed) or far-future timestamp is refused. */
export function checkTimestamp(timestamp: string | undefined, nowMs: number, toleranceSeconds: number): TimestampCheck {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'timestamp must be unix seconds' };
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  return skew <= toleranceSeconds
    ? { ok: true }
    : { ok: false, reason: `timestamp is more than ${toleranceSeconds} s away from the server clock` };
}
