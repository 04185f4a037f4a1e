import { signPayload } from '@complaints/security';

export interface DeliveryResponse {
  status: number;
  type: string | null;
  headers: Headers;
  body: Record<string, any>;
}

/** Delivers a customer's SMS to the notifier the way an SMS gateway does: raw JSON body signed with HMAC-SHA256. */
export async function deliverSms(
  url: string,
  body: unknown,
  options: { gatewayId?: string; secret?: string; timestamp?: number; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<DeliveryResponse> {
  const raw = options.rawBody ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await fetch(`${url}/v1/sms/inbound`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-gateway-id': options.gatewayId ?? 'sms-test',
      'x-timestamp': timestamp,
      'x-signature': signPayload(options.secret ?? 'test-inbound-secret', timestamp, raw),
      ...options.headers,
    },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: text ? JSON.parse(text) : {} };
}

let sequence = 0;

/** A gateway message id no other test uses. */
export function uniqueMessageId(): string {
  sequence += 1;
  return `MO-${process.pid}-${Date.now()}-${sequence}`;
}
