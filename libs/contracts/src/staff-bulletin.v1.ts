import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CORRECTIVE_ACTION_CATEGORIES, CorrectiveActionCategory, ROOT_CAUSE_CATEGORIES, RootCauseCategory } from './closure-categories';
import { EventEnvelope } from './event-envelope';
import { HOTSPOT_KINDS, HotspotKind, SPIKE_DIMENSIONS, SpikeDimensionV1 } from './hotspot-alert.v1';
import { Topics } from './topics';

/**
 * The measures of the supervision group's scorecard (definitions in apps/analytics/KPIS.md): shares
 * of cases or complaints, and the mean satisfaction score (1-5).
 */
export const SCORECARD_MEASURES = [
  'firstFeedbackWithin48h',
  'decidedWithin15d',
  'breachRate',
  'escalationRate',
  'reopenRate',
  'satisfactionMean',
  'satisfactionResponseRate',
  'repeatRate',
] as const;
export type ScorecardMeasure = (typeof SCORECARD_MEASURES)[number];

/**
 * How a measure stands against its targets: `met`, `watch` (between the target and the watch line),
 * `missed`; `pending` while a timeliness share is still below target but its complaints' clocks are
 * still running (it can only grow); `no-data` when there is nothing to divide by.
 */
export const MEASURE_RATINGS = ['met', 'watch', 'missed', 'pending', 'no-data'] as const;
export type MeasureRating = (typeof MEASURE_RATINGS)[number];

/** A YYYY-Www ISO week (Monday to Sunday, Asia/Shanghai days). */
export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A count this period and the period before. */
export class CountChangeV1 {
  @IsInt()
  @Min(0)
  value: number;

  @IsInt()
  @Min(0)
  previous: number;

  @IsInt()
  change: number;
}

/** One measure of one row: value this period and the period before (null: nothing to divide by). */
export class MeasureScoreV1 {
  @IsIn(SCORECARD_MEASURES)
  measure: ScorecardMeasure;

  @IsOptional()
  @IsNumber()
  value: number | null;

  @IsOptional()
  @IsNumber()
  previous: number | null;

  /** value - previous (null when either is null). */
  @IsOptional()
  @IsNumber()
  change: number | null;

  /** The target (met at or beyond it) and the watch line (missed beyond it). */
  @IsNumber()
  target: number;

  @IsNumber()
  watch: number;

  /** Whether higher values are better. */
  @IsBoolean()
  higherIsBetter: boolean;

  @IsIn(MEASURE_RATINGS)
  rating: MeasureRating;

  /** The complaints' clocks of this measure still run (it may still grow). */
  @IsBoolean()
  provisional: boolean;
}

/** A department's row (or `ALL`, every department together). */
export class ScorecardRowV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  key: string;

  @IsObject()
  @ValidateNested()
  @Type(() => CountChangeV1)
  volume: CountChangeV1;

  @IsObject()
  @ValidateNested()
  @Type(() => CountChangeV1)
  cases: CountChangeV1;

  @IsArray()
  @ArrayMaxSize(SCORECARD_MEASURES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MeasureScoreV1)
  measures: MeasureScoreV1[];
}

export class ScorecardV1 {
  /** The period compared with: as many days, just before. */
  @Matches(DAY)
  previousFrom: string;

  @Matches(DAY)
  previousTo: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ScorecardRowV1)
  total: ScorecardRowV1;

  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScorecardRowV1)
  departments: ScorecardRowV1[];
}

/** A hot-spot alert raised in the week (the full alert was published on `analytics.alerts.v1`). */
export class BulletinHotspotV1 {
  @IsUUID()
  alertId: string;

  @IsIn(HOTSPOT_KINDS)
  kind: HotspotKind;

  @IsOptional()
  @IsIn(SPIKE_DIMENSIONS)
  dimension?: SpikeDimensionV1;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @IsInt()
  @Min(0)
  observed: number;

  @IsNumber()
  @Min(0)
  expected: number;

  @IsISO8601({ strict: true })
  raisedAt: string;
}

export class RootCauseCountV1 {
  @IsIn(ROOT_CAUSE_CATEGORIES)
  category: RootCauseCategory;

  @IsInt()
  @Min(1)
  count: number;
}

export class CorrectiveActionCountV1 {
  @IsIn(CORRECTIVE_ACTION_CATEGORIES)
  category: CorrectiveActionCategory;

  @IsInt()
  @Min(1)
  count: number;
}

/** What the cases closed in the week found and changed (categories of their root causes and corrective actions). */
export class BulletinImprovementsV1 {
  @IsInt()
  @Min(0)
  closedCases: number;

  @IsArray()
  @ArrayMaxSize(ROOT_CAUSE_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RootCauseCountV1)
  rootCauses: RootCauseCountV1[];

  @IsArray()
  @ArrayMaxSize(CORRECTIVE_ACTION_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CorrectiveActionCountV1)
  correctiveActions: CorrectiveActionCountV1[];
}

/**
 * `analytics.bulletins.v1`: the weekly staff bulletin of one ISO week (Monday to Sunday, Asia/Shanghai):
 * the scorecard of the complaints received that week against the week before (its `total` row is the
 * headline), the hot-spot alerts raised in the week and the improvements of the cases closed in it.
 * One per week, keyed by `week`; `eventId` is the bulletin's id, so a redelivery can be dropped.
 */
export class StaffBulletinV1 extends EventEnvelope {
  static readonly topic = Topics.bulletinsV1;
  static readonly type = 'analytics.bulletin';

  @Equals(StaffBulletinV1.type)
  override eventType: typeof StaffBulletinV1.type;

  @Matches(ISO_WEEK_PATTERN)
  week: string;

  /** First and last day of the week (YYYY-MM-DD). */
  @Matches(DAY)
  from: string;

  @Matches(DAY)
  to: string;

  @IsString()
  @IsNotEmpty()
  timeZone: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ScorecardV1)
  scorecard: ScorecardV1;

  /** Newest first; at most 50 (`hotspotsTotal` says how many were raised). */
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BulletinHotspotV1)
  hotspots: BulletinHotspotV1[];

  @IsInt()
  @Min(0)
  hotspotsTotal: number;

  @IsObject()
  @ValidateNested()
  @Type(() => BulletinImprovementsV1)
  improvements: BulletinImprovementsV1;
}
