import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
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
}
