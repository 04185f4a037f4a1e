import { parseTrustedProxies } from './trusted-proxies';

describe('parseTrustedProxies', () => {
  it('trusts nobody by default', () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(' ')).toEqual([]);
  });

  it('reads addresses and CIDR blocks of both families', () => {
    expect(parseTrustedProxies('10.0.0.0/8, 192.0.2.7,fd00::/8, ::1')).toEqual(['10.0.0.0/8', '192.0.2.7', 'fd00::/8', '::1']);
  });

  it.each(['*', 'true', 'loadbalancer.internal', '10.0.0.0/33', '10.0.0.1/8/2', '::1/129', '10.0.0/8'])('refuses %s', (entry) => {
    expect(() => parseTrustedProxies(entry)).toThrow(/TRUSTED_PROXIES/);
  });
});
