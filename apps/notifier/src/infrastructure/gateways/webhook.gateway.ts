import axios, { AxiosInstance } from 'axios';
import type { Notification } from '../../domain/notification';
import { describeHttpError, RouteGateway } from './route-gateway';

export interface WebhookSettings {
  /** Shown in errors: `SMS gateway`, `push gateway`. */
  name: string;
  url: string;
  token: string;
  timeoutMs: number;
  /** The JSON body the gateway expects. */
  body: (notification: Notification, recipient: string) => Record<string, unknown>;
}

/** A JSON webhook gateway (SMS, app push): bearer token, `Idempotency-Key` so the gateway can drop repeats. */
export class WebhookGateway implements RouteGateway {
  private readonly http: AxiosInstance;

  constructor(private readonly settings: WebhookSettings) {
    this.http = axios.create({ timeout: settings.timeoutMs, maxRedirects: 0 });
  }

  async send(notification: Notification, recipient: string, idempotencyKey: string): Promise<void> {
    await this.http
      .post(this.settings.url, this.settings.body(notification, recipient), {
        headers: { authorization: `Bearer ${this.settings.token}`, 'idempotency-key': idempotencyKey },
      })
      .catch((error: unknown) => {
        throw describeHttpError(this.settings.name, error);
      });
  }
}

/** The SMS gateway's body: the phone in E.164 and the text. */
export function smsBody(notification: Notification, phone: string): Record<string, unknown> {
  return { to: phone, text: notification.text, reference: notification.reference };
}

/** The push gateway's body: the app's customer id, a title and a body, and data for the app to open the complaint. */
export function pushBody(notification: Notification, customerId: string): Record<string, unknown> {
  return {
    customerId,
    title: notification.subject,
    body: notification.text,
    data: { reference: notification.reference, complaintId: notification.complaintId, event: notification.eventType },
  };
}
