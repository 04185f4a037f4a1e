import { createHash } from 'node:crypto';
import axios, { AxiosInstance } from 'axios';
import { signPayload } from '@complaints/security';
import type { StaffMessage } from '../../domain/staff-message';
import { describeHttpError } from './route-gateway';

/** The id a staff webhook URL goes by in the outbox (URLs may carry tokens; the outbox keeps only this). */
export function staffWebhookId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

export interface StaffWebhookSettings {
  urls: readonly string[];
  /** Empty: unsigned. */
  secret: string;
  timeoutMs: number;
}

/**
 * POSTs the bulletin as JSON to each configured staff webhook: `Idempotency-Key` (the delivery id),
 * and when a secret is set `X-Timestamp` and `X-Signature` over the raw body.
 */
export class StaffWebhookGateway {
  private readonly http: AxiosInstance;
  private readonly urls: Map<string, string>;

  constructor(private readonly settings: StaffWebhookSettings) {
    this.http = axios.create({ timeout: settings.timeoutMs, maxRedirects: 0 });
    this.urls = new Map(settings.urls.map((url) => [staffWebhookId(url), url]));
  }

  get ids(): string[] {
    return [...this.urls.keys()];
  }

  async send(message: StaffMessage, idempotencyKey: string): Promise<void> {
    const url = this.urls.get(message.recipient);
    if (!url) throw new Error('staff webhook no longer configured');
    const body = JSON.stringify({
      type: 'analytics.bulletin',
      bulletinId: message.bulletinId,
      week: message.week,
      subject: message.subject,
      text: message.text,
      bulletin: message.data,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = this.settings.secret
      ? { 'x-timestamp': timestamp, 'x-signature': signPayload(this.settings.secret, timestamp, body) }
      : {};
    await this.http
      .post(url, body, { headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...signature } })
      .catch((error: unknown) => {
        throw describeHttpError('staff webhook', error);
      });
  }
}
