import { ApiProperty } from '@nestjs/swagger';
import { signStaffToken, StaffClaims } from '@complaints/security';

export class SignInView {
  @ApiProperty({ description: 'Staff bearer JWT (HS256 with STAFF_JWT_SECRET)' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** A console session: a staff token for `claims`, valid `minutes`. */
export function signInView(claims: StaffClaims, secret: string, minutes: number): SignInView {
  const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + minutes * 60_000);
  return { token: signStaffToken(claims, secret, minutes * 60), expiresAt: expiresAt.toISOString() };
}

/** How long a console session lasts unless asked otherwise (a working day). */
export const SESSION_MINUTES = 8 * 60;
