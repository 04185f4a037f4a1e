import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from './staff-principal';

/** Metadata of the staff roles a route admits. */
export const STAFF_ROLES_METADATA = 'complaints:staff-roles';

/**
 * The staff roles that may call a route (on a method, or on a controller for all its methods; the method's wins).
 * Every route of a service with a staff API declares this or PublicRoute: the access guard refuses any other.
 */
export const StaffRoles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator => SetMetadata(STAFF_ROLES_METADATA, roles);

/**
 * Who may do what: the one definition of the staff API's access (cases, router, analytics).
 * What each may see inside a route is the department scope (StaffPrincipal.visibleDepartments):
 * admins, auditors and consumer protection see every department; agents and supervisors only theirs.
 */
export const ACCESS = {
  /** Read cases, KPIs, series, hot spots, the weekly bulletin (each within the caller's departments). */
  anyStaff: ['agent', 'supervisor', 'consumer-protection', 'admin', 'auditor'],
  /** Act on cases (the lifecycle decides finer: who may assign, archive, approve which extension). Auditors never act. */
  caseActors: ['agent', 'supervisor', 'consumer-protection', 'admin'],
  /** Read a case's audit trail. */
  caseAuditors: ['auditor', 'supervisor', 'consumer-protection', 'admin'],
  /** Read the routing rules, their dry run and audit, and the handlers. */
  routingReaders: ['admin', 'supervisor', 'auditor'],
  /** Change the routing rules and handlers. */
  routingEditors: ['admin'],
  /** The scorecard (supervisors: their departments' rows). */
  scorecardReaders: ['supervisor', 'consumer-protection', 'auditor', 'admin'],
  /** Institution-wide returns (JR/T 0169): only roles that see every department. */
  institutionWide: ['consumer-protection', 'auditor', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
