import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ComplaintV1 } from './complaint.v1';
import { EventEnvelope } from './event-envelope';
import {
  DEPARTMENTS,
  Department,
  PRIORITIES,
  PRODUCTS,
  Priority,
  Product,
  REASONS,
  Reason,
  SERVICE_POINTS,
  ServicePoint,
} from './taxonomy';
import { Topics } from './topics';

export class CategoryV1 {
  @IsIn(PRODUCTS)
  product: Product;

  @IsIn(REASONS)
  reason: Reason;

  @IsIn(SERVICE_POINTS)
  servicePoint: ServicePoint;
}

/** Confidence of each decision, 0..1. */
export class ConfidenceV1 {
  @IsNumber() @Min(0) @Max(1) product: number;
  @IsNumber() @Min(0) @Max(1) reason: number;
  @IsNumber() @Min(0) @Max(1) servicePoint: number;
  @IsNumber() @Min(0) @Max(1) escalation: number;
  @IsNumber() @Min(0) @Max(1) priority: number;
}

export class RoutingDecisionV1 {
  @IsIn(DEPARTMENTS)
  department: Department;

  @IsObject()
  @ValidateNested()
  @Type(() => CategoryV1)
  category: CategoryV1;

  @IsIn(PRIORITIES)
  priority: Priority;

  @IsBoolean()
  escalation: boolean;

  /** Set when confidence is too low to route automatically: the case goes to human triage. */
  @IsBoolean()
  needsTriage: boolean;

  @IsObject()
  @ValidateNested()
  @Type(() => ConfidenceV1)
  confidence: ConfidenceV1;

  /** The routing rule that matched (first match wins) and the version of the rule set. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  ruleId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  rulesVersion: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  classifierVersion: string;

  /** The domain terms that drove the classification, for explanation. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  matchedTerms: string[];

  /**
   * The open case of the same customer on the same matter this complaint is merged into: set only when
   * both complaints share an identity their channels verified (see `CustomerV1.verifiedIdentities`).
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  linkedCaseReference?: string;

  /**
   * An open case that looks related (same matter, an unverified identity such as a typed phone in
   * common): for handlers only. It never merges, never changes that case and is never shown to customers.
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  relatedCaseReference?: string;

  /** The handler the router assigned (their staff id), when the department has one who fits; else the department's queue. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  assignee?: string;

  @IsISO8601({ strict: true })
  routedAt: string;
}

/** `complaints.routed.v1`: the complaint with the router's decision. */
export class ComplaintRoutedV1 extends EventEnvelope {
  static readonly topic = Topics.complaintRoutedV1;
  static readonly type = 'complaint.routed';

  @Equals(ComplaintRoutedV1.type)
  override eventType: typeof ComplaintRoutedV1.type;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintV1)
  complaint: ComplaintV1;

  @IsObject()
  @ValidateNested()
  @Type(() => RoutingDecisionV1)
  routing: RoutingDecisionV1;
}
