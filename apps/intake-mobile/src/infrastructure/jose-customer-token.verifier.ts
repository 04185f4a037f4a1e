import { createPublicKey, KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { CustomerTokenVerifier, InvalidTokenError, TokenKeysUnavailableError } from '../application/authenticate/customer-token.verifier';

/** How app tokens are checked. HS256 needs `secret`; RS256 needs `publicKeyPem` or `jwksUrl` (not both). */
export interface CustomerTokenKeys {
  secret?: string;
  publicKeyPem?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  clockToleranceSec: number;
  /** Least time between two fetches of the JWKS (a token with an unknown kid triggers one). */
  jwksCooldownSec?: number;
}

const MAX_SUBJECT_LENGTH = 128;

/**
 * App tokens checked with `jose`. The algorithm is pinned per key: HS256 only against the shared
 * secret, RS256 only against the RSA public key or the JWKS. `alg: none`, any other algorithm, an
 * HS256 token "signed" with the public key, a wrong key, an expired or not-yet-valid token, and a
 * token without `sub` or `exp` are all refused.
 */
export class JoseCustomerTokenVerifier extends CustomerTokenVerifier {
  private readonly hmacKey?: Uint8Array;
  private readonly rsaKey?: KeyObject;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly keys: CustomerTokenKeys) {
    super();
    if (keys.publicKeyPem && keys.jwksUrl) throw new Error('configure either an RSA public key or a JWKS URL, not both');
    if (keys.secret) this.hmacKey = new TextEncoder().encode(keys.secret);
    if (keys.publicKeyPem) {
      const key = createPublicKey(keys.publicKeyPem.replace(/\\n/g, '\n'));
      if (key.asymmetricKeyType !== 'rsa') throw new Error(`the token public key must be an RSA key, not ${key.asymmetricKeyType}`);
      this.rsaKey = key;
    }
    if (keys.jwksUrl)
      this.jwks = createRemoteJWKSet(new URL(keys.jwksUrl), {
        timeoutDuration: 5_000,
        cooldownDuration: (keys.jwksCooldownSec ?? 30) * 1000,
      });
    if (!this.hmacKey && !this.rsaKey && !this.jwks)
      throw new Error('no way to check tokens: set a secret, an RSA public key or a JWKS URL');
  }

  /** The algorithms this verifier accepts, for the API description. */
  get algorithms(): string[] {
    return [...(this.hmacKey ? ['HS256'] : []), ...(this.rsaKey || this.jwks ? ['RS256'] : [])];
  }

  async verify(token: string): Promise<{ customerId: string }> {
    const alg = algorithmOf(token);
    const options = {
      algorithms: [alg],
      issuer: this.keys.issuer,
      audience: this.keys.audience,
      clockTolerance: this.keys.clockToleranceSec,
      requiredClaims: ['sub', 'exp'],
    };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.hmacKey) payload = (await jwtVerify(token, this.hmacKey, options)).payload;
      else if (alg === 'RS256' && this.rsaKey) payload = (await jwtVerify(token, this.rsaKey, options)).payload;
      else if (alg === 'RS256' && this.jwks) payload = (await jwtVerify(token, this.jwks, options)).payload;
      else throw new InvalidTokenError(`Tokens signed with ${alg} are not accepted here; use ${this.algorithms.join(' or ')}.`);
    } catch (error) {
      throw refusal(error);
    }
    const subject = payload.sub?.trim();
    if (!subject || subject.length > MAX_SUBJECT_LENGTH)
      throw new InvalidTokenError(`The token's sub must name the customer (1 to ${MAX_SUBJECT_LENGTH} characters).`);
    return { customerId: subject };
  }
}

function algorithmOf(token: string): string {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (typeof alg !== 'string' || !alg) throw new Error('no alg');
    return alg;
  } catch {
    throw new InvalidTokenError('The bearer token is not a signed JWT.');
  }
}

function refusal(error: unknown): Error {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new InvalidTokenError('The token is not valid yet (nbf is in the future).');
    if (error.claim === 'iat') return new InvalidTokenError('The token was issued in the future (iat).');
    return new InvalidTokenError(`The token's ${error.claim} claim is missing or not accepted.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new InvalidTokenError('The token signature does not verify.');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new InvalidTokenError('No published signing key matches the token (kid).');
  }
  // A JWKS that timed out, is not a key set, or did not answer 200 (jose reports the latter as a generic error).
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
  ) {
    return new TokenKeysUnavailableError(error.message);
  }
  if (error instanceof errors.JOSEError) return new InvalidTokenError('The bearer token is not a valid JWT for this service.');
  // Fetching the JWKS failed (connection refused, HTTP error): the keys, not the token, are the problem.
  return new TokenKeysUnavailableError(error instanceof Error ? error.message : String(error));
}
