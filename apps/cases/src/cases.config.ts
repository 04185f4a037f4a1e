import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { parseKeyedSetting, StaffApiServiceConfig } from '@complaints/config';
import { CHANNELS } from '@complaints/contracts';
import type { SlaPolicy } from './domain/sla-policy';
import type { OidcSettings } from './infrastructure/auth/oidc-client';

export class CasesConfig extends StaffApiServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  CASES_PORT: number = 3006;

  /**
   * The private key that signs the console's staff tokens (PEM PKCS#8 "BEGIN PRIVATE KEY": EC P-256 for ES256 or
   * RSA 2048+ for RS256; `\n` escapes allowed). Its public key is published at GET /.well-known/jwks.json.
   */
  @Matches(/^(\s|\\n)*-----BEGIN PRIVATE KEY-----/, {
    message: 'STAFF_TOKEN_SIGNING_KEY must be a PEM private key (-----BEGIN PRIVATE KEY-----)',
  })
  STAFF_TOKEN_SIGNING_KEY: string;

  /** First feedback to the customer is due this many hours after receipt, per priority. */
  @IsInt()
  @Min(1)
  @Max(720)
  CASES_FEEDBACK_HOURS_P1: number = 24;

  @IsInt()
  @Min(1)
  @Max(720)
  CASES_FEEDBACK_HOURS_P2: number = 48;

  @IsInt()
  @Min(1)
  @Max(720)
  CASES_FEEDBACK_HOURS_P3: number = 48;

  /** The SLA watcher warns this long before the feedback and decision due times. */
  @IsInt()
  @Min(0)
  @Max(720)
  CASES_FEEDBACK_WARNING_HOURS: number = 12;

  @IsInt()
  @Min(0)
  @Max(720)
  CASES_DECISION_WARNING_HOURS: number = 48;

  /** How often the SLA watcher runs; 0 turns it off. */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  CASES_SLA_WATCH_INTERVAL_MS: number = 60_000;

  /**
   * How often the outbox relay looks for unpublished case events; 0 turns polling off. It runs right after
   * each commit that writes events (and at start), so the poll is only the safety net for events a
   * crash or another replica's relay left behind.
   */
  @IsInt()
  @Min(0)
  @Max(600_000)
  CASES_OUTBOX_POLL_MS: number = 30_000;

  /** At most this many routed complaints (of the partitions one fetch brought) are opened together (one transaction, one publish). */
  @IsInt()
  @Min(1)
  @Max(5_000)
  CASES_OPEN_BATCH_SIZE: number = 200;

  /**
   * After a batch, wait this long before fetching again, so the next batch brings the routed complaints of every
   * partition that arrived meanwhile (one transaction for them all): up to this much latency per
   * complaint for far fewer transactions and commits under load; nothing when idle. 0: fetch at once.
   */
  @IsInt()
  @Min(0)
  @Max(1_000)
  CASES_OPEN_LINGER_MS: number = 50;

  /** Published case events are kept this long in the outbox (for inspection), then deleted. */
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  CASES_OUTBOX_RETENTION_HOURS: number = 168;

  /**
   * The staff console's development sign-in (`POST /v1/auth/dev-sign-in`, a token for any name, roles and
   * departments): unset means on with NODE_ENV development or test when HOST is loopback; `true` is refused with NODE_ENV=production.
   */
  @IsOptional()
  @IsIn(['true', 'false'])
  @ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (value: unknown, args) => !(value === 'true' && (args?.object as CasesConfig).NODE_ENV === 'production'),
      defaultMessage: () => 'CASES_DEV_SIGN_IN=true is refused when NODE_ENV=production',
    },
  })
  CASES_DEV_SIGN_IN?: 'true' | 'false';

  /** OIDC sign-in for the console (optional): the identity provider's issuer URL and the console's client id. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_OIDC_ISSUER?: string;

  @ValidateIf((c: CasesConfig) => c.CASES_OIDC_ISSUER !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  CASES_OIDC_CLIENT_ID?: string;

  /** Only for a confidential client; the console signs in as a public client with PKCE. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CASES_OIDC_CLIENT_SECRET?: string;

  /** The ID token claims that list the person's staff roles and departments (arrays or space-separated). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  CASES_OIDC_ROLES_CLAIM = 'roles';

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  CASES_OIDC_DEPARTMENTS_CLAIM = 'departments';

  /** The router's admin API, which the console's routing-rules page calls (the router allows this origin by ROUTER_CORS_ORIGINS). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_CONSOLE_ROUTER_URL: string = 'http://127.0.0.1:3005';

  /** The analytics staff API, which the console's dashboard calls (analytics allows this origin by ANALYTICS_CORS_ORIGINS). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_CONSOLE_ANALYTICS_URL: string = 'http://127.0.0.1:3008';

  /**
   * Keys of the pre-signed evidence links on case pages: `<keyId>:<secret>` pairs, comma-separated, the same value as
   * the intakes' (which check them); the first signs, all verify (rotation).
   */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_LINK_SECRET: string;

  /** How long an evidence link on a case page stays valid. */
  @IsInt()
  @Min(30)
  @Max(86_400)
  CASES_EVIDENCE_LINK_TTL_SEC: number = 600;

  /**
   * `<channel>:<url>` pairs: where staff's browsers reach each channel's intake for its evidence (`<url>/v1/evidence/...`).
   * Attachments of a channel without one get no download link.
   */
  @IsString()
  @ValidateBy({
    name: 'evidenceBaseUrls',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && evidenceBaseUrlProblem(value) === null,
      defaultMessage: (args) => `${evidenceBaseUrlProblem(String(args?.value)) ?? 'must be <channel>:<url> pairs'}`,
    },
  })
  CASES_EVIDENCE_BASE_URLS = 'web:http://127.0.0.1:3001,mobile:http://127.0.0.1:3003';

  get evidenceBaseUrls(): Map<string, string> {
    return new Map([...parseKeyedSetting(this.CASES_EVIDENCE_BASE_URLS)].map(([channel, urls]) => [channel, urls[0].replace(/\/+$/, '')]));
  }

  get oidc(): OidcSettings | null {
    if (!this.CASES_OIDC_ISSUER || !this.CASES_OIDC_CLIENT_ID) return null;
    return {
      issuer: this.CASES_OIDC_ISSUER,
      clientId: this.CASES_OIDC_CLIENT_ID,
      clientSecret: this.CASES_OIDC_CLIENT_SECRET,
      rolesClaim: this.CASES_OIDC_ROLES_CLAIM,
      departmentsClaim: this.CASES_OIDC_DEPARTMENTS_CLAIM,
    };
  }

  /** Unset: only in development or test and only on a loopback interface (a token for anyone must not reach the network unasked). */
  get devSignIn(): boolean {
    if (this.CASES_DEV_SIGN_IN !== undefined) return this.CASES_DEV_SIGN_IN === 'true';
    return this.NODE_ENV !== 'production' && ['127.0.0.1', '::1', 'localhost'].includes(this.HOST);
  }

  get slaPolicy(): SlaPolicy {
    return {
      feedbackHours: { P1: this.CASES_FEEDBACK_HOURS_P1, P2: this.CASES_FEEDBACK_HOURS_P2, P3: this.CASES_FEEDBACK_HOURS_P3 },
      // CBIRC 2020: 15 days; longer only through an approved extension.
      decisionDays: 15,
      feedbackWarningHours: this.CASES_FEEDBACK_WARNING_HOURS,
      decisionWarningHours: this.CASES_DECISION_WARNING_HOURS,
    };
  }
}

/** Why a CASES_EVIDENCE_BASE_URLS value cannot be used, or null. */
function evidenceBaseUrlProblem(setting: string): string | null {
  let pairs: Map<string, string[]>;
  try {
    pairs = parseKeyedSetting(setting);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  for (const [channel, urls] of pairs) {
    if (!(CHANNELS as readonly string[]).includes(channel)) return `"${channel}" is no channel (${CHANNELS.join(', ')})`;
    if (urls.length > 1) return `channel "${channel}" is listed ${urls.length} times`;
    if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(urls[0])) return `the URL of "${channel}" must be an http(s) base URL without query`;
  }
  return null;
}
