import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_PATTERN } from '../../domain/report-period';

const PERIOD_MESSAGE = 'period must be YYYY, YYYYQn or YYYY-MM (e.g. 2026, 2026Q4, 2026-11)';

export class PeriodQueryDto {
  @ApiProperty({ description: 'YYYY, YYYYQn or YYYY-MM; days in Asia/Shanghai', example: '2026Q4' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period: string;
}

export class ReportQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';
}
