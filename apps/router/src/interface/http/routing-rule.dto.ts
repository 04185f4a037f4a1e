import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
  DEPARTMENTS,
  Department,
  PRIORITIES,
  PRODUCTS,
  Priority,
  Product,
  REASONS,
  Reason,
  SERVICE_POINTS,
  ServicePoint,
} from '@complaints/contracts';

/** A conjunction: every axis it names must match one of the listed values; `{}` matches everything. */
export class RuleConditionDto {
  @ApiPropertyOptional({ enum: PRODUCTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRODUCTS.length)
  @IsIn(PRODUCTS, { each: true })
  product?: Product[];

  @ApiPropertyOptional({ enum: REASONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REASONS.length)
  @IsIn(REASONS, { each: true })
  reason?: Reason[];

  @ApiPropertyOptional({ enum: SERVICE_POINTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SERVICE_POINTS.length)
  @IsIn(SERVICE_POINTS, { each: true })
  servicePoint?: ServicePoint[];

  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  escalation?: boolean;
}

/** A routing rule: the first rule with any matching condition decides the department. */
export class RoutingRuleDto {
  @ApiProperty({ example: 'R5', pattern: '^[A-Za-z0-9_.-]{1,32}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { message: 'id must be 1-32 letters, digits, dots, dashes or underscores' })
  id: string;

  @ApiProperty({ example: 'Credit cards go to the card centre' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description: string;

  @ApiProperty({ enum: DEPARTMENTS })
  @IsIn(DEPARTMENTS)
  department: Department;

  @ApiProperty({ type: [RuleConditionDto], description: 'Any of these conditions (a disjunction of conjunctions).' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RuleConditionDto)
  when: RuleConditionDto[];
}
