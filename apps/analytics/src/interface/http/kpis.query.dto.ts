import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { GROUP_BY_DIMENSIONS, GroupByDimension } from '../../domain/kpi-dimensions';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class KpisQueryDto {
  @ApiProperty({ description: 'First day (YYYY-MM-DD, Asia/Shanghai) of the complaints counted, by day received', example: '2026-10-01' })
  @IsString()
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @ApiProperty({ description: 'Last day (YYYY-MM-DD, Asia/Shanghai, included)', example: '2026-12-31' })
  @IsString()
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ enum: GROUP_BY_DIMENSIONS, description: 'Break the KPIs down by this dimension' })
  @IsOptional()
  @IsIn(GROUP_BY_DIMENSIONS)
  groupBy?: GroupByDimension;
}
