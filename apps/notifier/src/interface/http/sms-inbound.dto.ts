import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A customer's SMS (mobile-originated) as the SMS gateway delivers it. */
export class InboundSmsDto {
  @ApiProperty({ example: 'MO-20261129-000042', description: "The gateway's id of the message; a redelivery carries the same id" })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'messageId must be 1-128 printable ASCII characters' })
  messageId: string;

  @ApiProperty({ example: '+8613800138000', description: 'The sender; E.164, or a national number of SMS_DEFAULT_COUNTRY' })
  @IsString()
  @MaxLength(32)
  from: string;

  @ApiPropertyOptional({ example: '95588', description: 'The number the customer wrote to (our service number); not used' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  to?: string;

  @ApiProperty({ example: '满意', description: 'The message text (concatenated parts)' })
  @IsString()
  @MaxLength(1_600)
  text: string;

  @ApiPropertyOptional({
    example: '2026-11-29T10:15:00+08:00',
    description: 'When the gateway received it; defaults to now. At most the timestamp tolerance ahead of the server clock',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

export class InboundSmsResultDto {
  @ApiProperty({ example: 'MO-20261129-000042' })
  messageId: string;

  @ApiProperty({
    enum: ['survey-answered', 'not-an-answer', 'no-survey'],
    description:
      'survey-answered: a score (满意/不满意/1-5) for the most recent survey texted to this phone and still open (published, and the customer thanked); ' +
      'not-an-answer: not a score; no-survey: a score, but no survey open for this phone. A redelivered message gets its first outcome.',
  })
  outcome: string;
}
