import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  EMAIL_PATTERN,
  EVIDENCE_TYPES,
  evidenceMessage,
  ID_NUMBER_PATTERN,
  IsRegion,
  NOT_BLANK,
  PRODUCTS,
  Product,
  REGION_CODES,
  RegionCode,
  RULE_MESSAGES,
  WEB_COMPLAINT_LIMITS,
} from '@complaints/contracts';
import { IsPhoneNumberE164 } from '@complaints/security';

// Limits, patterns and messages come from libs/contracts/src/web-complaint.rules.ts: the customer site checks its form with the same rules.
const L = WEB_COMPLAINT_LIMITS;
const M = RULE_MESSAGES.en;

export class CustomerDto {
  @ApiProperty({ example: '张三', maxLength: L.nameMaxLength })
  @IsString({ message: M.nameRequired })
  @Matches(NOT_BLANK, { message: M.nameRequired })
  @MaxLength(L.nameMaxLength, { message: M.nameTooLong })
  name: string;

  @ApiProperty({ example: '13800138000', description: 'Mainland mobile number or E.164 (+8613800138000)' })
  @IsString({ message: M.phoneInvalid })
  @IsPhoneNumberE164('CN', { message: M.phoneInvalid })
  phone: string;

  @ApiPropertyOptional({ example: 'zhang@example.com', maxLength: L.emailMaxLength })
  // class-validator runs a property's checks from the last decorator to the first: type, then length, then the pattern.
  @IsOptional()
  @Matches(EMAIL_PATTERN, { message: M.emailInvalid })
  @MaxLength(L.emailMaxLength, { message: M.emailTooLong })
  @IsString({ message: M.emailInvalid })
  email?: string;

  @ApiPropertyOptional({ description: 'PRC resident ID number (18 characters); stored sealed' })
  @IsOptional()
  @IsString({ message: M.idNumberInvalid })
  @Matches(ID_NUMBER_PATTERN, { message: M.idNumberInvalid })
  idNumber?: string;
}

export class WebAttachmentUploadDto {
  @ApiProperty({ format: 'byte', description: 'The file, base64-encoded. JPEG, PNG, GIF, WebP, HEIC or PDF, judged by its content.' })
  @IsString({ message: evidenceMessage('notBase64') })
  @IsNotEmpty({ message: evidenceMessage('notBase64') })
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

export class SubmitComplaintDto {
  @ApiProperty({ example: '信用卡被盗刷了5笔,请立即冻结并退款。', maxLength: L.textMaxLength })
  @IsString({ message: M.textRequired })
  @Matches(NOT_BLANK, { message: M.textRequired })
  @MaxLength(L.textMaxLength, { message: M.textTooLong })
  text: string;

  @ApiProperty({ type: CustomerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerDto)
  @IsNotEmpty({ message: 'customer is required' })
  customer: CustomerDto;

  @ApiPropertyOptional({ enum: PRODUCTS, description: 'The product the complaint is about, if the customer picked one' })
  @IsOptional()
  @IsIn(PRODUCTS, { message: M.productUnknown })
  product?: Product;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    example: '310000',
    description:
      "The customer's province-level division, its GB/T 2260 code (110000 北京市 ... 820000 澳门特别行政区); the Chinese name, with or without 省/市/自治区, is accepted too and read as its code. Carried as `context.extra.region` for regional reporting",
  })
  @IsOptional()
  @IsRegion({ message: M.regionUnknown })
  region?: RegionCode;

  @ApiProperty({ example: true, description: 'The customer agrees that the bank processes this complaint and their contact data' })
  @Equals(true, { message: M.consentRequired })
  consent: true;

  @ApiPropertyOptional({
    type: [WebAttachmentUploadDto],
    description: `Evidence: at most ${L.maxAttachments} files of at most ${L.maxAttachmentBytes} bytes each, base64 in the JSON body; the type is judged by the content`,
  })
  // The count is checked with the files (413 attachment-too-large); this bound only keeps absurd arrays out of validation.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WebAttachmentUploadDto)
  attachments?: WebAttachmentUploadDto[];
}

export class WebAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_TYPES, description: 'The type the content was recognised as' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
}

export class ComplaintAcceptedDto {
  @ApiProperty({ example: 'C20261129-W7K3Q9' }) reference: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'RECEIVED' }) status: 'RECEIVED';
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [WebAttachmentDto] }) attachments: WebAttachmentDto[];
  @ApiProperty({ example: { feedbackWithinHours: 48, decisionWithinDays: 15 } }) promises: {
    feedbackWithinHours: number;
    decisionWithinDays: number;
  };
}
