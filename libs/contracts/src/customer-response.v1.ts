import { Type } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { v5 as uuidv5 } from 'uuid';
import { REFERENCE_PATTERN } from './complaint-reference';
import { EventEnvelope } from './event-envelope';
import { CHANNELS, Channel } from './taxonomy';
import { Topics } from './topics';

/** Who answered, as their channel knows them; cases finds their case by it when no reference is given. */
export class CustomerIdentityV1 {
  @IsOptional()
  @IsString()
  @MaxLength(128)
  customerId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  openId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  uid?: string;
}

export class SatisfactionV1 {
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @IsOptional()
  @IsString()
  @MaxLength(2_000)
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
  @IsOptional()
  @Matches(REFERENCE_PATTERN)
  reference?: string;

  @IsOptional()
  @IsUUID()
  complaintId?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => CustomerIdentityV1)
  identity: CustomerIdentityV1;

  @IsObject()
  @ValidateNested()
  @Type(() => SatisfactionV1)
  satisfaction: SatisfactionV1;

  @IsISO8601({ strict: true })
  receivedAt: string;
}

/** Namespace of deterministic customer-response event ids (UUIDv5). Never change it: ids would stop matching. */
export const CUSTOMER_RESPONSE_ID_NAMESPACE = 'b3c5e0f2-8a4d-5c61-9e27-4d1f6a8b2c90';

/**
 * The event id of an answer that came as a channel message: deterministic from the channel and the
 * platform's message id, so a redelivered message is the same response (cases records it once).
 */
export function customerResponseIdFor(channel: Channel, messageId: string): string {
  return uuidv5(`${channel}|${messageId}`, CUSTOMER_RESPONSE_ID_NAMESPACE);
}

export interface SatisfactionResponseFields {
  eventId: string;
  /** The producing service, e.g. `intake-social`. */
  source: string;
  channel: Channel;
  reference: string;
  complaintId?: string;
  identity?: CustomerIdentityV1;
  score: number;
  comment?: string;
  correlationId: string;
  receivedAt: Date;
}

/** A satisfaction answer as `complaints.customer-responses.v1` carries it. */
export function satisfactionResponse(fields: SatisfactionResponseFields): CustomerResponseV1 {
  const at = fields.receivedAt.toISOString();
  return Object.assign(new CustomerResponseV1(), {
    eventId: fields.eventId,
    eventType: CustomerResponseV1.type,
    eventVersion: 1 as const,
    occurredAt: at,
    correlationId: fields.correlationId,
    causationId: null,
    source: fields.source,
    kind: 'satisfaction' as const,
    channel: fields.channel,
    reference: fields.reference,
    ...(fields.complaintId ? { complaintId: fields.complaintId } : {}),
    identity: fields.identity ?? {},
    satisfaction: { score: fields.score, ...(fields.comment ? { comment: fields.comment } : {}) },
    receivedAt: at,
  });
}

/**
 * The Kafka key of a response: its complaintId when the intake knows it, else its reference, else the
 * customer's identity on the channel, so one case's (or one customer's) answers stay in order.
 */
export function customerResponseKey(response: Pick<CustomerResponseV1, 'complaintId' | 'reference' | 'identity' | 'channel'>): string {
  const { customerId, openId, uid } = response.identity;
  return response.complaintId ?? response.reference ?? `${response.channel}:${customerId ?? openId ?? uid ?? ''}`;
}

/**
 * Who answered, as one key for "one answer per case and customer": `customerId:…`, `openId:…` or
 * `uid:…` (the same precedence as customerResponseKey); null when the answer came with no identity
 * (the web survey page, an SMS reply from the case's phone), i.e. from the case's own customer.
 */
export function customerIdentityKey(identity: CustomerIdentityV1): string | null {
  if (identity.customerId) return `customerId:${identity.customerId}`;
  if (identity.openId) return `openId:${identity.openId}`;
  if (identity.uid) return `uid:${identity.uid}`;
  return null;
}
