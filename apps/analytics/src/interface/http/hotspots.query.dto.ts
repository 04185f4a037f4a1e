import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class HotspotsQueryDto {
  @ApiPropertyOptional({ enum: ['spike', 'term'], description: 'Only spikes of a subject, or only emerging terms' })
  @IsOptional()
  @IsIn(['spike', 'term'])
  kind?: 'spike' | 'term';

  @ApiPropertyOptional({
    description: 'Alerts raised at or after this time (ISO 8601); default the last 24 hours',
    example: '2026-11-29T08:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'At most this many alerts, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
