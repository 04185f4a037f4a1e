import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';
import type { SlaPolicy } from './domain/sla-policy';
import type { OidcSettings } from './infrastructure/auth/oidc-client';

export class CasesConfig extends DatabaseServiceConfig {
  @IsInt() @Min(0) @Max(65_535)
  CASES_PORT: number = 3006;

  /** HS256 secret of staff tokens. */
  @IsString() @IsNotEmpty() @MinLength(12)
  STAFF_JWT_SECRET: string;

  /** First feedback to the customer is due this many hours after receipt, per priority. */
  @IsInt() @Min(1) @Max(720)
  CASES_FEEDBACK_HOURS_P1: number = 24;

  @IsInt() @Min(1) @Max(720)
  CASES_FEEDBACK_HOURS_P2: number = 48;

  @IsInt() @Min(1) @Max(720)
  CASES_FEEDBACK_HOURS_P3: number = 48;

  /** The SLA watcher warns this long before the feedback and decision due times. */
  @IsInt() @Min(0) @Max(720)
  CASES_FEEDBACK_WARNING_HOURS: number = 12;

  @IsInt() @Min(0) @Max(720)
  CASES_DECISION_WARNING_HOURS: number = 48;

  /** How often the SLA watcher runs; 0 turns it off. */
  @IsInt() @Min(0) @Max(86_400_000)
  CASES_SLA_WATCH_INTERVAL_MS: number = 60_000;

  /** How often the outbox relay looks for unpublished case events (it also runs right after each change); 0 turns polling off. */
  @IsInt() @Min(0) @Max(600_000)
  CASES_OUTBOX_POLL_MS: number = 1_000;

  /** Published case events are kept this long in the outbox (for inspection), then deleted. */
  @IsInt() @Min(1) @Max(24 * 365)
  CASES_OUTBOX_RETENTION_HOURS: number = 168;

  /**
   * The staff console's development sign-in (`POST /v1/auth/dev-sign-in`, a token for any name, roles and
   * departments): unset means on outside production; `true` is refused with NODE_ENV=production.
   */
  @IsOptional() @IsIn(['true', 'false'])
  @ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (value: unknown, args) => !(value === 'true' && (args?.object as CasesConfig).NODE_ENV === 'production'),
      defaultMessage: () => 'CASES_DEV_SIGN_IN=true is refused when NODE_ENV=production',
    },
  })
  CASES_DEV_SIGN_IN?: 'true' | 'false';

  /** OIDC sign-in for the console (optional): the identity provider's issuer URL and the console's client id. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_OIDC_ISSUER?: string;

  @ValidateIf((c: CasesConfig) => c.CASES_OIDC_ISSUER !== undefined) @IsString() @IsNotEmpty() @MaxLength(200)
  CASES_OIDC_CLIENT_ID?: string;

  /** Only for a confidential client; the console signs in as a public client with PKCE. */
  @IsOptional() @IsString() @IsNotEmpty()
  CASES_OIDC_CLIENT_SECRET?: string;

  /** The ID token claims that list the person's staff roles and departments (arrays or space-separated). */
  @IsString() @IsNotEmpty() @MaxLength(100)
  CASES_OIDC_ROLES_CLAIM = 'roles';

  @IsString() @IsNotEmpty() @MaxLength(100)
  CASES_OIDC_DEPARTMENTS_CLAIM = 'departments';

  /** The router's admin API, which the console's routing-rules page calls (the router allows this origin by ROUTER_CORS_ORIGINS). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_CONSOLE_ROUTER_URL: string = 'http://127.0.0.1:3005';

  /** The analytics staff API, which the console's dashboard calls (analytics allows this origin by ANALYTICS_CORS_ORIGINS). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  CASES_CONSOLE_ANALYTICS_URL: string = 'http://127.0.0.1:3008';

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

  get devSignIn(): boolean {
    return this.CASES_DEV_SIGN_IN === undefined ? this.NODE_ENV !== 'production' : this.CASES_DEV_SIGN_IN === 'true';
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
