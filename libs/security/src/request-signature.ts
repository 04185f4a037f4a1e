import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks between the platform and outside systems (call centres, SMS gateways;
 * docs/ARCHITECTURE.md, Public interfaces): `X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` with
 * `X-Timestamp` in unix seconds and a header naming the sender (`X-Callcenter-Id`, `X-Gateway-Id`).
 * The same scheme signs what the platform sends back (call-centre status callbacks).
 */
export const SIGNATURE_PREFIX = 'sha256=';

export function signPayload(secret: string, timestamp: string, body: Buffer | string): string {
  return SIGNATURE_PREFIX + digest(secret, timestamp, body).toString('hex');
}

export interface SignedRequest {
  /** Who signed: the value of the sender header (call centre id, gateway id). */
  senderId?: string;
  timestamp?: string;
  signature?: string;
  body: Buffer;
}

/** Who may sign, how much clock difference is tolerated, and how the sender is named in refusals. */
export interface SignatureVerifier {
  /** Active secrets by sender id; several per sender while secrets rotate. */
  secrets: ReadonlyMap<string, readonly string[]>;
  toleranceSeconds: number;
  /** The header naming the sender, as written in refusals, e.g. `X-Callcenter-Id`. */
  senderHeader: string;
  /** What a sender is, in refusals, e.g. `call centre`. */
  senderKind: string;
}

/** Which check refused a request: each maps to its own 401 problem. */
export type FailedCheck = 'sender' | 'timestamp' | 'signature';

export type Verification = { ok: true; senderId: string } | { ok: false; failed: FailedCheck; reason: string };

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const SENDER_ID = /^[\x21-\x7e]{1,64}$/;

/**
 * Checks, in order: a known sender, a timestamp within `toleranceSeconds` of `nowMs` (against
 * replays), and a signature made with one of that sender's active secrets (constant-time
 * comparison, every secret tried). Reasons name the failed check without revealing any secret.
 */
export function verifySignedRequest(request: SignedRequest, verifier: SignatureVerifier, nowMs: number): Verification {
  const { senderHeader, senderKind, toleranceSeconds } = verifier;
  const id = request.senderId?.trim();
  if (!id) return refuse('sender', `The ${senderHeader} header is missing.`);
  const active = SENDER_ID.test(id) ? verifier.secrets.get(id) : undefined;
  if (!active?.length) return refuse('sender', `The ${senderKind} named in ${senderHeader} is not registered.`);

  const timestamp = request.timestamp?.trim();
  if (!timestamp || !TIMESTAMP.test(timestamp)) return refuse('timestamp', 'X-Timestamp must be the signing time in unix seconds.');
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > toleranceSeconds) {
    return refuse(
      'timestamp',
      `X-Timestamp is more than ${toleranceSeconds} s away from the server time (${Math.floor(nowMs / 1000)}); check the clock or re-sign the request.`,
    );
  }

  const match = SIGNATURE.exec(request.signature?.trim() ?? '');
  if (!match) return refuse('signature', 'X-Signature must be "sha256=" followed by 64 hex digits.');
  const given = Buffer.from(match[1], 'hex');
  let valid = false;
  for (const secret of active) valid = timingSafeEqual(digest(secret, timestamp, request.body), given) || valid;
  if (!valid) return refuse('signature', `X-Signature does not match the timestamp and body for any active secret of this ${senderKind}.`);
  return { ok: true, senderId: id };
}

function digest(secret: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

function refuse(failed: FailedCheck, reason: string): Verification {
  return { ok: false, failed, reason };
}
