/**
 * Development defaults (DESIGN section 4): used when a variable is unset and NODE_ENV is not
 * production. In production every one of them must be set, and to something else.
 */
export const DEV_DEFAULTS: Record<string, string> = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/complaints',
  STAFF_JWT_SECRET: 'dev-staff-secret',
  HOTLINE_SECRETS: 'cc-demo:dev-hotline-secret',
  MOBILE_JWT_SECRET: 'dev-mobile-secret',
  WECHAT_TOKEN: 'dev-wechat-token',
  WECHAT_APP_ID: 'wxdev0000000000000',
  WECHAT_ENCODING_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  WEIBO_APP_SECRET: 'dev-weibo-secret',
  /** AES-256-GCM keys for personal data at rest and in events: `<keyId>:<base64 32 bytes>`, comma-separated. */
  PII_KEYS: 'dev1:ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXByb2QtMzI=',
  PII_ACTIVE_KEY_ID: 'dev1',
  /** HMAC key of the router's customer fingerprints (repeat complaints). */
  ROUTING_FINGERPRINT_KEY: 'dev-router-fingerprint-key-not-for-production',
  /** HMAC key of the notifier's phone fingerprints (SMS surveys). */
  SMS_SURVEY_FINGERPRINT_KEY: 'dev-sms-survey-fingerprint-key-not-for-production',
  /** HMAC keys of the pre-signed evidence links (cases signs, the intakes check): `<keyId>:<secret>`, the first signs. */
  EVIDENCE_LINK_SECRET: 'dev1:dev-evidence-link-secret-not-for-production',
};

/** Variables whose development default is a secret: refused in production even if set to it. */
export const SECRET_DEFAULTS = [
  'STAFF_JWT_SECRET', 'HOTLINE_SECRETS', 'MOBILE_JWT_SECRET', 'WECHAT_TOKEN', 'WECHAT_ENCODING_AES_KEY',
  'WEIBO_APP_SECRET', 'PII_KEYS', 'ROUTING_FINGERPRINT_KEY', 'SMS_SURVEY_FINGERPRINT_KEY',
  'EVIDENCE_LINK_SECRET',
];
