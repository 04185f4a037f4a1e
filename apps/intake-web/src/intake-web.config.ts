import { IsInt, IsNotEmpty, IsString, IsUrl, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

export class IntakeWebConfig extends DatabaseServiceConfig {
  @IsInt() @Min(0) @Max(65_535)
  INTAKE_WEB_PORT: number = 3001;

  /** Complaints per minute per client address; 0 lifts the limit (load tests, benchmarks on loopback). */
  @IsInt() @Min(0) @Max(1_000_000)
  INTAKE_RATE_LIMIT_PER_MIN: number = 30;

  @IsString() @IsNotEmpty()
  PII_KEYS: string;

  @IsString() @IsNotEmpty()
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
  @IsString() @IsNotEmpty()
  EVIDENCE_LINK_SECRET: string;
}
