import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

/** Algorithms a staff token may be signed with: asymmetric only (never HS256, never none). */
export const STAFF_TOKEN_ALGORITHMS = ['ES256', 'EdDSA', 'RS256', 'PS256'];

/**
 * The PEM blocks of a setting (several while keys rotate); `\n` escapes are read as line breaks. A block's
 * body is base64 and white space only, which keeps the pattern linear (no lazy match across dashes).
 */
export function pemBlocks(setting: string): string[] {
  return setting.replace(/\\n/g, '\n').match(/-----BEGIN [A-Z ]+-----[A-Za-z0-9+/=\s]+-----END [A-Z ]+-----/g) ?? [];
}

/** The JWS algorithm this platform signs with for a private or public key: ES256 (P-256) or RS256 (RSA). */
export function signingAlgorithmOf(key: KeyObject): 'ES256' | 'RS256' {
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return 'RS256';
  throw new Error('a staff token signing key must be an EC P-256 key (ES256) or an RSA key of 2048 bits or more (RS256)');
}

/** The public JWK of a key, with its RFC 7638 thumbprint as `kid`. */
export function publicJwkOf(key: KeyObject): JWK & { kid: string } {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' }) as JWK;
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  return { ...jwk, kid, use: 'sig' };
}

/** The public keys of a STAFF_TOKEN_PUBLIC_KEY setting. */
export function publicKeysOf(setting: string | undefined): KeyObject[] {
  return pemBlocks(setting ?? '').map((pem) => createPublicKey(pem));
}

/** The private key of a STAFF_TOKEN_SIGNING_KEY setting (PKCS#8 "BEGIN PRIVATE KEY"). */
export function privateKeyOf(setting: string): KeyObject {
  const [pem, ...more] = pemBlocks(setting);
  if (!pem || more.length > 0) throw new Error('STAFF_TOKEN_SIGNING_KEY must be one PEM private key');
  return createPrivateKey(pem);
}
