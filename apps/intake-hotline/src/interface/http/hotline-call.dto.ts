import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsRegion, PRODUCTS, Product, REGION_CODES, RegionCode } from '@complaints/contracts';

/** A call's length bound: turn offsets beyond a day are not a call's. */
const DAY_MS = 24 * 60 * 60 * 1000;

export class TranscriptTurnDto {
  @ApiProperty({ enum: ['customer', 'agent'] })
  @IsIn(['customer', 'agent'])
  speaker: 'customer' | 'agent';

  @ApiProperty({ example: '我的信用卡昨天被盗刷了两笔' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  text: string;

  @ApiPropertyOptional({ description: 'Milliseconds from the start of the call (at most a day)', maximum: DAY_MS })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(DAY_MS)
  offsetMs?: number;
}

/** One call record. `transcript` may also be plain text with speaker labels (客户: / 坐席: / Customer: / Agent:). */
export class HotlineCallDto {
  @ApiProperty({ example: 'CALL-20261129-000123', description: "The call centre's own call id: the dedupe key" })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'callId must be 1 to 128 visible ASCII characters' })
  callId: string;

  @ApiProperty({ example: '2026-11-29T09:30:00+08:00' })
  @IsISO8601({ strict: true })
  startedAt: string;

  @ApiProperty({ example: '2026-11-29T09:36:12+08:00' })
  @IsISO8601({ strict: true })
  endedAt: string;

  @ApiProperty({ example: '13800138000', description: 'Caller number; without a country code it is read as HOTLINE_DEFAULT_COUNTRY (CN)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  callerNumber: string;

  @ApiPropertyOptional({ description: "The bank's customer id, when the call centre identified the caller" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  customerId?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true when the call centre verified the caller (security questions, a one-time code...): only then do the caller number and customerId ' +
      "merge this complaint into the same customer's open case; an unverified caller's complaint gets a case of its own (handlers see it as related)",
  })
  @IsOptional()
  @IsBoolean()
  callerVerified?: boolean;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    example: '440000',
    description:
      "The caller's province-level division as the call centre knows it, its GB/T 2260 code (110000 北京市 ... 820000 澳门特别行政区); the Chinese name, with or without 省/市/自治区, is accepted too and read as its code. Carried as `context.extra.region` for regional reporting; anything else rejects this call record naming `callerRegion`",
  })
  @IsOptional()
  @IsRegion()
  callerRegion?: RegionCode;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  queue?: string;

  @ApiPropertyOptional({ description: "The call centre's summary of the call" })
  @IsOptional()
  @IsString()
  @MaxLength(4_000)
  summary?: string;

  @ApiPropertyOptional({ description: "The call centre's disposition code" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  disposition?: string;

  @ApiPropertyOptional({ enum: PRODUCTS, description: 'Product chosen in the IVR, a hint for the classifier' })
  @IsOptional()
  @IsIn(PRODUCTS)
  productHint?: Product;

  @ApiProperty({ type: [TranscriptTurnDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2_000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TranscriptTurnDto)
  transcript: TranscriptTurnDto[];
}

export class PushCallsDto {
  @ApiProperty({ type: [HotlineCallDto], description: 'At most HOTLINE_MAX_CALLS_PER_BATCH (500) calls' })
  calls: HotlineCallDto[];
}

export class CallResultDto {
  @ApiProperty({ description: 'Position of the call in the pushed batch' }) index: number;
  @ApiPropertyOptional() callId?: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected'] }) status: string;
  @ApiPropertyOptional({ example: 'C20261129-H7K3Q9' }) reference?: string;
  @ApiPropertyOptional() complaintId?: string;
  @ApiPropertyOptional({ description: 'Field errors of a rejected call' }) errors?: Array<{ field: string; message: string }>;
}

export class PushCallsResultDto {
  @ApiProperty() received: number;
  @ApiProperty() accepted: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [CallResultDto] }) results: CallResultDto[];
}
