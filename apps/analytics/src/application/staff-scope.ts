import type { Department } from '@complaints/contracts';
import type { StaffPrincipal } from '@complaints/security';

export class ScopeForbiddenError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScopeForbiddenError';
  }
}

/**
 * The departments whose figures a member of staff may see (null: all), as for cases (StaffPrincipal.visibleDepartments):
 * admins, auditors and consumer protection see all; agents and supervisors only their token's departments.
 */
export function visibleDepartments(staff: StaffPrincipal): readonly Department[] | null {
  const departments = staff.visibleDepartments;
  if (departments === null) return null;
  if (departments.length === 0) throw new ScopeForbiddenError('Your token names no department whose figures you may see.', 'departments');
  return departments;
}
