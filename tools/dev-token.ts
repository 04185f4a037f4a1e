import { parseArgs } from 'node:util';
import { DEV_DEFAULTS, isProduction } from '@complaints/config';
import { DEPARTMENTS, Department } from '@complaints/contracts';
import { signStaffToken, STAFF_ROLES, StaffRole, staffTokenSigningKey } from '@complaints/security';
import { stackEnv } from './stack/stack-env';

/**
 * A staff token for the local stack (development sign-in): `npm run token -- --role supervisor --department CARD_CENTER --sub alice`.
 * Signed with STAFF_TOKEN_SIGNING_KEY (the development key pair unless set), naming STAFF_TOKEN_ISSUER and
 * STAFF_TOKEN_AUDIENCE, for --hours (at most STAFF_TOKEN_MAX_LIFETIME_SEC); never for production.
 */
export function devToken(args: string[], env: NodeJS.ProcessEnv): string {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', multiple: true, default: ['admin'] },
      department: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string', default: 'dev-staff' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role;
  const departments = values.department;
  const bad = [
    ...roles.filter((r) => !STAFF_ROLES.includes(r as StaffRole)),
    ...departments.filter((d) => !DEPARTMENTS.includes(d as Department)),
  ];
  if (bad.length)
    throw new Error(
      `unknown role or department: ${bad.join(', ')} (roles: ${STAFF_ROLES.join(', ')}; departments: ${DEPARTMENTS.join(', ')})`,
    );
  if (isProduction(env)) throw new Error('refusing to mint tokens for production (NODE_ENV must be development or test)');
  const setting = (name: string) => env[name] || DEV_DEFAULTS[name];
  const key = staffTokenSigningKey(setting('STAFF_TOKEN_SIGNING_KEY'), setting('STAFF_TOKEN_ISSUER'), setting('STAFF_TOKEN_AUDIENCE'));
  const seconds = Number(values.hours) * 3600;
  const longest = Number(env.STAFF_TOKEN_MAX_LIFETIME_SEC || 8 * 3600);
  if (!(seconds > 0 && seconds <= longest))
    throw new Error(`--hours must be more than 0 and at most ${longest / 3600} (STAFF_TOKEN_MAX_LIFETIME_SEC)`);
  return signStaffToken({ sub: values.sub, roles: roles as StaffRole[], departments: departments as Department[] }, key, seconds);
}

if (require.main === module) {
  try {
    process.stdout.write(`${devToken(process.argv.slice(2), stackEnv())}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
