import type { Route } from '../../domain/notification';
import type { NotifierConfig } from '../../notifier.config';
import { EmailGateway } from './email.gateway';
import { RouteGateway } from './route-gateway';
import { WebhookGateway, pushBody, smsBody } from './webhook.gateway';
import { WechatCustomerServiceGateway } from './wechat-customer-service.gateway';
import { WeiboReplyGateway } from './weibo-reply.gateway';

/** The gateways this deployment configured, by route. */
export function routeGateways(config: NotifierConfig): Map<Route, RouteGateway> {
  const timeoutMs = config.NOTIFY_TIMEOUT_MS;
  const gateways = new Map<Route, RouteGateway>();
  if (config.WECHAT_APP_SECRET) {
    gateways.set(
      'wechat',
      new WechatCustomerServiceGateway({
        baseUrl: config.WECHAT_API_BASE_URL,
        appId: config.WECHAT_APP_ID,
        appSecret: config.WECHAT_APP_SECRET,
        timeoutMs,
      }),
    );
  }
  if (config.WEIBO_ACCESS_TOKEN)
    gateways.set('weibo', new WeiboReplyGateway({ baseUrl: config.WEIBO_API_URL, accessToken: config.WEIBO_ACCESS_TOKEN, timeoutMs }));
  if (config.PUSH_GATEWAY_URL)
    gateways.set(
      'push',
      new WebhookGateway({
        name: 'push gateway',
        url: config.PUSH_GATEWAY_URL,
        token: config.PUSH_GATEWAY_TOKEN,
        timeoutMs,
        body: pushBody,
      }),
    );
  if (config.SMS_GATEWAY_URL)
    gateways.set(
      'sms',
      new WebhookGateway({ name: 'SMS gateway', url: config.SMS_GATEWAY_URL, token: config.SMS_GATEWAY_TOKEN, timeoutMs, body: smsBody }),
    );
  if (config.SMTP_URL) gateways.set('email', new EmailGateway({ smtpUrl: config.SMTP_URL, from: config.EMAIL_FROM, timeoutMs }));
  return gateways;
}
