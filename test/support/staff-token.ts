import type { Department } from '@complaints/contracts';
import { signStaffToken, StaffRole } from '@complaints/security';

export const TEST_STAFF_SECRET = 'dev-staff-secret';

export function staffToken(roles: StaffRole[], departments: Department[], sub = 'staff-1'): string {
  return signStaffToken({ sub, roles, departments }, TEST_STAFF_SECRET);
}
