import { DEV_DEFAULTS, SECRET_DEFAULTS } from './dev-defaults';

/** How a secret setting is written and how strong it must be in production. */
export interface SecretRule {
  /** `<id>:<secret>` pairs, comma-separated: the rules apply to each secret. */
  keyed?: boolean;
  /** Least length of each secret in production (HMAC keys the platform chooses: 32 bytes). */
  minLength?: number;
}

/** Least length of an HMAC secret the platform chooses, in production. */
export const MIN_HMAC_SECRET_LENGTH = 32;

/**
 * Every secret setting of every service. In production none of them may contain a development secret
 * (of any setting, anywhere in a list), and HMAC secrets have a least length. Secrets chosen by a third
 * party (WeChat, Weibo, gateways) keep the length that party gives them.
 */
export const SECRET_SETTINGS: Record<string, SecretRule> = {
  STAFF_TOKEN_SIGNING_KEY: {},
  STAFF_TOKEN_PUBLIC_KEY: {},
  HOTLINE_SECRETS: { keyed: true, minLength: MIN_HMAC_SECRET_LENGTH },
  SMS_INBOUND_SECRETS: { keyed: true, minLength: MIN_HMAC_SECRET_LENGTH },
  EVIDENCE_LINK_SECRET: { keyed: true, minLength: MIN_HMAC_SECRET_LENGTH },
  ROUTING_FINGERPRINT_KEY: { minLength: MIN_HMAC_SECRET_LENGTH },
  SMS_SURVEY_FINGERPRINT_KEY: { minLength: MIN_HMAC_SECRET_LENGTH },
  NOTIFIER_STAFF_WEBHOOK_SECRET: { minLength: MIN_HMAC_SECRET_LENGTH },
  MOBILE_JWT_SECRET: { minLength: MIN_HMAC_SECRET_LENGTH },
  PII_KEYS: { keyed: true },
  METRICS_TOKEN: { minLength: MIN_HMAC_SECRET_LENGTH },
  WECHAT_TOKEN: {},
  WECHAT_ENCODING_AES_KEY: {},
  WECHAT_ENCODING_AES_KEY_PREVIOUS: {},
  WECHAT_APP_SECRET: {},
  WEIBO_APP_SECRET: {},
  WEIBO_ACCESS_TOKEN: {},
  WECHATY_PUPPET_TOKEN: {},
  PUSH_GATEWAY_TOKEN: {},
  SMS_GATEWAY_TOKEN: {},
  CASES_OIDC_CLIENT_SECRET: {},
};

/** Spaces, line breaks and `\n` escapes do not make a key another key. */
function normalised(value: string): string {
  return value.replace(/\\n|\s/g, '');
}

/** The development secrets as they may appear inside a setting: whole values, list entries and the secret of each `<id>:<secret>` pair. */
const DEVELOPMENT_SECRETS: string[] = [
  ...new Set(
    SECRET_DEFAULTS.flatMap((name) => DEV_DEFAULTS[name].split(','))
      .flatMap((entry) => (entry.includes('-----BEGIN') ? [entry] : [entry, entry.slice(entry.indexOf(':') + 1)]))
      .map((piece) => normalised(piece.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '')))
      .filter((piece) => piece.length >= 8),
  ),
];

/** Why a secret setting cannot be used in production (never echoing it), or null. */
export function productionSecretProblem(name: string, value: string): string | null {
  const rule = SECRET_SETTINGS[name];
  if (!rule || value === '') return null;
  const given = normalised(value);
  if (DEVELOPMENT_SECRETS.some((secret) => given.includes(secret))) {
    return `${name}: the development default is refused when NODE_ENV=production (the value contains a development secret)`;
  }
  if (rule.minLength) {
    const secrets = rule.keyed
      ? value
          .split(',')
          .map((entry) => entry.slice(entry.indexOf(':') + 1).trim())
          .filter(Boolean)
      : [value];
    if (secrets.some((secret) => Buffer.byteLength(secret, 'utf8') < rule.minLength!)) {
      return `${name}: every secret must be at least ${rule.minLength} bytes when NODE_ENV=production`;
    }
  }
  return null;
}
