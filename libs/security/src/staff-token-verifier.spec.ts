import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEV_DEFAULTS } from '@complaints/config';
import { signStaffToken, staffTokenSigningKey } from './sign-staff-token';
import { publicKeysOf } from './staff-token-keys';
import { StaffTokenRejected, StaffTokenVerifier } from './staff-token-verifier';

const ISSUER = 'urn:test:cases';
const AUDIENCE = 'urn:test:staff-api';
const devPem = DEV_DEFAULTS.STAFF_TOKEN_SIGNING_KEY;
const key = staffTokenSigningKey(devPem, ISSUER, AUDIENCE);
const verifier = new StaffTokenVerifier({
  publicKeys: publicKeysOf(DEV_DEFAULTS.STAFF_TOKEN_PUBLIC_KEY),
  issuer: ISSUER,
  audience: AUDIENCE,
  maxLifetimeSec: 3600,
  clockToleranceSec: 5,
});
const admin = { sub: 'eve', roles: ['admin' as const], departments: [] };
const now = () => Math.floor(Date.now() / 1000);

function jose(claims: Record<string, unknown>) {
  return new SignJWT({ roles: ['admin'], departments: [], ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .sign(key.privateKey);
}

function hs256(secret: string | Buffer): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...admin, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 600 })}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('StaffTokenVerifier', () => {
  it('accepts a token of the trusted key with issuer, audience and a lifetime within the maximum', async () => {
    const staff = await verifier.verify(signStaffToken({ sub: 'li.na', roles: ['supervisor'], departments: ['FRAUD'] }, key, 3600));
    expect([staff.id, staff.roles, staff.departments, staff.visibleDepartments]).toEqual(['li.na', ['supervisor'], ['FRAUD'], ['FRAUD']]);
  });

  it.each<[string, () => Promise<string> | string, RegExp]>([
    ['expired', () => signStaffToken(admin, key, -60), /expired/],
    ['without exp', () => jose({ sub: 'eve', iss: ISSUER, aud: AUDIENCE, iat: now() }), /"exp" claim/],
    ['without iat', () => jose({ sub: 'eve', iss: ISSUER, aud: AUDIENCE, exp: now() + 60 }), /"iat" claim/],
    ['living longer than the maximum', () => signStaffToken(admin, key, 2 * 3600), /longer than the 3600 s/],
    ['of another issuer', () => signStaffToken(admin, staffTokenSigningKey(devPem, 'https://evil.example', AUDIENCE), 600), /"iss" claim/],
    ['for another audience', () => signStaffToken(admin, staffTokenSigningKey(devPem, ISSUER, 'urn:other'), 600), /"aud" claim/],
    ['HS256 with the old shared secret', () => hs256('dev-staff-secret'), /not valid/],
    ['HS256 keyed with the public key (algorithm confusion)', () => hs256(DEV_DEFAULTS.STAFF_TOKEN_PUBLIC_KEY), /not valid/],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...admin, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 60 })).toString('base64url')}.`,
      /not valid/,
    ],
    [
      'signed by an unknown key under the trusted kid',
      () => signStaffToken(admin, { ...key, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey }, 600),
      /not valid/,
    ],
    ['without roles', () => signStaffToken({ sub: 'eve', roles: [], departments: [] }, key, 600), /claims are not usable \(roles\)/],
  ])('refuses a token %s', async (_, token, reason) => {
    const refusal = await verifier.verify(await token()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StaffTokenRejected);
    expect((refusal as Error).message).toMatch(reason);
  });

  it('refuses to be built without a key', () => {
    expect(
      () => new StaffTokenVerifier({ publicKeys: [], issuer: ISSUER, audience: AUDIENCE, maxLifetimeSec: 60, clockToleranceSec: 0 }),
    ).toThrow(/STAFF_TOKEN_PUBLIC_KEY or STAFF_TOKEN_JWKS_URL/);
  });
});
