import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DEPARTMENTS, Department } from '@complaints/contracts';

export const STAFF_ROLES = ['agent', 'supervisor', 'consumer-protection', 'admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The claims a staff token must carry (DESIGN section 4). */
export class StaffClaims {
  @IsString() @IsNotEmpty() @MaxLength(128)
  sub: string;

  @IsArray() @ArrayMaxSize(10) @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];

  @IsArray() @ArrayMaxSize(DEPARTMENTS.length) @IsIn(DEPARTMENTS, { each: true })
  departments: Department[];
}

/** A signed-in member of staff and what they may see. */
export class StaffPrincipal {
  constructor(
    readonly id: string,
    readonly roles: readonly StaffRole[],
    readonly departments: readonly Department[],
  ) {}

  static fromClaims(claims: StaffClaims): StaffPrincipal {
    return new StaffPrincipal(claims.sub, claims.roles, claims.departments);
  }

  /** Admins, auditors and the consumer-protection group see every department's cases. */
  get seesAllDepartments(): boolean {
    return this.roles.some((role) => role === 'admin' || role === 'auditor' || role === 'consumer-protection');
  }

  canSee(department: Department): boolean {
    return this.seesAllDepartments || this.departments.includes(department);
  }

  hasRole(...roles: StaffRole[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }
}
