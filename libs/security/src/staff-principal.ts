import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DEPARTMENTS, Department } from '@complaints/contracts';

export const STAFF_ROLES = ['agent', 'supervisor', 'consumer-protection', 'admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Roles that see every department's cases and figures; agents and supervisors see only their `departments`. */
export const ALL_DEPARTMENTS_ROLES: readonly StaffRole[] = ['admin', 'auditor', 'consumer-protection'];

/** The claims a staff token must carry (docs/ARCHITECTURE.md (Public interfaces)). */
export class StaffClaims {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  sub: string;

  /** At least one role: a token with none is no member of staff. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsIn(STAFF_ROLES, { each: true })
  roles: StaffRole[];

  @IsArray()
  @ArrayMaxSize(DEPARTMENTS.length)
  @IsIn(DEPARTMENTS, { each: true })
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

  /** Admins, auditors and the consumer-protection group see every department's cases and figures. */
  get seesAllDepartments(): boolean {
    return this.roles.some((role) => ALL_DEPARTMENTS_ROLES.includes(role));
  }

  /** The departments whose cases and figures this member of staff may see; null: all of them. */
  get visibleDepartments(): readonly Department[] | null {
    return this.seesAllDepartments ? null : this.departments;
  }

  canSee(department: Department): boolean {
    return this.seesAllDepartments || this.departments.includes(department);
  }

  hasRole(...roles: StaffRole[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }
}
