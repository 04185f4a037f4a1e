import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { REFERENCE_PATTERN } from './complaint-reference';
import { EventEnvelope } from './event-envelope';
import { Topics } from './topics';

export const HOTSPOT_KINDS = ['spike', 'term'] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

export const SPIKE_DIMENSIONS = ['product-reason', 'department', 'channel', 'branch'] as const;
export type SpikeDimensionV1 = (typeof SPIKE_DIMENSIONS)[number];

/**
 * `analytics.alerts.v1`: a hot spot the analytics service raised: a spike of one subject's complaint
 * count against its own baseline, or a term suddenly in many complaints. Keyed by `key`. `eventId` is
 * the alert's id: a consumer that sees it twice (at-least-once delivery) drops the second.
 */
export class HotspotAlertV1 extends EventEnvelope {
  static readonly topic = Topics.alertsV1;
  static readonly type = 'analytics.hotspot';

  @Equals(HotspotAlertV1.type)
  override eventType: typeof HotspotAlertV1.type;

  /** What the alert is about, stable while it stays hot: `spike:<dimension>:<subject>` or `term:<subject>`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  key: string;

  @IsIn(HOTSPOT_KINDS)
  kind: HotspotKind;

  /** `new`: the subject was not hot; `grown`: it was, and its count has at least doubled since it was raised. */
  @IsIn(['new', 'grown'])
  raise: 'new' | 'grown';

  /** Spikes only. */
  @IsOptional()
  @IsIn(SPIKE_DIMENSIONS)
  dimension?: SpikeDimensionV1;

  /** The term, or the spike's subject ("CREDIT_CARD/FEES", "FRAUD", "wechat", a branch). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  /** The window the alert is about: [since, until]. */
  @IsISO8601({ strict: true })
  since: string;

  @IsISO8601({ strict: true })
  until: string;

  @IsInt()
  @Min(0)
  observed: number;

  @IsNumber()
  @Min(0)
  expected: number;

  @IsNumber()
  @Min(0)
  ratio: number;

  @IsNumber()
  @Min(0)
  pValue: number;

  @IsNumber()
  @Min(0)
  threshold: number;

  /** References of some of the window's complaints, most recent first. */
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(REFERENCE_PATTERN, { each: true })
  samples: string[];
}
