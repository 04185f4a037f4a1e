/**
 * Development defaults (docs/ARCHITECTURE.md (Public interfaces)): used when a variable is unset and NODE_ENV is development or
 * test (never when it is unset or production). In production every one of them must be set, and to something else.
 */
export const DEV_DEFAULTS: Record<string, string> = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/complaints',
  /** Development servers listen on loopback only (production: HOST, default all interfaces, for containers). */
  HOST: '127.0.0.1',
  /** ES256 key pair of development staff tokens: cases signs with the private key, every staff API verifies with the public one. */
  STAFF_TOKEN_SIGNING_KEY:
    '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzXERbXTuxfUL3JSm\n' +
    '4xzvbQfl+m+Y7/A8S1ZuiWrfN2KhRANCAAQEjraq7/w7XsoCn1Zakbzk7uNTTJNK\nHK6pzauD18hSX/MkJQFi0Un3t9HvluzfZViFn6wgjhgxsvYIu6/qehuI\n-----END PRIVATE KEY-----\n',
  STAFF_TOKEN_PUBLIC_KEY:
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEBI62qu/8O17KAp9WWpG85O7jU0yT\n' +
    'Shyuqc2rg9fIUl/zJCUBYtFJ97fR75bs32VYhZ+sII4YMbL2CLuv6nobiA==\n-----END PUBLIC KEY-----\n',
  STAFF_TOKEN_ISSUER: 'urn:complaints:dev:cases',
  STAFF_TOKEN_AUDIENCE: 'urn:complaints:dev:staff-api',
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

/** Variables whose development default is a secret (or, for the staff token public key, trusts one): refused in production. */
export const SECRET_DEFAULTS = [
  'STAFF_TOKEN_SIGNING_KEY',
  'STAFF_TOKEN_PUBLIC_KEY',
  'HOTLINE_SECRETS',
  'MOBILE_JWT_SECRET',
  'WECHAT_TOKEN',
  'WECHAT_ENCODING_AES_KEY',
  'WEIBO_APP_SECRET',
  'PII_KEYS',
  'ROUTING_FINGERPRINT_KEY',
  'SMS_SURVEY_FINGERPRINT_KEY',
  'EVIDENCE_LINK_SECRET',
];
