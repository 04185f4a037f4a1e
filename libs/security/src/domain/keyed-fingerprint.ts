import { createHmac } from 'node:crypto';

/**
 * A keyed fingerprint (HMAC-SHA256, base64url) of one way of recognising a customer, e.g.
 * (`phone`, `+8613800138000`): equal values give equal fingerprints under one key, and without the
 * key nobody can tell whose it is or test a guess. Stored instead of the value wherever a service
 * only needs to recognise the customer again (the router's repeat complaints, the notifier's SMS surveys).
 */
export function keyedFingerprint(key: string, kind: string, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');
}
