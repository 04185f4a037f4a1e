import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Hotline request signing (DESIGN section 4): `X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`
 * with `X-Timestamp` in unix seconds. The same scheme signs the status callbacks sent back to a call centre.
 */
export const SIGNATURE_PREFIX = 'sha256=';

export function signPayload(secret: string, timestamp: string, body: Buffer | string): string {
  return SIGNATURE_PREFIX + digest(secret, timestamp, body).toString('hex');
}

export interface SignedRequest {
  callcenterId?: string;
  timestamp?: string;
  signature?: string;
  body: Buffer;
}

/** Which check refused a request: each maps to its own 401 problem. */
export type FailedCheck = 'callcenter-id' | 'timestamp' | 'signature';

export type Verification =
  | { ok: true; callcenterId: string }
  | { ok: false; failed: FailedCheck; reason: string };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const CALLCENTER_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * Checks, in order: a known call centre, a timestamp within `toleranceSeconds` of `nowMs` (against
 * replays), and a signature made with one of that call centre's active secrets (constant-time
 * comparison, every secret tried). Reasons name the failed check without revealing any secret.
 */
export function verifySignedRequest(
  request: SignedRequest,
  secrets: ReadonlyMap<string, readonly string[]>,
  nowMs: number,
  toleranceSeconds: number,
): Verification {
  const id = request.callcenterId?.trim();
  if (!id) return refuse('callcenter-id', 'The X-Callcenter-Id header is missing.');
  const active = CALLCENTER_ID.test(id) ? secrets.get(id) : undefined;
  if (!active?.length) return refuse('callcenter-id', 'The call centre named in X-Callcenter-Id is not registered.');

  const timestamp = request.timestamp?.trim();
  if (!timestamp || !TIMESTAMP.test(timestamp)) return refuse('timestamp', 'X-Timestamp must be the signing time in unix seconds.');
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > toleranceSeconds) {
    return refuse('timestamp', `X-Timestamp is more than ${toleranceSeconds} s away from the server time (${Math.floor(nowMs / 1000)}); check the clock or re-sign the request.`);
  }

  const match = SIGNATURE.exec(request.signature?.trim() ?? '');
  if (!match) return refuse('signature', 'X-Signature must be "sha256=" followed by 64 hex digits.');
  const given = Buffer.from(match[1]!, 'hex');
  let valid = false;
  for (const secret of active) valid = timingSafeEqual(digest(secret, timestamp, request.body), given) || valid;
  if (!valid) return refuse('signature', 'X-Signature does not match the timestamp and body for any active secret of this call centre.');
  return { ok: true, callcenterId: id };
}

function digest(secret: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

function refuse(failed: FailedCheck, reason: string): Verification {
  return { ok: false, failed, reason };
}
