import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { NUMERIC_BOUNDS } from '@complaints/http';
import { RoutingRuleDto } from './routing-rule.dto';

export class ReplaceRulesDto {
  @ApiProperty({ description: 'The active version this change was made from; another version answers 409.', example: 1 })
  @IsInt()
  @Min(1)
  @Max(NUMERIC_BOUNDS.int4)
  expectedVersion: number;

  @ApiProperty({ description: 'Why the rules change (kept in the audit trail).', example: 'Mortgages move to a new team' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  comment: string;

  @ApiProperty({ type: [RoutingRuleDto], description: 'The whole ordered list; first match wins; the last rule must be a catch-all.' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules: RoutingRuleDto[];
}

export class RestoreRulesDto {
  @ApiProperty({ description: 'The active version this rollback was decided from; another version answers 409.', example: 3 })
  @IsInt()
  @Min(1)
  @Max(NUMERIC_BOUNDS.int4)
  expectedVersion: number;

  @ApiProperty({ description: 'Why (kept in the audit trail).', example: 'Version 3 misroutes mortgages' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  comment: string;
}
