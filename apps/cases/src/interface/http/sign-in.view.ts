import { ApiProperty } from '@nestjs/swagger';
import { signStaffToken, StaffClaims, StaffTokenSigningKey } from '@complaints/security';

/** The key cases signs console sessions with (STAFF_TOKEN_SIGNING_KEY, with the configured issuer and audience). */
export const STAFF_TOKEN_SIGNER = Symbol('STAFF_TOKEN_SIGNER');

export class SignInView {
  @ApiProperty({ description: 'Staff bearer JWT (ES256/RS256, signed with STAFF_TOKEN_SIGNING_KEY; keys at GET /.well-known/jwks.json)' })
  token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** A console session: a staff token for `claims`, valid `minutes`. */
export function signInView(claims: StaffClaims, key: StaffTokenSigningKey, minutes: number): SignInView {
  const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + minutes * 60_000);
  return { token: signStaffToken(claims, key, minutes * 60), expiresAt: expiresAt.toISOString() };
}

/** How long a console session lasts unless asked otherwise: a working day, or less when STAFF_TOKEN_MAX_LIFETIME_SEC is shorter. */
export function sessionMinutes(maxLifetimeSec: number): number {
  return Math.min(8 * 60, Math.floor(maxLifetimeSec / 60));
}
