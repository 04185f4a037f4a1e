/**
 * Query parameters whose values never go to a log: a callback's signature, timestamp and nonce together
 * would let a reader replay it, and platform user ids (WeChat adds `openid`) identify customers.
 */
const UNLOGGED_QUERY_PARAMETERS = new Set([
  'signature',
  'msg_signature',
  'timestamp',
  'nonce',
  'echostr',
  'openid',
  'uid',
  'token',
  'access_token',
  'code',
  'state',
  'sig',
]);

/** A request URL fit for a log line: the values of UNLOGGED_QUERY_PARAMETERS replaced by `[redacted]`. */
export function loggableUrl(url: string | undefined): string {
  if (!url) return '';
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const end = pair.indexOf('=');
      const rawName = end < 0 ? pair : pair.slice(0, end);
      return UNLOGGED_QUERY_PARAMETERS.has(decodedName(rawName)) ? `${rawName}=[redacted]` : pair;
    });
  return `${url.slice(0, start)}?${query.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).trim().toLowerCase();
  } catch {
    // Undecodable: treat as sensitive rather than log what it may hide.
    return 'signature';
  }
}
