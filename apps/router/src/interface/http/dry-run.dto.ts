import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CHANNELS, Channel, PRODUCTS, Product } from '@complaints/contracts';
import { RoutingRuleDto } from './routing-rule.dto';

export class DryRunTranscriptTurnDto {
  @ApiProperty({ enum: ['customer', 'agent'] })
  @IsIn(['customer', 'agent'])
  speaker: 'customer' | 'agent';

  @ApiProperty()
  @IsString()
  @MaxLength(20_000)
  text: string;
}

export class DryRunDto {
  @ApiProperty({ example: '信用卡被盗刷了5笔,请立即冻结并退款。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text: string;

  @ApiPropertyOptional({ enum: PRODUCTS, description: 'The product the customer picked, a hint for the classifier.' })
  @IsOptional()
  @IsIn(PRODUCTS)
  productHint?: Product;

  @ApiPropertyOptional({ enum: CHANNELS, description: 'Echoed back; the rules do not depend on the channel.' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ type: [DryRunTranscriptTurnDto], description: 'A call transcript: only the customer turns are classified.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2_000)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DryRunTranscriptTurnDto)
  transcript?: DryRunTranscriptTurnDto[];

  @ApiPropertyOptional({ type: [RoutingRuleDto], description: 'A candidate rule list to test instead of the active rules.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleDto)
  rules?: RoutingRuleDto[];
}
