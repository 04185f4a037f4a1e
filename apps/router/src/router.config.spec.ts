import { randomBytes } from 'node:crypto';
import { loadConfig } from '@complaints/config';
import { RouterConfig } from './router.config';

describe('RouterConfig', () => {
  const production = {
    NODE_ENV: 'production',
    KAFKA_BROKERS: 'kafka:9092',
    DATABASE_URL: 'postgres://db/complaints',
    STAFF_TOKEN_ISSUER: 'https://cases.bank.example',
    STAFF_TOKEN_AUDIENCE: 'https://staff-api.bank.example',
    STAFF_TOKEN_JWKS_URL: 'https://cases.bank.example/.well-known/jwks.json',
    PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_ACTIVE_KEY_ID: 'k1',
  };

  it('has development defaults for everything, including the fingerprint key', () => {
    const config = loadConfig(RouterConfig, { NODE_ENV: 'development' });
    expect([config.ROUTING_REPEAT_WINDOW_DAYS, config.ROUTING_RULES_POLL_MS, config.ROUTER_OUTBOX_POLL_MS]).toEqual([30, 30_000, 10_000]);
    expect(config.ROUTING_FINGERPRINT_KEY.length).toBeGreaterThanOrEqual(16);
  });

  it('needs a real fingerprint key in production, and refuses the development one', () => {
    expect(() => loadConfig(RouterConfig, production)).toThrow(/ROUTING_FINGERPRINT_KEY/);
    const devKey = loadConfig(RouterConfig, { NODE_ENV: 'development' }).ROUTING_FINGERPRINT_KEY;
    expect(() => loadConfig(RouterConfig, { ...production, ROUTING_FINGERPRINT_KEY: devKey })).toThrow(
      /ROUTING_FINGERPRINT_KEY: the development default is refused/,
    );
    expect(loadConfig(RouterConfig, { ...production, ROUTING_FINGERPRINT_KEY: randomBytes(32).toString('base64') }).NODE_ENV).toBe(
      'production',
    );
  });

  it('refuses a short fingerprint key and a bad window', () => {
    expect(() => loadConfig(RouterConfig, { ROUTING_FINGERPRINT_KEY: 'short', ROUTING_REPEAT_WINDOW_DAYS: '-1' })).toThrow(
      /ROUTING_FINGERPRINT_KEY[\s\S]*ROUTING_REPEAT_WINDOW_DAYS|ROUTING_REPEAT_WINDOW_DAYS[\s\S]*ROUTING_FINGERPRINT_KEY/,
    );
  });
});
