import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CASE_STATUSES, EVIDENCE_TYPES, IsRegion, Product, PRODUCTS, REGION_CODES, RegionCode } from '@complaints/contracts';
import { IsPhoneNumberE164 } from '@complaints/security';

export class AmountDto {
  @ApiProperty({ example: 1999.5 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000_000)
  value: number;

  @ApiProperty({ example: 'CNY', description: 'ISO 4217 code' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;
}

export class AttachmentUploadDto {
  @ApiProperty({ format: 'byte', description: 'The file, base64-encoded. JPEG, PNG, GIF, WebP, HEIC or PDF, judged by its content.' })
  @IsString()
  @IsNotEmpty()
  data: string;

  @ApiPropertyOptional({ example: 'image/png', description: 'Optional; when given it must agree with the content.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  contentType?: string;

  @ApiPropertyOptional({ example: 'receipt.png', description: 'Kept for the handler; it decides nothing.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class SubmitAppComplaintDto {
  @ApiProperty({ example: '我的信用卡昨天被盗刷了两笔,请冻结并退款。', maxLength: 5000 })
  @IsString()
  @IsNotEmpty({ message: 'text must describe the complaint' })
  @MaxLength(5_000)
  text: string;

  @ApiPropertyOptional({ enum: PRODUCTS })
  @IsOptional()
  @IsIn(PRODUCTS)
  product?: Product;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    example: '310000',
    description:
      "The customer's province-level division, its GB/T 2260 code (110000 北京市 ... 820000 澳门特别行政区); the Chinese name, with or without 省/市/自治区, is accepted too and read as its code. Carried as `context.extra.region` for regional reporting",
  })
  @IsOptional()
  @IsRegion()
  region?: RegionCode;

  @ApiPropertyOptional({
    example: '6222 **** **** 1234',
    description: 'The account or card concerned; card numbers are masked (last 4 kept).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountRef?: string;

  @ApiPropertyOptional({ type: AmountDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AmountDto)
  amount?: AmountDto;

  @ApiPropertyOptional({ example: '2026-11-28', description: 'Date of the disputed transaction' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'transactionDate must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  transactionDate?: string;

  @ApiPropertyOptional({ example: '13800138000', description: 'A number to call back on, if not the one on file; stored sealed' })
  @IsOptional()
  @IsString()
  @IsPhoneNumberE164('CN', { message: 'phone must be a phone number, e.g. 13800138000 or +8613800138000' })
  phone?: string;

  @ApiPropertyOptional({
    type: [AttachmentUploadDto],
    description: 'Evidence: at most MOBILE_MAX_ATTACHMENTS (5) files of MOBILE_MAX_ATTACHMENT_BYTES (10 MB) each',
  })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentUploadDto)
  attachments?: AttachmentUploadDto[];
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_TYPES, description: 'The type the content was recognised as' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
}

export class AppComplaintAcceptedDto {
  @ApiProperty({ example: 'C20261129-M7K3Q9' }) reference: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'RECEIVED' }) status: 'RECEIVED';
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({ example: { feedbackWithinHours: 48, decisionWithinDays: 15 } }) promises: {
    feedbackWithinHours: number;
    decisionWithinDays: number;
  };
}

export class AppComplaintSummaryDto {
  @ApiProperty({ example: 'C20261129-M7K3Q9' }) reference: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiPropertyOptional({ enum: PRODUCTS, nullable: true }) product: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AppComplaintListDto {
  @ApiProperty({ type: [AppComplaintSummaryDto], description: "The customer's complaints, newest first (at most 100)" })
  items: AppComplaintSummaryDto[];
}

export class TimelineEntryDto {
  @ApiProperty({ example: 'case.feedback_sent', description: '`complaint.received`, then the customer-visible `case.<kind>` events' })
  event: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true }) message: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class AppComplaintDetailDto extends AppComplaintSummaryDto {
  @ApiProperty({ description: 'The complaint text as filed (card and ID numbers masked)' }) text: string;
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline: TimelineEntryDto[];
}

export class RateAppComplaintDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be at least 1' })
  @Max(5, { message: 'score must be at most 5' })
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  comment?: string;
}

export class AppRatingAcceptedDto {
  @ApiProperty({ example: 'C20261129-M7K3Q9' }) reference: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ example: 'RECORDED' }) status: 'RECORDED';
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}
