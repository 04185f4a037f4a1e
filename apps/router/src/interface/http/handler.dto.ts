import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DEPARTMENTS, Department, PRODUCTS, Product, REASONS, Reason } from '@complaints/contracts';
import { HANDLER_LANGUAGES, HandlerLanguage } from '../../domain/handler';

const SKILLS = [...PRODUCTS.filter((p) => p !== 'OTHER'), ...REASONS] as const;

/** A handler as an admin sets it (the id is in the path: the handler's staff token subject). */
export class HandlerDto {
  @ApiProperty({ example: 'Li Na' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  name: string;

  @ApiProperty({ enum: DEPARTMENTS })
  @IsIn(DEPARTMENTS)
  department: Department;

  @ApiProperty({ enum: SKILLS, isArray: true, description: 'Product and reason codes; empty for a generalist.' })
  @IsArray()
  @ArrayMaxSize(SKILLS.length)
  @IsIn(SKILLS, { each: true })
  skills: (Product | Reason)[];

  @ApiProperty({ enum: HANDLER_LANGUAGES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(HANDLER_LANGUAGES.length)
  @IsIn(HANDLER_LANGUAGES, { each: true })
  languages: HandlerLanguage[];

  @ApiProperty({ description: 'An inactive handler gets no new cases; their open ones are reassigned.' })
  @IsBoolean()
  active: boolean;
}
