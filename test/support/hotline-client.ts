import { signPayload } from '@complaints/security';
import { uniquePhone } from './phones';

export interface PushResponse {
  status: number;
  type: string | null;
  headers: Headers;
  body: {
    received?: number;
    accepted?: number;
    duplicate?: number;
    rejected?: number;
    results?: Array<{
      index: number;
      callId?: string;
      status: string;
      reference?: string;
      complaintId?: string;
      errors?: Array<{ field: string; message: string }>;
    }>;
    errors?: Array<{ field: string; message: string }>;
    detail?: string;
    check?: string;
  };
}

/** Pushes a batch the way a call-centre system does: raw JSON body signed with HMAC-SHA256. */
export async function pushCalls(
  url: string,
  body: unknown,
  options: { callcenterId?: string; secret?: string; timestamp?: number; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<PushResponse> {
  const raw = options.rawBody ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await fetch(`${url}/v1/hotline/calls`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-callcenter-id': options.callcenterId ?? 'cc-test',
      'x-timestamp': timestamp,
      'x-signature': signPayload(options.secret ?? 'test-hotline-secret', timestamp, raw),
      ...options.headers,
    },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: text ? JSON.parse(text) : {} };
}

let sequence = 0;

/** A well-formed call with a unique callId. */
export function sampleCall(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    callId: `CALL-${process.pid}-${Date.now()}-${sequence}`,
    startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    endedAt: new Date(Date.now() - 4 * 60_000).toISOString(),
    callerNumber: uniquePhone().number,
    agentId: 'A-17',
    queue: 'cards',
    transcript: [
      { speaker: 'agent', text: '您好，请问有什么可以帮您？', offsetMs: 0 },
      { speaker: 'customer', text: '我的信用卡昨天晚上被盗刷了三笔，我人在北京，交易却在国外', offsetMs: 3_000 },
      { speaker: 'customer', text: '请马上冻结并退款', offsetMs: 9_000 },
    ],
    ...overrides,
  };
}
