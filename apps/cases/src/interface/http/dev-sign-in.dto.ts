import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DEPARTMENTS, Department } from '@complaints/contracts';
import { STAFF_ROLES, StaffRole } from '@complaints/security';

/** Development sign-in: any identity, roles and departments. */
export class DevSignInDto {
  @ApiProperty({ description: 'Staff id (becomes `sub`)', example: 'li.na', pattern: '^[A-Za-z0-9._@-]{1,64}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,64}$/, { message: 'sub must be 1-64 letters, digits, dots, dashes, underscores or @' })
  sub: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['agent'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one role' })
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];

  @ApiProperty({ enum: DEPARTMENTS, isArray: true, example: ['CARD_CENTER'] })
  @IsArray()
  @ArrayMaxSize(DEPARTMENTS.length)
  @IsIn(DEPARTMENTS, { each: true })
  departments: Department[];

  @ApiPropertyOptional({ minimum: 1, maximum: 720, default: 480, description: 'Lifetime of the token in minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  minutes?: number;
}
