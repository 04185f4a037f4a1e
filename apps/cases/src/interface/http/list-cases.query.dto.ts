import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEPARTMENTS, Department, PRIORITIES, Priority } from '@complaints/contracts';
import { NUMERIC_BOUNDS } from '@complaints/http';
import { CASE_STATUSES, CaseStatus } from '../../domain/case-status';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCasesQueryDto {
  @ApiPropertyOptional({ enum: DEPARTMENTS })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ description: 'Handler id; `me` for the caller' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  assignee?: string;

  @ApiPropertyOptional({ description: 'Only cases nobody holds yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ description: 'Only cases with a feedback or decision due within this many hours (negative: overdue)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(-24 * 60)
  @Max(24 * 60)
  dueWithinHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ minimum: 0, maximum: NUMERIC_BOUNDS.listOffset, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(NUMERIC_BOUNDS.listOffset)
  offset = 0;
}
