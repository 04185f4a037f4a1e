import axios, { AxiosInstance } from 'axios';
import type { Notification } from '../../domain/notification';
import { describeHttpError, RouteGateway } from './route-gateway';

export interface WeiboSettings {
  baseUrl: string;
  accessToken: string;
  timeoutMs: number;
}

/** Weibo fan service's reply API (`POST /2/messages/reply.json`, form-encoded, a text message to a fan's uid). */
export class WeiboReplyGateway implements RouteGateway {
  private readonly http: AxiosInstance;

  constructor(private readonly settings: WeiboSettings) {
    this.http = axios.create({ baseURL: settings.baseUrl, timeout: settings.timeoutMs });
  }

  async send(notification: Notification, uid: string): Promise<void> {
    const form = new URLSearchParams({
      access_token: this.settings.accessToken,
      type: 'text',
      data: JSON.stringify({ text: notification.text }),
      receiver_id: uid,
    });
    const answer = await this.http
      .post<{ error_code?: number; error?: string }>('/2/messages/reply.json', form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      .catch((error: unknown) => {
        throw describeHttpError('Weibo', error);
      });
    if (answer.data.error_code)
      throw new Error(`Weibo refused the reply: error_code ${answer.data.error_code} ${answer.data.error ?? ''}`.trim());
  }
}
