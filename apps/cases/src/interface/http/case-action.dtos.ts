import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const TEXT = 4_000;

export class AssignCaseDto {
  @ApiProperty({ description: 'Staff id (`sub` of their token) of the new handler', maxLength: 128 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  assignee: string;
}

export class FeedbackDto {
  @ApiProperty({ description: 'Message to the customer (customer-visible)', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  message: string;
}

export class NoteDto {
  @ApiProperty({ description: 'Internal note (never shown to the customer)', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  note: string;
}

export class ProposeResolutionDto {
  @ApiProperty({
    description: 'The proposed resolution, sent to the customer; it is the decision the 15-day clock waits for',
    maxLength: TEXT,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  proposal: string;
}

export class ResolveDto {
  @ApiPropertyOptional({ description: 'Outcome summary for the customer (defaults to the proposal)', maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  summary?: string;
}

export class CloseDto {
  @ApiProperty({ description: 'Root cause (溯源)', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  rootCause: string;

  @ApiProperty({ description: 'Corrective action (整改)', maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  correctiveAction: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason: string;
}

export class MediationReferralDto {
  @ApiProperty({ description: 'The third-party mediation organisation', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisation: string;

  @ApiPropertyOptional({ description: 'The mediator, if known', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  mediator?: string;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason?: string;
}

export class MediationOutcomeDto {
  @ApiProperty({ enum: ['settled', 'not_settled'], description: 'settled resolves the case; not_settled returns it to IN_PROGRESS' })
  @IsIn(['settled', 'not_settled'])
  outcome: 'settled' | 'not_settled';

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  summary: string;
}

export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1-2 reopens and escalates the case' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  comment?: string;
}

export class ExtensionRequestDto {
  @ApiProperty({
    enum: [30, 60],
    description: 'New decision deadline in days from receipt: 30 needs a supervisor, 60 consumer protection or an admin',
  })
  @IsIn([30, 60])
  toDays: number;

  @ApiProperty({ maxLength: TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ maxLength: TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  comment?: string;
}
