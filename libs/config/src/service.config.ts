import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** Settings every service has. Names are environment variable names (see .env.example). */
export class ServiceConfig {
  /** Unset means production: development defaults and development-only features need development or test, explicitly. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'production';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Interface the HTTP server binds to (development and test: 127.0.0.1 unless set). */
  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated host:port list' })
  KAFKA_BROKERS: string;

  /** How long a publish may wait for acks=all before the caller is told 503. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  KAFKA_SEND_TIMEOUT_MS: number = 10_000;

  @IsInt()
  @Min(1)
  @Max(1_000)
  KAFKA_TOPIC_PARTITIONS: number = 6;

  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR: number = 1;

  /**
   * Bearer token Prometheus sends for `GET /metrics` (at least 32 characters). Without it, `/metrics`
   * is served only outside production (development, test); in production it answers 404.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }
}

/** Settings of services that own a PostgreSQL schema. */
export class DatabaseServiceConfig extends ServiceConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;
}

/**
 * Settings of services with a staff API (cases, router, analytics): how staff tokens are verified. A token
 * must be signed with an asymmetric key (ES256, EdDSA, RS256, PS256) found in STAFF_TOKEN_PUBLIC_KEY or at
 * STAFF_TOKEN_JWKS_URL, name STAFF_TOKEN_ISSUER and STAFF_TOKEN_AUDIENCE, and carry `iat` and `exp` at most
 * STAFF_TOKEN_MAX_LIFETIME_SEC apart.
 */
export class StaffApiServiceConfig extends DatabaseServiceConfig {
  /** The `iss` staff tokens must name (the cases service, which signs them, or the identity provider). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  STAFF_TOKEN_ISSUER: string;

  /** The `aud` staff tokens must name (the staff API). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  STAFF_TOKEN_AUDIENCE: string;

  /** Longest accepted lifetime of a staff token (exp - iat), and the oldest accepted `iat`. */
  @IsInt()
  @Min(60)
  @Max(86_400)
  STAFF_TOKEN_MAX_LIFETIME_SEC: number = 8 * 3600;

  /** Allowed clock skew when checking exp, nbf and iat. */
  @IsInt()
  @Min(0)
  @Max(300)
  STAFF_TOKEN_CLOCK_TOLERANCE_SEC: number = 30;

  /** PEM public key(s) that sign staff tokens ("BEGIN PUBLIC KEY" blocks, several while keys rotate); `\n` escapes allowed. */
  @IsOptional()
  @Matches(/^(\s|\\n)*-----BEGIN PUBLIC KEY-----/, {
    message: 'STAFF_TOKEN_PUBLIC_KEY must be PEM public keys (-----BEGIN PUBLIC KEY-----)',
  })
  STAFF_TOKEN_PUBLIC_KEY?: string;

  /** Where the keys that sign staff tokens are published (JWKS): the cases service's /.well-known/jwks.json or the identity provider's. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  STAFF_TOKEN_JWKS_URL?: string;
}
