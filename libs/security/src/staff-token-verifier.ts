import type { KeyObject } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { InvalidConfigError, StaffApiServiceConfig } from '@complaints/config';
import { ContractViolation, parseContract } from '@complaints/contracts';
import type { StaffTokenSigningKey } from './sign-staff-token';
import { StaffClaims, StaffPrincipal } from './staff-principal';
import { publicJwkOf, publicKeysOf, STAFF_TOKEN_ALGORITHMS } from './staff-token-keys';

/** A staff token that cannot be used; `message` says why without echoing it (the 401's detail). */
export class StaffTokenRejected extends Error {}

export interface StaffTokenVerifierOptions {
  /** Keys trusted locally (STAFF_TOKEN_PUBLIC_KEY, and the service's own signing key). */
  publicKeys: KeyObject[];
  /** Keys published by the signer (STAFF_TOKEN_JWKS_URL), looked up for a `kid` the local keys lack. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  maxLifetimeSec: number;
  clockToleranceSec: number;
}

/**
 * Verifies staff tokens with public keys only (a service that verifies cannot mint): an asymmetric
 * signature by a trusted key, the configured issuer and audience, `sub`, `iat` and `exp` present, a
 * lifetime (exp - iat) of at most the maximum, and claims of the staff shape.
 */
export class StaffTokenVerifier {
  private readonly getKey: JWTVerifyGetKey;

  constructor(private readonly options: StaffTokenVerifierOptions) {
    const keys = [...new Map(options.publicKeys.map((key) => publicJwkOf(key)).map((jwk) => [jwk.kid, jwk])).values()];
    const local = keys.length > 0 ? createLocalJWKSet({ keys }) : null;
    const remote = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 }) : null;
    if (!local && !remote) throw new Error('no key to verify staff tokens with: set STAFF_TOKEN_PUBLIC_KEY or STAFF_TOKEN_JWKS_URL');
    this.getKey = async (header, token) => {
      if (local) {
        try {
          return await local(header, token);
        } catch (error) {
          if (!remote || !(error instanceof errors.JWKSNoMatchingKey)) throw error;
        }
      }
      return remote!(header, token);
    };
  }

  async verify(token: string): Promise<StaffPrincipal> {
    const { issuer, audience, maxLifetimeSec, clockToleranceSec } = this.options;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        algorithms: STAFF_TOKEN_ALGORITHMS,
        issuer,
        audience,
        requiredClaims: ['sub', 'iat', 'exp'],
        maxTokenAge: maxLifetimeSec,
        clockTolerance: clockToleranceSec,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new StaffTokenRejected('The token has expired.');
      if (error instanceof errors.JWTClaimValidationFailed)
        throw new StaffTokenRejected(`The token's "${error.claim}" claim is missing or not accepted here.`);
      throw new StaffTokenRejected('The token is not valid.');
    }
    if (payload.exp! - payload.iat! > maxLifetimeSec) {
      throw new StaffTokenRejected(`The token lives longer than the ${maxLifetimeSec} s a staff token may.`);
    }
    const { iat: _iat, exp: _exp, nbf: _nbf, iss: _iss, aud: _aud, jti: _jti, ...claims } = payload;
    try {
      return StaffPrincipal.fromClaims(parseContract(StaffClaims, claims));
    } catch (error) {
      const fields = error instanceof ContractViolation ? error.errors.map((e) => e.field).join(', ') : 'claims';
      throw new StaffTokenRejected(`The token's claims are not usable (${fields}).`);
    }
  }
}

/** The verifier a staff API's configuration describes (plus its own signing key, for cases); refuses a configuration without keys. */
export function staffTokenVerifier(config: StaffApiServiceConfig, signingKey?: StaffTokenSigningKey): StaffTokenVerifier {
  try {
    return new StaffTokenVerifier({
      publicKeys: [...(signingKey ? [signingKey.privateKey] : []), ...publicKeysOf(config.STAFF_TOKEN_PUBLIC_KEY)],
      jwksUrl: config.STAFF_TOKEN_JWKS_URL,
      issuer: config.STAFF_TOKEN_ISSUER,
      audience: config.STAFF_TOKEN_AUDIENCE,
      maxLifetimeSec: config.STAFF_TOKEN_MAX_LIFETIME_SEC,
      clockToleranceSec: config.STAFF_TOKEN_CLOCK_TOLERANCE_SEC,
    });
  } catch (error) {
    throw new InvalidConfigError([
      `STAFF_TOKEN_PUBLIC_KEY / STAFF_TOKEN_JWKS_URL: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}
