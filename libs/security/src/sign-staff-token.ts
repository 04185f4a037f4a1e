import type { KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { privateKeyOf, publicJwkOf, signingAlgorithmOf } from './staff-token-keys';
import type { StaffClaims } from './staff-principal';

/** What signs staff tokens (the cases service's sign-ins, `npm run token`, tests): its key and the token's `iss` and `aud`. */
export interface StaffTokenSigningKey {
  privateKey: KeyObject;
  algorithm: 'ES256' | 'RS256';
  /** The RFC 7638 thumbprint of the public key, named in each token's header. */
  kid: string;
  issuer: string;
  audience: string;
}

/** The signing key a STAFF_TOKEN_SIGNING_KEY setting describes, for tokens naming `issuer` and `audience`. */
export function staffTokenSigningKey(setting: string, issuer: string, audience: string): StaffTokenSigningKey {
  const privateKey = privateKeyOf(setting);
  return { privateKey, algorithm: signingAlgorithmOf(privateKey), kid: publicJwkOf(privateKey).kid, issuer, audience };
}

/** Issues a staff token valid `expiresInSeconds` (with `iss`, `aud`, `sub`, `iat`, `exp`). */
export function signStaffToken(claims: StaffClaims, key: StaffTokenSigningKey, expiresInSeconds = 8 * 3600): string {
  return new JwtService().sign(
    { roles: claims.roles, departments: claims.departments },
    {
      algorithm: key.algorithm,
      privateKey: key.privateKey,
      keyid: key.kid,
      issuer: key.issuer,
      audience: key.audience,
      subject: claims.sub,
      expiresIn: expiresInSeconds,
    },
  );
}
