import axios, { AxiosError, AxiosInstance } from 'axios';
import { DeliverySender, DueDelivery } from '@complaints/delivery';
import { signPayload } from '@complaints/security';
import type { CallbackPayload } from '../domain/callback';

export interface CallbackTargets {
  urls: ReadonlyMap<string, readonly string[]>;
  secrets: ReadonlyMap<string, readonly string[]>;
  timeoutMs: number;
}

/**
 * POSTs a callback to the call centre's URL, signed the way call centres sign their pushes
 * (`X-Timestamp`, `X-Signature` with the first configured secret), with `Idempotency-Key` = eventId.
 */
export class AxiosCallbackSender extends DeliverySender<CallbackPayload> {
  private readonly http: AxiosInstance;

  constructor(private readonly targets: CallbackTargets) {
    super();
    this.http = axios.create({ timeout: targets.timeoutMs, maxRedirects: 0, validateStatus: (status) => status >= 200 && status < 300 });
  }

  async send(delivery: DueDelivery<CallbackPayload>): Promise<void> {
    const callcenterId = delivery.target;
    const url = this.targets.urls.get(callcenterId)?.[0];
    const secret = this.targets.secrets.get(callcenterId)?.[0];
    if (!url || !secret) throw new Error(`no callback URL or secret configured for call centre ${callcenterId}`);
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      await this.http.post(url, body, {
        headers: {
          'content-type': 'application/json',
          'x-callcenter-id': callcenterId,
          'x-timestamp': timestamp,
          'x-signature': signPayload(secret, timestamp, body),
          'idempotency-key': delivery.payload.eventId,
        },
      });
    } catch (error) {
      // No `cause` on purpose: an axios error carries the request, its signature header included; only describe()'s summary travels.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(axios.isAxiosError(error) ? describe(error) : String(error));
    }
  }
}

function describe(error: AxiosError): string {
  return error.response ? `call centre answered HTTP ${error.response.status}` : `call centre unreachable: ${error.code ?? error.message}`;
}
