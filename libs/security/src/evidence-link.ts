import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Pre-signed links to a customer's evidence file (docs/ARCHITECTURE.md (Public interfaces)): the intake that keeps the file
 * serves it to whoever holds a link the cases service signed, until the link expires. The signature
 * is HMAC-SHA256 over (attachment id, complaint id, expiry) with a secret the cases service and the
 * intakes share: `sig=<keyId>.<base64url HMAC>`. Several keys may be active while the secret
 * rotates: the first signs, every listed key verifies the links it signed.
 */
export interface EvidenceLinkKeys {
  /** The key that signs new links (the first of the setting). */
  signingKeyId: string;
  /** Every active key by id. */
  secrets: ReadonlyMap<string, string>;
}

/** What a link grants: one attachment of one complaint, until `expires` (unix seconds). */
export interface EvidenceGrant {
  attachmentId: string;
  complaintId: string;
  expires: number;
}

/** The query parameters of a link as received (anything may be missing or malformed). */
export interface EvidenceLinkQuery {
  complaint?: string;
  expires?: string;
  sig?: string;
}

/** The query parameter a refusal names. */
export type EvidenceLinkField = 'complaint' | 'expires' | 'sig';

export type EvidenceLinkCheck =
  { ok: true; grant: EvidenceGrant } | { ok: false; field: EvidenceLinkField; expired: boolean; reason: string };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const SIG = /^([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{43})$/;
const EXPIRES = /^\d{1,12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Shortest secret accepted: an HMAC key should carry at least 128 bits. */
export const EVIDENCE_LINK_MIN_SECRET_LENGTH = 16;

/**
 * The keys of an `EVIDENCE_LINK_SECRET` setting already split into `<keyId>:<secret>` pairs (see
 * `parseKeyedSetting`), in order. Throws, naming no secret, when one is unusable.
 */
export function evidenceLinkKeys(pairs: ReadonlyMap<string, readonly string[]>): EvidenceLinkKeys {
  const secrets = new Map<string, string>();
  for (const [id, values] of pairs) {
    if (!KEY_ID.test(id)) throw new Error(`key id "${id}" must be 1-32 letters, digits, "_" or "-"`);
    if (values.length !== 1) throw new Error(`key id "${id}" is listed ${values.length} times; give each key its own id`);
    if (values[0].length < EVIDENCE_LINK_MIN_SECRET_LENGTH)
      throw new Error(`the secret of key "${id}" is shorter than ${EVIDENCE_LINK_MIN_SECRET_LENGTH} characters`);
    secrets.set(id, values[0]);
  }
  const signingKeyId = secrets.keys().next().value;
  if (signingKeyId === undefined) throw new Error('at least one <keyId>:<secret> pair is needed');
  return { signingKeyId, secrets };
}

/** The `sig` of a grant under the signing key. */
export function signEvidenceLink(keys: EvidenceLinkKeys, grant: EvidenceGrant): string {
  return `${keys.signingKeyId}.${mac(keys.secrets.get(keys.signingKeyId)!, grant).toString('base64url')}`;
}

/** The query string of a link (`complaint`, `expires`, `sig`), for `<base>/v1/evidence/<attachmentId>?...`. */
export function evidenceLinkQuery(keys: EvidenceLinkKeys, grant: EvidenceGrant): string {
  return new URLSearchParams({
    complaint: grant.complaintId,
    expires: String(grant.expires),
    sig: signEvidenceLink(keys, grant),
  }).toString();
}

/**
 * Checks a link for `attachmentId`: well-formed parameters, a signature by one of the active keys
 * (constant-time comparison) over exactly these values, then an expiry still ahead of `nowMs`. A
 * changed id, complaint or expiry fails the signature; refusals name the parameter, never a secret.
 */
export function verifyEvidenceLink(
  keys: EvidenceLinkKeys,
  attachmentId: string,
  query: EvidenceLinkQuery,
  nowMs: number,
): EvidenceLinkCheck {
  const complaintId = query.complaint?.trim() ?? '';
  if (!UUID.test(complaintId)) return refuse('complaint', 'The link names no complaint (complaint must be its id).');
  const expiresText = query.expires?.trim() ?? '';
  if (!EXPIRES.test(expiresText)) return refuse('expires', 'The link has no expiry (expires must be unix seconds).');
  const match = SIG.exec(query.sig?.trim() ?? '');
  if (!match) return refuse('sig', 'The link has no signature (sig must be "<keyId>.<base64url HMAC-SHA256>").');

  const grant: EvidenceGrant = { attachmentId, complaintId, expires: Number(expiresText) };
  const secret = keys.secrets.get(match[1]);
  const given = Buffer.from(match[2], 'base64url');
  const expected = secret === undefined ? null : mac(secret, grant);
  if (!expected || !timingSafeEqual(expected, given)) {
    return refuse('sig', 'The link signature does not match; ask for a new link from the case page.');
  }
  if (nowMs >= grant.expires * 1000)
    return { ok: false, field: 'expires', expired: true, reason: 'The link has expired; open the case again for a new one.' };
  return { ok: true, grant };
}

function mac(secret: string, grant: EvidenceGrant): Buffer {
  return createHmac('sha256', secret)
    .update(JSON.stringify(['evidence-link.v1', grant.attachmentId, grant.complaintId, grant.expires]))
    .digest();
}

function refuse(field: EvidenceLinkField, reason: string): EvidenceLinkCheck {
  return { ok: false, field, expired: false, reason };
}
