import { generateKeyPairSync } from 'node:crypto';
import { InvalidConfigError, loadConfig } from '@complaints/config';
import { IntakeMobileConfig } from './intake-mobile.config';
import { customerTokenVerifier, intakeMobileHttpOptions } from './intake-mobile.module';

const base = {
  KAFKA_BROKERS: 'kafka:9092',
  DATABASE_URL: 'postgres://db/complaints',
  PII_KEYS: 'k1:MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=',
  PII_ACTIVE_KEY_ID: 'k1',
  EVIDENCE_LINK_SECRET: 'p1:a-production-evidence-link-secret',
  MOBILE_JWT_ISSUER: 'https://id.bank.example',
  MOBILE_JWT_AUDIENCE: 'complaints-app',
};
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('IntakeMobileConfig', () => {
  it('uses HS256 with the development secret outside production', () => {
    const config = loadConfig(IntakeMobileConfig, { NODE_ENV: 'development' });
    expect(config.MOBILE_JWT_SECRET).toBe('dev-mobile-secret');
    expect(customerTokenVerifier(config).algorithms).toEqual(['HS256']);
    expect(config.INTAKE_MOBILE_PORT).toBe(3003);
  });

  it('refuses the development secret in production, and a production set-up with no way to check tokens', () => {
    expect(() => loadConfig(IntakeMobileConfig, { ...base, NODE_ENV: 'production', MOBILE_JWT_SECRET: 'dev-mobile-secret' })).toThrow(
      /MOBILE_JWT_SECRET/,
    );
    const none = loadConfig(IntakeMobileConfig, { ...base, NODE_ENV: 'production' });
    expect(() => customerTokenVerifier(none)).toThrow(InvalidConfigError);
  });

  it('requires issuer and audience in production, and refuses HS256 there', () => {
    const { MOBILE_JWT_ISSUER: _issuer, MOBILE_JWT_AUDIENCE: _audience, ...open } = base;
    expect(() =>
      loadConfig(IntakeMobileConfig, { ...open, NODE_ENV: 'production', MOBILE_JWKS_URL: 'https://id.bank.example/jwks' }),
    ).toThrow(/MOBILE_JWT_ISSUER[\s\S]*MOBILE_JWT_AUDIENCE/);
    expect(() =>
      loadConfig(IntakeMobileConfig, { ...base, NODE_ENV: 'production', MOBILE_JWT_SECRET: 'a-32-byte-long-production-hs256-secret!' }),
    ).toThrow(/MOBILE_JWT_SECRET \(HS256\) is refused/);
    expect(() => loadConfig(IntakeMobileConfig, { ...open, MOBILE_JWKS_URL: 'https://id.bank.example/jwks' })).toThrow(/MOBILE_JWT_ISSUER/);
  });

  it('runs RS256 only in production with a JWKS URL or a PEM key, not both', () => {
    const jwks = loadConfig(IntakeMobileConfig, {
      ...base,
      NODE_ENV: 'production',
      MOBILE_JWKS_URL: 'https://id.bank.example/.well-known/jwks.json',
    });
    expect(customerTokenVerifier(jwks).algorithms).toEqual(['RS256']);
    const key = loadConfig(IntakeMobileConfig, { ...base, NODE_ENV: 'production', MOBILE_JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n') });
    expect(customerTokenVerifier(key).algorithms).toEqual(['RS256']);
    const both = loadConfig(IntakeMobileConfig, {
      ...base,
      NODE_ENV: 'production',
      MOBILE_JWT_PUBLIC_KEY: pem,
      MOBILE_JWKS_URL: 'https://id.bank.example/jwks',
    });
    expect(() => customerTokenVerifier(both)).toThrow(/not both/);
    expect(() => loadConfig(IntakeMobileConfig, { ...base, MOBILE_JWKS_URL: 'not a url', MOBILE_JWT_PUBLIC_KEY: 'nope' })).toThrow(
      /MOBILE_JWKS_URL[\s\S]*MOBILE_JWT_PUBLIC_KEY|MOBILE_JWT_PUBLIC_KEY[\s\S]*MOBILE_JWKS_URL/,
    );
  });

  it('sizes the request body for the allowed evidence in base64', () => {
    const config = loadConfig(IntakeMobileConfig, {
      NODE_ENV: 'development',
      MOBILE_MAX_ATTACHMENTS: '5',
      MOBILE_MAX_ATTACHMENT_BYTES: '10485760',
    });
    const limit = intakeMobileHttpOptions(config).bodyLimitBytes!;
    expect(limit).toBeGreaterThan((5 * 10485760 * 4) / 3);
    expect(limit).toBeLessThan(5 * 10485760 * 1.4);
  });
});
