import { Type } from 'class-transformer';
import { Equals, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { REFERENCE_PATTERN } from './complaint-reference';
import { EventEnvelope } from './event-envelope';
import { CHANNELS, Channel } from './taxonomy';
import { Topics } from './topics';

/** Who answered, as their channel knows them; cases finds their case by it when no reference is given. */
export class CustomerIdentityV1 {
  @IsOptional() @IsString() @MaxLength(128)
  customerId?: string;

  @IsOptional() @IsString() @MaxLength(128)
  openId?: string;

  @IsOptional() @IsString() @MaxLength(128)
  uid?: string;
}

export class SatisfactionV1 {
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  @IsInt() @Min(1) @Max(5)
  score: number;

  @IsOptional() @IsString() @MaxLength(2_000)
  comment?: string;
}

/**
 * `complaints.customer-responses.v1`: a customer's answer about an existing case, from any channel:
 * today the satisfaction survey (a score from the web survey page, or a reply such as 满意 / 3 on
 * WeChat, Weibo or in the app). Keyed by complaintId when the intake knows it, else by the identity.
 */
export class CustomerResponseV1 extends EventEnvelope {
  static readonly topic = Topics.customerResponsesV1;
  static readonly type = 'customer.response';

  @Equals(CustomerResponseV1.type)
  override eventType: typeof CustomerResponseV1.type;

  @IsIn(['satisfaction'])
  kind: 'satisfaction';

  @IsIn(CHANNELS)
  channel: Channel;

  /** The case answered, when the channel knows it. */
  @IsOptional() @Matches(REFERENCE_PATTERN)
  reference?: string;

  @IsOptional() @IsUUID()
  complaintId?: string;

  @ValidateNested() @Type(() => CustomerIdentityV1)
  identity: CustomerIdentityV1;

  @ValidateNested() @Type(() => SatisfactionV1)
  satisfaction: SatisfactionV1;

  @IsISO8601({ strict: true })
  receivedAt: string;
}
