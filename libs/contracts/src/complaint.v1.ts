import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { REFERENCE_PATTERN } from './complaint-reference';
import { CHANNELS, Channel, PRODUCTS, Product } from './taxonomy';

/** Personal data travels as `pii:v1:<keyId>:<iv>:<tag>:<ciphertext>` (AES-GCM), never in clear. */
export const ENCRYPTED_VALUE = /^pii:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/;

export class ComplaintSourceV1 {
  /** The system the complaint came from, e.g. `web-form`, a call-centre id, a WeChat app id. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  system: string;

  /** The channel's own message/call id when it has one (dedupe key), else null. */
  @IsOptional()
  @IsString()
  @MaxLength(256)
  messageId: string | null;

  @IsISO8601({ strict: true })
  receivedAt: string;
}

export class CustomerContactV1 {
  @IsOptional()
  @Matches(ENCRYPTED_VALUE)
  phone?: string;

  /** Last four digits of the phone, for status look-ups and for staff to confirm identity. */
  @IsOptional()
  @Matches(/^\d{4}$/)
  phoneLast4?: string;

  @IsOptional()
  @Matches(ENCRYPTED_VALUE)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  openId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  uid?: string;
}

/** The identities of `CustomerV1` a channel can vouch for. */
export const VERIFIABLE_IDENTITIES = ['customerId', 'openId', 'uid', 'phone'] as const;
export type VerifiableIdentity = (typeof VERIFIABLE_IDENTITIES)[number];

export class CustomerV1 {
  @IsOptional()
  @IsString()
  @MaxLength(128)
  customerId?: string;

  /**
   * The identities the channel verified: the app's signed-in `sub` (customerId), the WeChat openId or
   * Weibo uid the platform delivered, a caller the call centre verified (phone, and customerId when
   * given). Absent means none: a phone typed into a form is not an identity. Only verified identities
   * merge complaints into one case; an unverified match is shown to handlers as related, nothing more.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VERIFIABLE_IDENTITIES.length)
  @IsIn(VERIFIABLE_IDENTITIES, { each: true })
  verifiedIdentities?: VerifiableIdentity[];

  @IsOptional()
  @Matches(ENCRYPTED_VALUE)
  name?: string;

  @IsOptional()
  @Matches(ENCRYPTED_VALUE)
  idNumber?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => CustomerContactV1)
  contact: CustomerContactV1;
}

export class TranscriptTurnV1 {
  @IsIn(['customer', 'agent'])
  speaker: 'customer' | 'agent';

  @IsString()
  @MaxLength(20_000)
  text: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  offsetMs?: number;
}

export class AttachmentV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  contentType: string;

  @IsInt()
  @Min(0)
  sizeBytes: number;

  @Matches(/^[0-9a-f]{64}$/)
  sha256: string;
}

export class ComplaintContentV1 {
  /** What the customer said, with card and ID numbers masked. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text: string;

  @IsIn(['zh', 'en', 'other'])
  language: 'zh' | 'en' | 'other';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2_000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TranscriptTurnV1)
  transcript?: TranscriptTurnV1[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentV1)
  attachments?: AttachmentV1[];
}

export class MoneyV1 {
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  value: number;

  @Matches(/^[A-Z]{3}$/)
  currency: string;
}

export class ComplaintContextV1 {
  /** The product the customer picked, if any: a hint for the classifier, not a decision. */
  @IsOptional()
  @IsIn(PRODUCTS)
  productHint?: Product;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  accountRef?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  branch?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyV1)
  amount?: MoneyV1;

  /** Channel-specific extras (queue, agent id, disposition...), flat string values only. */
  @IsOptional()
  @IsObject()
  extra?: Record<string, string>;
}

/** The canonical complaint every intake normalises its channel's payload into. */
export class ComplaintV1 {
  /** UUIDv5 of channel + source system + source message id when the channel has one, else random. */
  @IsUUID()
  complaintId: string;

  @Matches(REFERENCE_PATTERN)
  reference: string;

  @IsIn(CHANNELS)
  channel: Channel;

  @IsISO8601({ strict: true })
  receivedAt: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintSourceV1)
  source: ComplaintSourceV1;

  @IsObject()
  @ValidateNested()
  @Type(() => CustomerV1)
  customer: CustomerV1;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintContentV1)
  content: ComplaintContentV1;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintContextV1)
  context: ComplaintContextV1;
}
