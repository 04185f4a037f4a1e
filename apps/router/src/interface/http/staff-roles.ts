import { ProblemException, problem } from '@complaints/http';
import type { StaffPrincipal, StaffRole } from '@complaints/security';

/** Who may read the routing rules, dry-run them and read their audit trail. */
export const RULE_READERS: StaffRole[] = ['admin', 'supervisor', 'auditor'];
/** Who may change the routing rules. */
export const RULE_EDITORS: StaffRole[] = ['admin'];

/** 403 problem+json unless the caller has one of `roles`. */
export function requireRole(staff: StaffPrincipal, roles: StaffRole[]): void {
  if (!staff.hasRole(...roles)) {
    throw new ProblemException(problem(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`));
  }
}
