import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@complaints/config';
import { CasesConfig } from './cases.config';
import { CasesModule } from './cases.module';

function productionStaffTokenSettings() {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    STAFF_TOKEN_SIGNING_KEY: key,
    STAFF_TOKEN_ISSUER: 'https://cases.bank.example',
    STAFF_TOKEN_AUDIENCE: 'https://staff-api.bank.example',
  };
}

describe('CasesConfig: evidence links', () => {
  it('links web and app evidence to the local intakes for 10 minutes by default', () => {
    const config = loadConfig(CasesConfig, { NODE_ENV: 'development' });
    expect(config.evidenceBaseUrls).toEqual(
      new Map([
        ['web', 'http://127.0.0.1:3001'],
        ['mobile', 'http://127.0.0.1:3003'],
      ]),
    );
    expect(config.CASES_EVIDENCE_LINK_TTL_SEC).toBe(600);
  });

  it('reads <channel>:<url> pairs, without a trailing slash', () => {
    const config = loadConfig(CasesConfig, { NODE_ENV: 'development', CASES_EVIDENCE_BASE_URLS: 'web:https://complaints.bank.example/' });
    expect(config.evidenceBaseUrls).toEqual(new Map([['web', 'https://complaints.bank.example']]));
  });

  it.each([
    ['an unknown channel', 'fax:http://127.0.0.1:3001', /"fax" is no channel/],
    ['a channel twice', 'web:http://a.example,web:http://b.example', /listed 2 times/],
    ['no URL', 'web:intake-web', /http\(s\) base URL/],
    ['no pair', 'http://127.0.0.1:3001', /is no channel|not an <id>:<value> pair/],
  ])('refuses %s, naming the variable', (_, value, message) => {
    expect(() => loadConfig(CasesConfig, { NODE_ENV: 'development', CASES_EVIDENCE_BASE_URLS: value })).toThrow(message);
    expect(() => loadConfig(CasesConfig, { NODE_ENV: 'development', CASES_EVIDENCE_BASE_URLS: value })).toThrow(/CASES_EVIDENCE_BASE_URLS/);
  });

  it('refuses the development secret in production, and an unusable one at boot', () => {
    const production = {
      NODE_ENV: 'production',
      KAFKA_BROKERS: 'kafka:9092',
      DATABASE_URL: 'postgres://db/complaints',
      ...productionStaffTokenSettings(),
    };
    expect(() =>
      loadConfig(CasesConfig, { ...production, EVIDENCE_LINK_SECRET: 'dev1:dev-evidence-link-secret-not-for-production' }),
    ).toThrow(/EVIDENCE_LINK_SECRET: the development default is refused/);
    const short = loadConfig(CasesConfig, { NODE_ENV: 'development', EVIDENCE_LINK_SECRET: 'k1:short' });
    expect(() => CasesModule.register(short)).toThrow(/EVIDENCE_LINK_SECRET: the secret of key "k1" is shorter than 16 characters/);
  });

  it('offers the development sign-in only in development or test on loopback, unless said explicitly', () => {
    expect(loadConfig(CasesConfig, { NODE_ENV: 'development' }).devSignIn).toBe(true);
    expect(loadConfig(CasesConfig, { NODE_ENV: 'development', HOST: '0.0.0.0' }).devSignIn).toBe(false);
    expect(loadConfig(CasesConfig, { NODE_ENV: 'development', HOST: '0.0.0.0', CASES_DEV_SIGN_IN: 'true' }).devSignIn).toBe(true);
    expect(() => loadConfig(CasesConfig, { NODE_ENV: 'production', CASES_DEV_SIGN_IN: 'true' })).toThrow(
      /CASES_DEV_SIGN_IN=true is refused/,
    );
  });
});
