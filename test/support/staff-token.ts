import { generateKeyPairSync } from 'node:crypto';
import { DEV_DEFAULTS } from '@complaints/config';
import type { Department } from '@complaints/contracts';
import { signStaffToken, staffTokenSigningKey, StaffRole } from '@complaints/security';

/** The development signing key (DEV_DEFAULTS), whose tokens the services verify under NODE_ENV=test. */
export const TEST_STAFF_SIGNING_KEY = staffTokenSigningKey(
  DEV_DEFAULTS.STAFF_TOKEN_SIGNING_KEY,
  DEV_DEFAULTS.STAFF_TOKEN_ISSUER,
  DEV_DEFAULTS.STAFF_TOKEN_AUDIENCE,
);

export function staffToken(roles: StaffRole[], departments: Department[], sub = 'staff-1', expiresInSeconds = 3600): string {
  return signStaffToken({ sub, roles, departments }, TEST_STAFF_SIGNING_KEY, expiresInSeconds);
}

/** Staff token settings of a production configuration: a fresh P-256 key pair (never the development one), an issuer and an audience. */
export function productionStaffTokenSettings(): Record<string, string> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    STAFF_TOKEN_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    STAFF_TOKEN_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    STAFF_TOKEN_ISSUER: 'https://cases.bank.example',
    STAFF_TOKEN_AUDIENCE: 'https://staff-api.bank.example',
  };
}
