import { isIP } from 'node:net';

/**
 * The `TRUSTED_PROXIES` setting: the load balancers and reverse proxies whose `X-Forwarded-For` a
 * service believes, as comma-separated addresses or CIDR blocks (`10.0.0.0/8, 192.0.2.7`). Empty (the
 * default) trusts nobody: the client is the TCP peer and forwarded headers are ignored, so nobody can
 * pick the address a per-client limit counts under. Anything that is not an address or block is
 * refused, so a typo never widens the trust.
 */
export function parseTrustedProxies(setting: string | undefined): string[] {
  const entries = (setting ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !validBits || rest.length > 0) {
      throw new Error(`TRUSTED_PROXIES must list IP addresses or CIDR blocks, comma-separated; "${entry}" is neither`);
    }
  }
  return entries;
}
