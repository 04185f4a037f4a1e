import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { getCountries } from 'libphonenumber-js';
import { DatabaseServiceConfig } from '@complaints/config';

export class IntakeHotlineConfig extends DatabaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  INTAKE_HOTLINE_PORT: number = 3002;

  /** `<callcenterId>:<secret>` pairs, comma-separated; repeat an id to keep two secrets active while rotating. */
  @IsString()
  @IsNotEmpty()
  HOTLINE_SECRETS: string;

  /** `<callcenterId>:<url>` pairs: where each call centre wants its status callbacks. None: no callbacks. */
  @IsString()
  HOTLINE_CALLBACK_URLS: string = '';

  /** Accepted distance between X-Timestamp and the server clock, against replays. */
  @IsInt()
  @Min(1)
  @Max(3_600)
  HOTLINE_TIMESTAMP_TOLERANCE_SEC: number = 300;

  @IsInt()
  @Min(1)
  @Max(5_000)
  HOTLINE_MAX_CALLS_PER_BATCH: number = 500;

  @IsInt()
  @Min(1_024)
  @Max(64 * 1024 * 1024)
  HOTLINE_MAX_BODY_BYTES: number = 8 * 1024 * 1024;

  /** Country of caller numbers that carry no country code (ISO 3166 alpha-2). */
  @IsIn(getCountries())
  HOTLINE_DEFAULT_COUNTRY: string = 'CN';

  @IsInt()
  @Min(1)
  @Max(100)
  HOTLINE_CALLBACK_MAX_ATTEMPTS: number = 10;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  HOTLINE_CALLBACK_BACKOFF_MS: number = 2_000;

  @IsInt()
  @Min(1)
  @Max(86_400_000)
  HOTLINE_CALLBACK_MAX_BACKOFF_MS: number = 600_000;

  @IsInt()
  @Min(100)
  @Max(120_000)
  HOTLINE_CALLBACK_TIMEOUT_MS: number = 5_000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  HOTLINE_CALLBACK_POLL_MS: number = 1_000;

  @IsString()
  @IsNotEmpty()
  PII_KEYS: string;

  @IsString()
  @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;
}
