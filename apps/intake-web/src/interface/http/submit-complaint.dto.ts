import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PRODUCTS, Product } from '@complaints/contracts';
import { IsPhoneNumberE164 } from '@complaints/security';

export class CustomerDto {
  @ApiProperty({ example: '张三', maxLength: 100 })
  @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @ApiProperty({ example: '13800138000', description: 'Mainland mobile number or E.164 (+8613800138000)' })
  @IsString()
  @IsPhoneNumberE164('CN', { message: 'phone must be a phone number, e.g. 13800138000 or +8613800138000' })
  phone: string;

  @ApiPropertyOptional({ example: 'zhang@example.com' })
  @IsOptional() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'PRC resident ID number (18 characters); stored sealed' })
  @IsOptional() @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be an 18-character resident ID number' })
  idNumber?: string;
}

export class SubmitComplaintDto {
  @ApiProperty({ example: '信用卡被盗刷了5笔,请立即冻结并退款。', maxLength: 5000 })
  @IsString() @IsNotEmpty({ message: 'text must describe the complaint' }) @MaxLength(5_000)
  text: string;

  @ApiProperty({ type: CustomerDto })
  @ValidateNested() @Type(() => CustomerDto) @IsNotEmpty({ message: 'customer is required' })
  customer: CustomerDto;

  @ApiPropertyOptional({ enum: PRODUCTS, description: 'The product the complaint is about, if the customer picked one' })
  @IsOptional() @IsIn(PRODUCTS)
  product?: Product;

  @ApiProperty({ example: true, description: 'The customer agrees that the bank processes this complaint and their contact data' })
  @Equals(true, { message: 'consent must be true: the complaint cannot be processed without it' })
  consent: true;
}

export class ComplaintAcceptedDto {
  @ApiProperty({ example: 'C20261129-W7K3Q9' }) reference: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'RECEIVED' }) status: 'RECEIVED';
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ example: { feedbackWithinHours: 48, decisionWithinDays: 15 } }) promises: { feedbackWithinHours: number; decisionWithinDays: number };
}
