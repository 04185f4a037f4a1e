import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEPARTMENTS, Department, PRIORITIES, Priority } from '@complaints/contracts';
import { CASE_STATUSES, CaseStatus } from '../../domain/case-status';

export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: DEPARTMENTS })
  @IsOptional() @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional() @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional() @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit = 50;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset = 0;
}
