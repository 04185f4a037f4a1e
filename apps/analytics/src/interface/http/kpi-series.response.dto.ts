import { ApiProperty } from '@nestjs/swagger';
import { GROUP_BY_DIMENSIONS, GroupByDimension } from '../../domain/kpi-dimensions';

class SeriesBreachesDto {
  @ApiProperty({ description: 'case.sla_breached events of the first-feedback clock' }) feedback: number;
  @ApiProperty({ description: 'case.sla_breached events of the decision clock' }) decision: number;
  @ApiProperty({ description: 'Complaints with at least one breach' }) complaints: number;
}

/** One day of one group (definitions in apps/analytics/KPIS.md). */
export class KpiSeriesPointDto {
  @ApiProperty({ example: '2026-11-29', description: 'Asia/Shanghai day of receipt' }) day: string;
  @ApiProperty({ description: 'Complaints received that day' }) volume: number;
  @ApiProperty({ description: 'Of them, with a case of their own' }) cases: number;
  @ApiProperty({ description: 'Cases whose first feedback came within 48 h (net of pauses)' }) firstFeedbackWithin48h: number;
  @ApiProperty({ description: 'Cases decided within 15 days (net of pauses)' }) decidedWithin15d: number;
  @ApiProperty({ type: SeriesBreachesDto }) breaches: SeriesBreachesDto;
  @ApiProperty({ type: Number, nullable: true, description: 'breaches.complaints over cases, 4 decimals; null without cases' })
  breachedShare: number | null;
}

export class KpiSeriesDto {
  @ApiProperty({ example: 'CARD_CENTER', description: 'The value of the groupBy dimension (UNKNOWN: not known yet), or * without groupBy' })
  key: string;
  @ApiProperty({ type: [KpiSeriesPointDto], description: 'One point per day of `days`, in order' }) points: KpiSeriesPointDto[];
}

export class KpiSeriesResponseDto {
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: ['day'] }) interval: 'day';
  @ApiProperty({ enum: GROUP_BY_DIMENSIONS, nullable: true }) groupBy: GroupByDimension | null;
  @ApiProperty({ type: [String], description: 'Every day of the period, in order' }) days: string[];
  @ApiProperty({ type: [KpiSeriesDto], description: 'The groups that received complaints in the period, by key' }) series: KpiSeriesDto[];
}
