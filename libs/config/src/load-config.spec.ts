import { IsString } from 'class-validator';
import { DEV_DEFAULTS } from './dev-defaults';
import { MIN_HMAC_SECRET_LENGTH, productionSecretProblem } from './secret-settings';
import { DatabaseServiceConfig } from './service.config';
import { InvalidConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies development defaults and converts numbers', () => {
    const config = loadConfig(DatabaseServiceConfig, { NODE_ENV: 'development', KAFKA_TOPIC_PARTITIONS: '12' });
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.DATABASE_URL).toContain('/complaints');
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(12);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig(DatabaseServiceConfig, { KAFKA_BROKERS: 'nonsense', KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(InvalidConfigError);
    try {
      loadConfig(DatabaseServiceConfig, { KAFKA_BROKERS: 'nonsense', KAFKA_TOPIC_PARTITIONS: '0' });
    } catch (error) {
      const problems = (error as InvalidConfigError).problems.join('\n');
      expect(problems).toContain('KAFKA_BROKERS');
      expect(problems).toContain('KAFKA_TOPIC_PARTITIONS');
    }
  });

  it('refuses missing settings in production instead of using development defaults', () => {
    expect(() => loadConfig(DatabaseServiceConfig, { NODE_ENV: 'production' })).toThrow(
      /KAFKA_BROKERS[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*KAFKA_BROKERS/,
    );
    const config = loadConfig(DatabaseServiceConfig, {
      NODE_ENV: 'production',
      KAFKA_BROKERS: 'kafka:9092',
      DATABASE_URL: 'postgres://db/complaints',
    });
    expect(config.KAFKA_BROKERS).toBe('kafka:9092');
  });
});

describe('loadConfig: production unless said otherwise', () => {
  const production = { KAFKA_BROKERS: 'kafka:9092', DATABASE_URL: 'postgres://db/complaints' };

  it.each([[undefined], ['']])('applies production rules when NODE_ENV is %p', (nodeEnv) => {
    expect(() => loadConfig(DatabaseServiceConfig, { NODE_ENV: nodeEnv })).toThrow(/KAFKA_BROKERS/);
    const config = loadConfig(DatabaseServiceConfig, { ...production, NODE_ENV: nodeEnv });
    expect(config.NODE_ENV).toBe('production');
    expect(config.HOST).toBe('0.0.0.0');
  });

  it('binds development and test services to loopback unless HOST is set', () => {
    expect(loadConfig(DatabaseServiceConfig, { NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(loadConfig(DatabaseServiceConfig, { NODE_ENV: 'development', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('refuses an unknown NODE_ENV', () => {
    expect(() => loadConfig(DatabaseServiceConfig, { ...production, NODE_ENV: 'prod' })).toThrow(/NODE_ENV/);
  });
});

describe('productionSecretProblem', () => {
  const strong = 'x'.repeat(MIN_HMAC_SECRET_LENGTH);

  it.each([
    ['a list holding the development hotline secret', 'HOTLINE_SECRETS', `cc-bank:${strong},cc-demo:dev-hotline-secret`],
    ['the development hotline secret under another id', 'HOTLINE_SECRETS', `cc-bank:dev-hotline-secret`],
    [
      'a PII key list with the development key',
      'PII_KEYS',
      'prod1:cHJvZHVjdGlvbi1rZXktMzItYnl0ZXMtbG9uZy0hIQ==,dev1:ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXByb2QtMzI=',
    ],
    ["another setting's development secret", 'SMS_INBOUND_SECRETS', 'gw:dev-evidence-link-secret-not-for-production'],
    [
      'the development staff token public key, with \\n escapes',
      'STAFF_TOKEN_PUBLIC_KEY',
      String(DEV_DEFAULTS.STAFF_TOKEN_PUBLIC_KEY).replace(/\n/g, '\\n'),
    ],
    ['the development staff token signing key', 'STAFF_TOKEN_SIGNING_KEY', String(DEV_DEFAULTS.STAFF_TOKEN_SIGNING_KEY)],
  ])('refuses %s without echoing it', (_, name, value) => {
    const problem = productionSecretProblem(name, value);
    expect(problem).toMatch(new RegExp(`^${name}: the development default is refused`));
    expect(problem).not.toContain('dev-');
  });

  it.each([
    ['HOTLINE_SECRETS', `cc-a:${strong},cc-b:short-secret`],
    ['EVIDENCE_LINK_SECRET', 'k1:only-twenty-chars-x'],
    ['ROUTING_FINGERPRINT_KEY', 'thirty-one-characters-long-key!'],
    ['NOTIFIER_STAFF_WEBHOOK_SECRET', 'short'],
  ])('refuses an HMAC secret shorter than 32 bytes in %s', (name, value) => {
    expect(productionSecretProblem(name, value)).toMatch(new RegExp(`^${name}: every secret must be at least 32 bytes`));
  });

  it('accepts strong secrets, third-party tokens as given and empty optional secrets', () => {
    expect(productionSecretProblem('HOTLINE_SECRETS', `cc-a:${strong},cc-a:${strong}y`)).toBeNull();
    expect(productionSecretProblem('WECHAT_TOKEN', 'tencent-token')).toBeNull();
    expect(productionSecretProblem('NOTIFIER_STAFF_WEBHOOK_SECRET', '')).toBeNull();
  });

  it('is applied by loadConfig in production only', () => {
    const env = { KAFKA_BROKERS: 'kafka:9092', DATABASE_URL: 'postgres://db/complaints' };
    class WithSecret extends DatabaseServiceConfig {
      @IsString() ROUTING_FINGERPRINT_KEY: string;
    }
    expect(() => loadConfig(WithSecret, { ...env, ROUTING_FINGERPRINT_KEY: 'short' })).toThrow(/ROUTING_FINGERPRINT_KEY: every secret/);
    expect(loadConfig(WithSecret, { ...env, NODE_ENV: 'test', ROUTING_FINGERPRINT_KEY: 'short' }).ROUTING_FINGERPRINT_KEY).toBe('short');
  });
});
