import { loadConfig, StaffApiServiceConfig } from '@complaints/config';
import { staffTokenVerifier } from '@complaints/security';
import { devToken } from './dev-token';

describe('npm run token', () => {
  const development = { NODE_ENV: 'development' };

  it('mints a development token that a development staff API accepts', async () => {
    const token = devToken(['--role', 'supervisor', '--department', 'FRAUD', '--sub', 'alice', '--hours', '2'], development);
    const staff = await staffTokenVerifier(loadConfig(StaffApiServiceConfig, development)).verify(token);
    expect([staff.id, staff.roles, staff.departments]).toEqual(['alice', ['supervisor'], ['FRAUD']]);
  });

  it('refuses production (NODE_ENV unset included), unknown roles and lifetimes over the maximum', () => {
    expect(() => devToken([], {})).toThrow(/refusing to mint tokens for production/);
    expect(() => devToken([], { NODE_ENV: 'production' })).toThrow(/refusing to mint tokens for production/);
    expect(() => devToken(['--role', 'root'], development)).toThrow(/unknown role or department: root/);
    expect(() => devToken(['--hours', '9'], development)).toThrow(/--hours must be more than 0 and at most 8/);
  });
});
