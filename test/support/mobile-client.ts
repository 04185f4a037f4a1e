import { randomUUID } from 'node:crypto';
import { KeyLike, SignJWT } from 'jose';

/** The development HS256 secret of app tokens (DEV_DEFAULTS.MOBILE_JWT_SECRET). */
export const DEV_MOBILE_SECRET = 'dev-mobile-secret';

export interface TokenOptions {
  alg?: 'HS256' | 'RS256';
  key?: KeyLike | Uint8Array;
  kid?: string;
  expiresInSec?: number;
  notBeforeSec?: number;
}

/** A customer token as the bank's identity provider would issue it (HS256 with the dev secret by default). */
export function customerToken(customerId: string, options: TokenOptions = {}): Promise<string> {
  const alg = options.alg ?? 'HS256';
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg, ...(options.kid ? { kid: options.kid } : {}) })
    .setSubject(customerId)
    .setIssuedAt()
    .setExpirationTime(now + (options.expiresInSec ?? 600));
  if (options.notBeforeSec !== undefined) jwt.setNotBefore(now + options.notBeforeSec);
  return jwt.sign(options.key ?? new TextEncoder().encode(DEV_MOBILE_SECRET));
}

export interface AppResponse<T = Record<string, unknown>> {
  status: number;
  type: string | null;
  headers: Headers;
  body: T & { errors?: Array<{ field: string; message: string }>; detail?: string };
}

/** Calls the mobile intake like the app does. */
export async function appRequest<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; idempotencyKey?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<AppResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    headers: res.headers,
    body: (text ? JSON.parse(text) : {}) as AppResponse<T>['body'],
  };
}

/** Files a complaint for `customerId` and returns the response. */
export async function submitComplaint(
  baseUrl: string,
  customerId: string,
  body: unknown = { text: '手机银行转账失败但扣款了,请退回。' },
  idempotencyKey = randomUUID(),
) {
  return appRequest<{ reference: string; complaintId: string; attachments: unknown[] }>(baseUrl, '/v1/app/complaints', {
    token: await customerToken(customerId),
    idempotencyKey,
    body,
  });
}
