import { generateKeyPairSync, randomBytes } from 'node:crypto';

const random = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * Stand-ins, in the right format and strength, for what an operator puts into each Secret item, so that
 * the spec can start each app's configuration loader (production rules) on a Deployment's environment.
 */
export function sampleSecret(setting: string): string | undefined {
  switch (setting) {
    case 'DATABASE_URL':
      return `postgresql://complaints:${random(24)}@complaints-db-rw.complaints:5432/complaints`;
    case 'PII_KEYS':
      return `k1:${randomBytes(32).toString('base64')}`;
    case 'PII_ACTIVE_KEY_ID':
      return 'k1';
    case 'EVIDENCE_LINK_SECRET':
    case 'HOTLINE_SECRETS':
      return `k1:${random(32)}`;
    case 'WECHAT_ENCODING_AES_KEY':
      return randomBytes(40)
        .toString('base64')
        .replace(/[^A-Za-z0-9]/g, 'a')
        .slice(0, 43);
    case 'STAFF_TOKEN_SIGNING_KEY':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    case 'METRICS_TOKEN':
    case 'ROUTING_FINGERPRINT_KEY':
    case 'SMS_SURVEY_FINGERPRINT_KEY':
    case 'WECHAT_TOKEN':
    case 'WEIBO_APP_SECRET':
      return random(32);
    default:
      return undefined;
  }
}
