import type { Department } from '@complaints/contracts';
import type { StaffPrincipal } from '@complaints/security';

/** Roles that see every department's figures; agents see only their own departments'. */
export const SEES_ALL_ROLES = ['supervisor', 'consumer-protection', 'auditor', 'admin'] as const;

export class ScopeForbiddenError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ScopeForbiddenError';
  }
}

/** The departments a member of staff may see (null: all). */
export function visibleDepartments(staff: StaffPrincipal): readonly Department[] | null {
  if (staff.hasRole(...SEES_ALL_ROLES)) return null;
  if (staff.departments.length === 0) throw new ScopeForbiddenError('Your token names no department whose figures you may see.', 'departments');
  return staff.departments;
}
