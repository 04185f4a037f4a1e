import axios, { AxiosInstance } from 'axios';
import type { Notification } from '../../domain/notification';
import { describeHttpError, RouteGateway } from './route-gateway';

export interface WechatSettings {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

/** WeChat error codes meaning the access token is no longer valid: fetch a new one next time. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

/**
 * The official account's customer-service message API (`POST /cgi-bin/message/custom/send`), with the
 * access token from `GET /cgi-bin/token` cached until shortly before it expires.
 */
export class WechatCustomerServiceGateway implements RouteGateway {
  private readonly http: AxiosInstance;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly settings: WechatSettings) {
    this.http = axios.create({ baseURL: settings.baseUrl, timeout: settings.timeoutMs });
  }

  async send(notification: Notification, openId: string): Promise<void> {
    const accessToken = await this.accessToken();
    const answer = await this.http
      .post<{ errcode?: number; errmsg?: string }>(
        '/cgi-bin/message/custom/send',
        { touser: openId, msgtype: 'text', text: { content: notification.text } },
        { params: { access_token: accessToken } },
      )
      .catch((error: unknown) => {
        throw describeHttpError('WeChat', error);
      });
    const errcode = answer.data.errcode ?? 0;
    if (errcode !== 0) {
      if (STALE_TOKEN.has(errcode)) this.token = null;
      throw new Error(`WeChat refused the message: errcode ${errcode} ${answer.data.errmsg ?? ''}`.trim());
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const answer = await this.http
      .get<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>('/cgi-bin/token', {
        params: { grant_type: 'client_credential', appid: this.settings.appId, secret: this.settings.appSecret },
      })
      .catch((error: unknown) => {
        throw describeHttpError('WeChat token endpoint', error);
      });
    if (!answer.data.access_token)
      throw new Error(`WeChat gave no access token: errcode ${answer.data.errcode ?? '?'} ${answer.data.errmsg ?? ''}`.trim());
    const lifetimeMs = (answer.data.expires_in ?? 7_200) * 1000;
    this.token = { value: answer.data.access_token, expiresAt: Date.now() + Math.max(lifetimeMs - 300_000, lifetimeMs / 2) };
    return this.token.value;
  }
}
