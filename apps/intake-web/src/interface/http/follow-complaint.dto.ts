import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REFERENCE_PATTERN } from '@complaints/contracts';

export class LookUpComplaintDto {
  @ApiProperty({ example: 'C20261129-W7K3Q9' })
  @Matches(REFERENCE_PATTERN, { message: 'reference must look like C20261129-W7K3Q9' })
  reference: string;

  @ApiProperty({ example: '8000', description: 'The last four digits of the phone number given with the complaint' })
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be the last 4 digits of your phone number' })
  phoneLast4: string;
}

export class RateComplaintDto {
  @ApiProperty({ example: '8000' })
  @Matches(/^\d{4}$/, { message: 'phoneLast4 must be the last 4 digits of your phone number' })
  phoneLast4: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt({ message: 'score must be a whole number from 1 to 5' }) @Min(1, { message: 'score must be at least 1' }) @Max(5, { message: 'score must be at most 5' })
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2_000)
  comment?: string;
}

export class ComplaintUpdateDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'feedback_sent' }) kind: string;
  @ApiPropertyOptional() message?: string;
}

export class ComplaintStatusDto {
  @ApiProperty() reference: string;
  @ApiPropertyOptional({ example: 'C20261128-H7K3Q9', description: 'The case this complaint was merged into (same customer, same matter); status and updates are that case\'s' })
  mergedInto?: string;
  @ApiProperty({ example: 'IN_PROGRESS' }) status: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ComplaintUpdateDto] }) updates: ComplaintUpdateDto[];
}
