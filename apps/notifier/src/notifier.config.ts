import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { getCountries } from 'libphonenumber-js';
import { DatabaseServiceConfig } from '@complaints/config';

/**
 * Gateways are optional one by one: a route whose gateway is not configured is not used (and says so
 * in the logs and metrics), so a deployment can start with SMS only and add WeChat later.
 */
export class NotifierConfig extends DatabaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  NOTIFIER_PORT: number = 3007;

  @IsString()
  @IsNotEmpty()
  PII_KEYS: string;

  @IsString()
  @IsNotEmpty()
  PII_ACTIVE_KEY_ID: string;

  /** Language of messages for complaints in neither Chinese nor English. */
  @IsIn(['zh', 'en'])
  NOTIFY_DEFAULT_LANGUAGE: string = 'zh';

  /** WeChat official account (customer-service message API). Empty app secret: WeChat route off. */
  @IsString()
  WECHAT_API_BASE_URL: string = 'https://api.weixin.qq.com';

  @IsString()
  @IsNotEmpty()
  WECHAT_APP_ID: string;

  @IsString()
  WECHAT_APP_SECRET: string = '';

  /** Weibo fan service reply API. Empty access token: Weibo route off. */
  @IsString()
  WEIBO_API_URL: string = 'https://api.weibo.com';

  @IsString()
  WEIBO_ACCESS_TOKEN: string = '';

  /** App push gateway webhook (JSON, bearer token). Empty URL: push route off. */
  @IsString()
  PUSH_GATEWAY_URL: string = '';

  @ValidateIf((c: NotifierConfig) => c.PUSH_GATEWAY_URL !== '')
  @IsString()
  @IsNotEmpty()
  PUSH_GATEWAY_TOKEN: string = '';

  /** SMS gateway webhook (JSON, bearer token). Empty URL: SMS route off. */
  @IsString()
  SMS_GATEWAY_URL: string = '';

  @ValidateIf((c: NotifierConfig) => c.SMS_GATEWAY_URL !== '')
  @IsString()
  @IsNotEmpty()
  SMS_GATEWAY_TOKEN: string = '';

  /**
   * Who may deliver customers' SMS replies to `POST /v1/sms/inbound`: `<gatewayId>:<secret>` pairs,
   * comma-separated; repeat an id to keep two secrets active while rotating. Empty: every delivery refused.
   */
  @IsString()
  SMS_INBOUND_SECRETS: string = '';

  /** Accepted distance between an inbound delivery's X-Timestamp and the server clock, against replays. */
  @IsInt()
  @Min(1)
  @Max(3_600)
  SMS_INBOUND_TIMESTAMP_TOLERANCE_SEC: number = 300;

  /** Country of sender numbers without a country code (ISO 3166 alpha-2). */
  @IsIn(getCountries())
  SMS_DEFAULT_COUNTRY: string = 'CN';

  /** HMAC key of the phone fingerprints that key SMS surveys (no phone number is stored with them). */
  @IsString()
  @MinLength(16)
  SMS_SURVEY_FINGERPRINT_KEY: string;

  /** How long after resolution an SMS reply such as 满意 or 1-5 answers the survey. */
  @IsInt()
  @Min(1)
  @Max(90 * 24)
  SMS_SURVEY_TTL_HOURS: number = 7 * 24;

  /**
   * How long the record of each SMS reply (phone fingerprint, outcome, score; never the text) is
   * kept: a gateway's redelivery within it gets the first answer again. Older records are deleted
   * by the same job as expired surveys.
   */
  @IsInt()
  @Min(1)
  @Max(3_650)
  SMS_REPLY_RETENTION_DAYS: number = 90;

  /** How often expired SMS surveys and SMS replies past their retention are deleted (0: never). */
  @IsInt()
  @Min(0)
  @Max(7 * 86_400_000)
  SMS_SURVEY_PURGE_INTERVAL_MS: number = 3_600_000;

  /** SMTP server for e-mail, e.g. smtp://user:pass@host:587. Empty: e-mail route off. */
  @IsString()
  SMTP_URL: string = '';

  @IsString()
  @IsNotEmpty()
  EMAIL_FROM: string = 'Complaints <complaints@bank.example>';

  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFY_MAX_ATTEMPTS: number = 10;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  NOTIFY_BACKOFF_MS: number = 2_000;

  @IsInt()
  @Min(1)
  @Max(86_400_000)
  NOTIFY_MAX_BACKOFF_MS: number = 600_000;

  @IsInt()
  @Min(100)
  @Max(120_000)
  NOTIFY_TIMEOUT_MS: number = 5_000;

  @IsInt()
  @Min(10)
  @Max(60_000)
  NOTIFY_POLL_MS: number = 1_000;

  /** Staff who receive the weekly bulletin (analytics.bulletins.v1) by e-mail, comma-separated; sent through SMTP_URL. */
  @Matches(/^$|^[^\s,@]+@[^\s,@]+(,[^\s,@]+@[^\s,@]+)*$/, { message: 'NOTIFIER_STAFF_EMAILS must be e-mail addresses separated by commas' })
  NOTIFIER_STAFF_EMAILS: string = '';

  /** Webhooks (chat bots, the intranet) that receive the weekly bulletin as JSON, comma-separated. */
  @Matches(/^$|^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, {
    message: 'NOTIFIER_STAFF_WEBHOOK_URLS must be http(s) URLs separated by commas',
  })
  NOTIFIER_STAFF_WEBHOOK_URLS: string = '';

  /** HMAC secret signing the staff webhooks (X-Timestamp, X-Signature: sha256=...); empty: unsigned. */
  @IsString()
  NOTIFIER_STAFF_WEBHOOK_SECRET: string = '';
}
