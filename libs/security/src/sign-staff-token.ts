import { JwtService } from '@nestjs/jwt';
import type { StaffClaims } from './staff-principal';

/** Issues a staff token (development sign-in, tests and the `npm run token` helper). */
export function signStaffToken(claims: StaffClaims, secret: string, expiresInSeconds = 8 * 3600): string {
  return new JwtService({ secret }).sign(
    { roles: claims.roles, departments: claims.departments },
    { algorithm: 'HS256', subject: claims.sub, expiresIn: expiresInSeconds },
  );
}
