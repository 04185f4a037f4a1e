import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { SCORECARD_PERIOD_PATTERN } from '../../domain/scorecard/scorecard-period';

export class ScorecardQueryDto {
  @ApiProperty({
    description: 'YYYY, YYYYQn, YYYY-MM or an ISO week YYYY-Www (Monday to Sunday); days in Asia/Shanghai',
    example: '2026-W48',
  })
  @IsString()
  @Matches(SCORECARD_PERIOD_PATTERN, { message: 'period must be YYYY, YYYYQn, YYYY-MM or YYYY-Www (e.g. 2026, 2026Q4, 2026-11, 2026-W48)' })
  period: string;
}
