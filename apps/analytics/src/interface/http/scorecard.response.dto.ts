import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_RATINGS, SCORECARD_MEASURES } from '@complaints/contracts';

export class CountChangeDto {
  @ApiProperty() value: number;
  @ApiProperty({ description: 'In the previous period' }) previous: number;
  @ApiProperty({ description: 'value - previous' }) change: number;
}

export class MeasureScoreDto {
  @ApiProperty({ enum: SCORECARD_MEASURES }) measure: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Share (0-1) or mean score (1-5); null with nothing to divide by' }) value:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) previous: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value - previous' }) change: number | null;
  @ApiProperty({ description: 'Met at or beyond it' }) target: number;
  @ApiProperty({ description: 'Missed beyond it; between the two: watch' }) watch: number;
  @ApiProperty() higherIsBetter: boolean;
  @ApiProperty({ enum: MEASURE_RATINGS, description: 'pending: a timeliness share short of its target while its clocks still run' })
  rating: string;
  @ApiProperty({ description: 'The period ended less than 48 h (feedback) or 15 days (decision) ago: the share may still grow' })
  provisional: boolean;
}

export class ScorecardRowDto {
  @ApiProperty({ example: 'CARD_CENTER', description: 'A department, or ALL' }) key: string;
  @ApiProperty({ type: CountChangeDto, description: 'Complaints received' }) volume: CountChangeDto;
  @ApiProperty({ type: CountChangeDto, description: 'Of them, with a case of their own' }) cases: CountChangeDto;
  @ApiProperty({ type: [MeasureScoreDto] }) measures: MeasureScoreDto[];
}

export class ScorecardResponseDto {
  @ApiProperty({ example: '2026-W48' }) period: string;
  @ApiProperty({ example: '2026-11-23' }) from: string;
  @ApiProperty({ example: '2026-11-29' }) to: string;
  @ApiProperty({ example: '2026-11-16', description: 'The period compared with: as many days just before' }) previousFrom: string;
  @ApiProperty({ example: '2026-11-22' }) previousTo: string;
  @ApiProperty({ format: 'date-time', description: 'When the figures were read (recent periods grow as cases are worked)' }) asOf: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ type: ScorecardRowDto, description: 'Every department together' }) total: ScorecardRowDto;
  @ApiProperty({ type: [ScorecardRowDto], description: 'Each department' }) departments: ScorecardRowDto[];
}
