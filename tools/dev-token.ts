import { parseArgs } from 'node:util';
import { DEV_DEFAULTS } from '@complaints/config';
import { DEPARTMENTS, Department } from '@complaints/contracts';
import { signStaffToken, STAFF_ROLES, StaffRole } from '@complaints/security';
import { stackEnv } from './stack/stack-env';

/**
 * Prints a staff token for the local stack (development sign-in):
 * `npm run token -- --role supervisor --department CARD_CENTER --sub alice`.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['admin'] },
      department: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string', default: 'dev-staff' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role as string[];
  const departments = values.department as string[];
  const bad = [...roles.filter((r) => !STAFF_ROLES.includes(r as StaffRole)), ...departments.filter((d) => !DEPARTMENTS.includes(d as Department))];
  if (bad.length) throw new Error(`unknown role or department: ${bad.join(', ')} (roles: ${STAFF_ROLES.join(', ')}; departments: ${DEPARTMENTS.join(', ')})`);
  const env = stackEnv();
  if (env.NODE_ENV === 'production') throw new Error('refusing to mint tokens for production');
  const secret = env.STAFF_JWT_SECRET ?? DEV_DEFAULTS.STAFF_JWT_SECRET;
  process.stdout.write(`${signStaffToken({ sub: values.sub as string, roles: roles as StaffRole[], departments: departments as Department[] }, secret, Number(values.hours) * 3600)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
