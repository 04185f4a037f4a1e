import { IsInt, IsNotEmpty, IsString, Max, Min, MinLength } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

export class CasesConfig extends DatabaseServiceConfig {
  @IsInt() @Min(0) @Max(65_535)
  CASES_PORT: number = 3006;

  /** HS256 secret of staff tokens. */
  @IsString() @IsNotEmpty() @MinLength(12)
  STAFF_JWT_SECRET: string;
}
