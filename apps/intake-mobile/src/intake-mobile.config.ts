import { IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

export class IntakeMobileConfig extends DatabaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  INTAKE_MOBILE_PORT: number = 3003;

  /** HS256 shared secret of app tokens: development and test only (a development default applies there); refused in production. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @ValidateBy({
    name: 'notInProduction',
    validator: {
      validate: (_: unknown, args) => (args?.object as IntakeMobileConfig).NODE_ENV !== 'production',
      defaultMessage: () => 'MOBILE_JWT_SECRET (HS256) is refused when NODE_ENV=production: use MOBILE_JWT_PUBLIC_KEY or MOBILE_JWKS_URL',
    },
  })
  MOBILE_JWT_SECRET?: string;

  /** RS256 public key of app tokens (PEM, SPKI "BEGIN PUBLIC KEY"); `\n` escapes allowed. Not with MOBILE_JWKS_URL. */
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'MOBILE_JWT_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)' })
  MOBILE_JWT_PUBLIC_KEY?: string;

  /** Where the identity provider publishes its RS256 signing keys (JWKS). Not with MOBILE_JWT_PUBLIC_KEY. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  MOBILE_JWKS_URL?: string;

  /** Least seconds between two fetches of the JWKS; a token with an unknown kid (key rotation) triggers one. */
  @IsInt()
  @Min(0)
  @Max(3_600)
  MOBILE_JWKS_COOLDOWN_SEC: number = 30;

  /** Required `iss` of app tokens, when set; must be set in production. */
  @ValidateIf((c: IntakeMobileConfig) => c.NODE_ENV === 'production' || c.MOBILE_JWT_ISSUER !== undefined)
  @IsString()
  @IsNotEmpty()
  MOBILE_JWT_ISSUER?: string;

  /** Required `aud` of app tokens, when set; must be set in production. */
  @ValidateIf((c: IntakeMobileConfig) => c.NODE_ENV === 'production' || c.MOBILE_JWT_AUDIENCE !== undefined)
  @IsString()
  @IsNotEmpty()
  MOBILE_JWT_AUDIENCE?: string;

  /** Allowed clock skew when checking exp and nbf. */
  @IsInt()
  @Min(0)
  @Max(300)
  MOBILE_JWT_CLOCK_TOLERANCE_SEC: number = 30;

  /** Requests per minute per customer (token sub), per replica; 0 lifts the limit. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  MOBILE_RATE_LIMIT_PER_MIN: number = 60;

  @IsInt()
  @Min(0)
  @Max(20)
  MOBILE_MAX_ATTACHMENTS: number = 5;

  @IsInt()
  @Min(1_024)
  @Max(50 * 1024 * 1024)
  MOBILE_MAX_ATTACHMENT_BYTES: number = 10 * 1024 * 1024;

  @IsString()
  @IsNotEmpty()
  PII_KEYS: string;

  @IsString()
  @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;

  /**
   * Keys of the pre-signed evidence links the cases service hands staff (`GET /v1/evidence/{attachmentId}`):
   * `<keyId>:<secret>` pairs, comma-separated, the same value as the cases service's; the first signs, all verify (rotation).
   */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_LINK_SECRET: string;
}
