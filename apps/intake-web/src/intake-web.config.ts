import { IsInt, IsNotEmpty, IsString, IsUrl, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

export class IntakeWebConfig extends DatabaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  INTAKE_WEB_PORT: number = 3001;

  /** Complaints per minute per client address; 0 lifts the limit (load tests, benchmarks on loopback). */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  INTAKE_RATE_LIMIT_PER_MIN: number = 30;

  /**
   * Look-ups and ratings of one reference (both endpoints together, every instance) that may fail
   * before it is locked for INTAKE_WEB_GUESS_LOCK_SECONDS: the last four digits are otherwise 10,000 guesses.
   */
  @IsInt()
  @Min(1)
  @Max(100)
  INTAKE_WEB_GUESS_MAX_ATTEMPTS: number = 5;

  /** How long a locked reference refuses every look-up and rating (429 with Retry-After); also the period attempts are counted over. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  INTAKE_WEB_GUESS_LOCK_SECONDS: number = 900;

  @IsString()
  @IsNotEmpty()
  PII_KEYS: string;

  @IsString()
  @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;

  /**
   * Where the customer site's pages read the public transparency report (the analytics service, as
   * the visitor's browser reaches it). Told to the pages by `GET /v1/site/config` and allowed in their
   * CSP connect-src; analytics must list this site's origin in ANALYTICS_PUBLIC_CORS_ORIGINS.
   */
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  INTAKE_WEB_ANALYTICS_URL: string = 'http://127.0.0.1:3008';

  /**
   * Keys of the pre-signed evidence links the cases service hands staff (`GET /v1/evidence/{attachmentId}`):
   * `<keyId>:<secret>` pairs, comma-separated, the same value as the cases service's; the first signs, all verify (rotation).
   */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_LINK_SECRET: string;
}
