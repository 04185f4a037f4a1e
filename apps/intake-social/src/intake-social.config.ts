import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { DatabaseServiceConfig } from '@complaints/config';

const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/;

export class IntakeSocialConfig extends DatabaseServiceConfig {
  @IsInt()
  @Min(0)
  @Max(65_535)
  INTAKE_SOCIAL_PORT: number = 3004;

  /** The Token configured in the official account's server settings (signs every callback). */
  @IsString()
  @IsNotEmpty()
  WECHAT_TOKEN: string;

  @IsString()
  @Matches(/^wx[0-9a-zA-Z]{6,32}$/, { message: 'WECHAT_APP_ID must be an official-account app id (wx...)' })
  WECHAT_APP_ID: string;

  /** EncodingAESKey of the "safe mode" (43 base64 characters). */
  @Matches(ENCODING_AES_KEY, { message: 'WECHAT_ENCODING_AES_KEY must be 43 base64 characters' })
  WECHAT_ENCODING_AES_KEY: string;

  /** The key before the last rotation, still accepted for incoming messages; empty when not rotating. */
  @Matches(/^([A-Za-z0-9+/]{43})?$/, { message: 'WECHAT_ENCODING_AES_KEY_PREVIOUS must be empty or 43 base64 characters' })
  WECHAT_ENCODING_AES_KEY_PREVIOUS: string = '';

  /**
   * `true` also takes plaintext messages although an EncodingAESKey is configured: only for WeChat's
   * compatible mode while an account moves to safe mode. Default `false`: plaintext is refused (403).
   */
  @IsIn(['true', 'false'])
  WECHAT_ACCEPT_PLAINTEXT: 'true' | 'false' = 'false';

  /** The official account's original id (`gh_...`, ToUserName of its messages); empty: not checked. */
  @Matches(/^(gh_[0-9a-zA-Z]{6,32})?$/, { message: 'WECHAT_ORIGINAL_ID must be empty or an original id (gh_...)' })
  WECHAT_ORIGINAL_ID: string = '';

  /** The Weibo app secret (signs fan-service callbacks). */
  @IsString()
  @IsNotEmpty()
  WEIBO_APP_SECRET: string;

  /** Accepted distance between a callback's timestamp and the server clock, against replays. */
  @IsInt()
  @Min(1)
  @Max(3_600)
  SOCIAL_TIMESTAMP_TOLERANCE_SEC: number = 300;

  /** How often the nonces of callbacks whose timestamp left the tolerance window are deleted. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  SOCIAL_NONCE_PURGE_INTERVAL_MS: number = 60_000;

  /** Messages of one customer less than this apart form one complaint (0: every message is its own). */
  @IsInt()
  @Min(0)
  @Max(86_400)
  SOCIAL_QUIET_WINDOW_SEC: number = 120;

  /** A conversation open this long takes no more messages (the next one opens a new complaint). */
  @IsInt()
  @Min(1)
  @Max(7 * 86_400)
  SOCIAL_MAX_CONVERSATION_SEC: number = 1_800;

  /** How often the relays look for conversations that went quiet and for survey answers in the outbox (also sent right after each answer), to publish them. */
  @IsInt()
  @Min(10)
  @Max(60_000)
  SOCIAL_PUBLISH_POLL_MS: number = 1_000;

  /** How long after resolution a reply such as 满意 or 1-5 counts as the answer to the survey (then it is a message again). */
  @IsInt()
  @Min(1)
  @Max(90 * 24)
  SOCIAL_SURVEY_TTL_HOURS: number = 7 * 24;

  /** How often expired surveys are deleted from intake_social.surveys (0: never). */
  @IsInt()
  @Min(0)
  @Max(7 * 86_400_000)
  SOCIAL_SURVEY_PURGE_INTERVAL_MS: number = 3_600_000;

  @IsInt()
  @Min(1_024)
  @Max(16 * 1024 * 1024)
  SOCIAL_MAX_BODY_BYTES: number = 256 * 1024;

  @IsInt()
  @Min(1)
  @Max(100)
  SOCIAL_REPLY_MAX_ATTEMPTS: number = 8;

  @IsInt()
  @Min(1)
  @Max(3_600_000)
  SOCIAL_REPLY_BACKOFF_MS: number = 2_000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  WEIBO_API_URL: string = 'https://api.weibo.com';

  /** OAuth access token of the bank's Weibo account; empty: the @mention/comment poller is off. */
  @IsString()
  WEIBO_ACCESS_TOKEN: string = '';

  /** The bank's Weibo uid (the account the poller reads for). */
  @Matches(/^\d{0,20}$/, { message: 'WEIBO_ACCOUNT_UID must be a Weibo uid' })
  WEIBO_ACCOUNT_UID: string = '';

  @IsInt()
  @Min(100)
  @Max(3_600_000)
  WEIBO_POLL_INTERVAL_MS: number = 60_000;

  @IsInt()
  @Min(100)
  @Max(120_000)
  WEIBO_API_TIMEOUT_MS: number = 5_000;

  /** Wechaty puppet to run the chat bot with (e.g. `wechaty-puppet-service`); empty: no bot. */
  @IsIn(['', 'wechaty-puppet-mock', 'wechaty-puppet-service', 'wechaty-puppet-wechat4u'])
  WECHATY_PUPPET: string = '';

  /** Token for puppets that need one (wechaty-puppet-service). */
  @IsString()
  WECHATY_PUPPET_TOKEN: string = '';
}
