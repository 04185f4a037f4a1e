import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PHONE_LAST4_PATTERN, REFERENCE_PATTERN, RULE_MESSAGES, WEB_COMPLAINT_LIMITS } from '@complaints/contracts';

const M = RULE_MESSAGES.en;

export class LookUpComplaintDto {
  @ApiProperty({ example: 'C20261129-W7K3Q9' })
  @Matches(REFERENCE_PATTERN, { message: M.referenceInvalid })
  reference: string;

  @ApiProperty({ example: '8000', description: 'The last four digits of the phone number given with the complaint' })
  @Matches(PHONE_LAST4_PATTERN, { message: M.phoneLast4Invalid })
  phoneLast4: string;
}

export class RateComplaintDto {
  @ApiProperty({ example: '8000' })
  @Matches(PHONE_LAST4_PATTERN, { message: M.phoneLast4Invalid })
  phoneLast4: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt({ message: M.scoreInvalid })
  @Min(1, { message: M.scoreInvalid })
  @Max(5, { message: M.scoreInvalid })
  score: number;

  @ApiPropertyOptional({ maxLength: WEB_COMPLAINT_LIMITS.commentMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(WEB_COMPLAINT_LIMITS.commentMaxLength, { message: M.commentTooLong })
  comment?: string;
}

export class ComplaintUpdateDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'feedback_sent' }) kind: string;
  @ApiPropertyOptional() message?: string;
}

export class ComplaintStatusDto {
  @ApiProperty() reference: string;
  @ApiProperty({ example: 'IN_PROGRESS' }) status: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ComplaintUpdateDto] }) updates: ComplaintUpdateDto[];
}
