import { createSecretKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { InvalidTokenError } from '../application/authenticate/customer-token.verifier';
import { JoseCustomerTokenVerifier } from './jose-customer-token.verifier';

const SECRET = 'unit-test-mobile-secret';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const now = () => Math.floor(Date.now() / 1000);

function token(alg: 'HS256' | 'RS256', key: Parameters<SignJWT['sign']>[0], claims: { sub?: string; exp?: number; nbf?: number } = {}) {
  const jwt = new SignJWT({}).setProtectedHeader({ alg }).setIssuedAt();
  if (claims.sub !== '') jwt.setSubject(claims.sub ?? 'cust-1');
  jwt.setExpirationTime(claims.exp ?? now() + 600);
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(key);
}

const hs = (claims?: Parameters<typeof token>[2]) => token('HS256', new TextEncoder().encode(SECRET), claims);
const rs = (claims?: Parameters<typeof token>[2]) => token('RS256', rsa.privateKey, claims);

async function refusal(verifier: JoseCustomerTokenVerifier, jwt: string): Promise<string> {
  const error = await verifier.verify(jwt).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  return (error as Error).message;
}

describe('JoseCustomerTokenVerifier', () => {
  const both = new JoseCustomerTokenVerifier({ secret: SECRET, publicKeyPem: publicPem, clockToleranceSec: 5 });
  const rsOnly = new JoseCustomerTokenVerifier({ publicKeyPem: publicPem, clockToleranceSec: 5 });

  it('accepts HS256 with the secret and RS256 with the public key, naming the customer from sub', async () => {
    await expect(both.verify(await hs({ sub: 'cust-hs' }))).resolves.toEqual({ customerId: 'cust-hs' });
    await expect(both.verify(await rs({ sub: 'cust-rs' }))).resolves.toEqual({ customerId: 'cust-rs' });
    expect(both.algorithms).toEqual(['HS256', 'RS256']);
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT({ sub: 'cust-1' }).setExpirationTime('10m').encode();
    expect(await refusal(both, unsigned)).toMatch(/none are not accepted/);
  });

  it('refuses an HS256 token signed with the RSA public key as the secret (algorithm confusion)', async () => {
    const forged = await token('HS256', createSecretKey(Buffer.from(publicPem)));
    expect(await refusal(both, forged)).toMatch(/signature does not verify/);
    expect(await refusal(rsOnly, forged)).toMatch(/HS256 are not accepted here; use RS256/);
  });

  it('refuses a token signed with another key', async () => {
    expect(await refusal(both, await token('HS256', new TextEncoder().encode('another-secret-of-length')))).toMatch(/signature/);
    expect(await refusal(both, await token('RS256', otherRsa.privateKey))).toMatch(/signature/);
  });

  it('refuses expired and not-yet-valid tokens beyond the clock tolerance', async () => {
    expect(await refusal(both, await hs({ exp: now() - 60 }))).toMatch(/expired/);
    expect(await refusal(both, await hs({ nbf: now() + 600 }))).toMatch(/not valid yet/);
    await expect(both.verify(await hs({ nbf: now() + 2 }))).resolves.toEqual({ customerId: 'cust-1' });
  });

  it('refuses a token without a subject, and garbage', async () => {
    expect(await refusal(both, await hs({ sub: '' }))).toMatch(/sub/);
    expect(await refusal(both, 'abc.def.ghi')).toMatch(/not a signed JWT/);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = new JoseCustomerTokenVerifier({
      secret: SECRET,
      issuer: 'https://id.bank.example',
      audience: 'mobile-app',
      clockToleranceSec: 0,
    });
    const good = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('c')
      .setExpirationTime('5m')
      .setIssuer('https://id.bank.example')
      .setAudience('mobile-app')
      .sign(new TextEncoder().encode(SECRET));
    await expect(strict.verify(good)).resolves.toEqual({ customerId: 'c' });
    expect(await refusal(strict, await hs())).toMatch(/iss|aud/);
  });

  it('refuses a configuration that cannot check tokens or is ambiguous', () => {
    expect(() => new JoseCustomerTokenVerifier({ clockToleranceSec: 0 })).toThrow(/no way to check tokens/);
    expect(
      () => new JoseCustomerTokenVerifier({ publicKeyPem: publicPem, jwksUrl: 'https://id.example/jwks', clockToleranceSec: 0 }),
    ).toThrow(/not both/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => new JoseCustomerTokenVerifier({ publicKeyPem: ec, clockToleranceSec: 0 })).toThrow(/RSA/);
  });
});
