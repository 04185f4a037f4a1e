import { ClassConstructor } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import { loadConfig, SECRET_SETTINGS } from '@complaints/config';
import { AnalyticsConfig } from '../../apps/analytics/src/analytics.config';
import { CasesConfig } from '../../apps/cases/src/cases.config';
import { IntakeHotlineConfig } from '../../apps/intake-hotline/src/intake-hotline.config';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeSocialConfig } from '../../apps/intake-social/src/intake-social.config';
import { IntakeWebConfig } from '../../apps/intake-web/src/intake-web.config';
import { NotifierConfig } from '../../apps/notifier/src/notifier.config';
import { RouterConfig } from '../../apps/router/src/router.config';

const CONFIGS: ClassConstructor<object>[] = [
  AnalyticsConfig,
  CasesConfig,
  IntakeHotlineConfig,
  IntakeMobileConfig,
  IntakeSocialConfig,
  IntakeWebConfig,
  NotifierConfig,
  RouterConfig,
];

/** Settings whose names look secret but are not: key ids, public keys, token settings that are no tokens. */
const NOT_SECRET = new Set([
  'PII_ACTIVE_KEY_ID',
  'MOBILE_JWT_PUBLIC_KEY',
  'STAFF_TOKEN_ISSUER',
  'STAFF_TOKEN_AUDIENCE',
  'STAFF_TOKEN_MAX_LIFETIME_SEC',
  'STAFF_TOKEN_CLOCK_TOLERANCE_SEC',
  'STAFF_TOKEN_JWKS_URL',
]);

const settingsOf = (cls: ClassConstructor<object>) => [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((m) => m.propertyName),
  ),
];

/** Finding 7: every secret of every service is known to the production checks (no development secret, HMAC length). */
describe('secret settings', () => {
  it.each(CONFIGS.map((cls) => [cls.name, cls]))('%s declares no secret the production checks do not know', (_, cls) => {
    const unknown = settingsOf(cls).filter(
      (name) => /SECRET|TOKEN|KEY|PASSWORD|CREDENTIAL/.test(name) && !(name in SECRET_SETTINGS) && !NOT_SECRET.has(name),
    );
    expect(unknown).toEqual([]);
  });

  it.each(CONFIGS.map((cls) => [cls.name, cls]))(
    '%s refuses in production every development secret it would take in development',
    (_, cls) => {
      const development = loadConfig(cls, { NODE_ENV: 'development' }) as Record<string, unknown>;
      const secrets = settingsOf(cls).filter(
        (name) => name in SECRET_SETTINGS && typeof development[name] === 'string' && development[name] !== '',
      );
      for (const name of secrets) {
        // Even as one entry of a list next to a strong value.
        const value = String(development[name]);
        const listed = SECRET_SETTINGS[name].keyed ? `strong:${'s'.repeat(40)},${value}` : value;
        expect(() => loadConfig(cls, { [name]: listed })).toThrow(new RegExp(`${name}: the development default is refused`));
      }
    },
  );
});
