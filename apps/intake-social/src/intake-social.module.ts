import { DynamicModule, Module, Provider } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { HttpAppOptions } from '@complaints/http';
import { KafkaReadiness, MessagingModule, outboxRelayProvider } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule, PurgeSchedule } from '@complaints/persistence';
import { PollWeiboUseCase } from './application/poll-weibo/poll-weibo.use-case';
import { PollCursorStore, WeiboApi } from './application/poll-weibo/weibo.api';
import { PublishConversationsUseCase } from './application/publish-conversations/publish-conversations.use-case';
import { PurgeExpiredSurveysUseCase } from './application/purge-surveys/purge-expired-surveys.use-case';
import { CallbackNonceStore } from './application/guard-callbacks/callback-nonce.store';
import { ConversationStore, ReceivedComplaintsPublisher } from './application/receive-message/conversation.store';
import { ReceiveMessageUseCase } from './application/receive-message/receive-message.use-case';
import { ReplySender, SendRepliesUseCase } from './application/send-replies/send-replies.use-case';
import { SurveyAnswersRelay, SurveyStore } from './application/track-surveys/survey.store';
import { TrackSurveysUseCase } from './application/track-surveys/track-surveys.use-case';
import { WechatCrypto } from './domain/wechat-crypto';
import { AxiosWeiboApi } from './infrastructure/axios-weibo.api';
import { KafkaReceivedComplaintsPublisher } from './infrastructure/kafka-received-complaints.publisher';
import { surveyAnswersOutbox } from './infrastructure/messaging/survey-answers-outbox';
import { intakeSocialDataSourceOptions } from './infrastructure/persistence/intake-social.data-source';
import { PostgresCallbackNonceStore } from './infrastructure/persistence/postgres-callback-nonce.store';
import { PostgresConversationStore } from './infrastructure/persistence/postgres-conversation.store';
import { PostgresPollCursorStore } from './infrastructure/persistence/postgres-poll-cursor.store';
import { PostgresSurveyStore } from './infrastructure/persistence/postgres-survey.store';
import { WechatyBot } from './infrastructure/wechaty-bot';
import { WeiboReplySender } from './infrastructure/weibo-reply.sender';
import { IntakeSocialConfig } from './intake-social.config';
import { socialMetrics } from './interface/social.metrics';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { ConversationRelay, RELAY_POLL_MS } from './interface/conversation-relay';
import { CallbackReplays } from './interface/http/callback-replays';
import { CALLBACK_SECRETS, CallbackSecrets, WechatSignatureGuard, WeiboSignatureGuard } from './interface/http/callback-signature.guard';
import { WECHAT_ACCOUNT, WechatAccount, WechatCallbackController } from './interface/http/wechat-callback.controller';
import { WEIBO_RECEIVER, WeiboCallbackController } from './interface/http/weibo-callback.controller';
import { XmlBodyParser } from './interface/http/xml-body.parser';
import { WechatyBotRunner } from './interface/wechaty-bot.runner';
import { WeiboPollSchedule, WeiboPoller } from './interface/weibo-poller';

export const INTAKE_SOCIAL_SERVICE = 'intake-social';

/** The purge of callback nonces past their window (a PurgeSchedule besides the surveys' one). */
export const NONCE_PURGE = Symbol('NONCE_PURGE');

/** HTTP settings of the service. */
export function intakeSocialHttpOptions(config: IntakeSocialConfig): Omit<HttpAppOptions, 'openApi'> {
  // Raw bodies are kept: a Weibo push's nonce is remembered with a digest of its exact bytes (CallbackReplays).
  return { bodyLimitBytes: config.SOCIAL_MAX_BODY_BYTES, rawBody: true };
}

/**
 * The social intake: the WeChat official account's callback, Weibo's fan-service callback and
 * @mention/comment poller (and the Wechaty bot when configured). A customer's messages within the
 * quiet window become one `complaints.received.v1`; a reply such as 满意 or 1-5 to the survey sent on
 * resolution (known from `complaints.case-events.v1`) becomes a `complaints.customer-responses.v1`.
 */
@Module({})
export class IntakeSocialModule {
  static register(config: IntakeSocialConfig = loadConfig(IntakeSocialConfig)): DynamicModule {
    if (config.WEIBO_ACCESS_TOKEN && !config.WEIBO_ACCOUNT_UID) {
      throw new Error("Invalid configuration: WEIBO_ACCOUNT_UID (the bank's Weibo uid) is required when WEIBO_ACCESS_TOKEN is set");
    }
    const secrets: CallbackSecrets = {
      wechatToken: config.WECHAT_TOKEN,
      weiboAppSecret: config.WEIBO_APP_SECRET,
      toleranceSeconds: config.SOCIAL_TIMESTAMP_TOLERANCE_SEC,
      now: () => Date.now(),
    };
    const aesKeys = [config.WECHAT_ENCODING_AES_KEY, config.WECHAT_ENCODING_AES_KEY_PREVIOUS].filter(Boolean);
    const wechat: WechatAccount = {
      appId: config.WECHAT_APP_ID,
      token: config.WECHAT_TOKEN,
      crypto: new WechatCrypto(config.WECHAT_APP_ID, aesKeys),
      acceptPlaintext: config.WECHAT_ACCEPT_PLAINTEXT === 'true',
      ...(config.WECHAT_ORIGINAL_ID ? { originalId: config.WECHAT_ORIGINAL_ID } : {}),
    };
    const weiboApi = new AxiosWeiboApi({
      baseUrl: config.WEIBO_API_URL,
      accessToken: config.WEIBO_ACCESS_TOKEN,
      timeoutMs: config.WEIBO_API_TIMEOUT_MS,
      pageSize: 100,
      maxPages: 10,
    });
    const weiboReplies = new WeiboReplySender(weiboApi);
    const weiboPolling: Provider[] = config.WEIBO_ACCESS_TOKEN
      ? [{ provide: WeiboPollSchedule, useValue: new WeiboPollSchedule(config.WEIBO_POLL_INTERVAL_MS) }, WeiboPoller]
      : [];
    const chatBot: Provider[] = config.WECHATY_PUPPET
      ? [
          {
            provide: WechatyBot,
            inject: [ReceiveMessageUseCase],
            useFactory: (receive: ReceiveMessageUseCase) =>
              new WechatyBot({ puppet: config.WECHATY_PUPPET, puppetToken: config.WECHATY_PUPPET_TOKEN }, receive),
          },
          WechatyBotRunner,
        ]
      : [];

    return {
      module: IntakeSocialModule,
      imports: [
        ServiceConfigModule.forRoot(IntakeSocialConfig, config),
        ObservabilityModule.forRoot({ service: INTAKE_SOCIAL_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: INTAKE_SOCIAL_SERVICE }),
        PersistenceModule.forRoot((c) => intakeSocialDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
      ],
      controllers: [WechatCallbackController, WeiboCallbackController],
      providers: [
        XmlBodyParser,
        { provide: CALLBACK_SECRETS, useValue: secrets },
        { provide: WECHAT_ACCOUNT, useValue: wechat },
        { provide: WEIBO_RECEIVER, useValue: config.WEIBO_ACCOUNT_UID },
        WechatSignatureGuard,
        WeiboSignatureGuard,
        { provide: CallbackNonceStore, useClass: PostgresCallbackNonceStore },
        CallbackReplays,
        {
          provide: NONCE_PURGE,
          inject: [CallbackNonceStore, PinoLogger],
          useFactory: (nonces: CallbackNonceStore, logger: PinoLogger) =>
            new PurgeSchedule({
              intervalMs: config.SOCIAL_NONCE_PURGE_INTERVAL_MS,
              what: 'expired callback nonces',
              purge: (now) => nonces.purgeExpired(now),
              counted: (n) => socialMetrics.noncesPurged.inc(n),
              logger,
            }),
        },
        { provide: RELAY_POLL_MS, useValue: config.SOCIAL_PUBLISH_POLL_MS },
        { provide: ConversationStore, useClass: PostgresConversationStore },
        { provide: PollCursorStore, useClass: PostgresPollCursorStore },
        { provide: ReceivedComplaintsPublisher, useClass: KafkaReceivedComplaintsPublisher },
        { provide: SurveyStore, useClass: PostgresSurveyStore },
        outboxRelayProvider(SurveyAnswersRelay, IntakeSocialConfig, surveyAnswersOutbox),
        { provide: WeiboApi, useValue: weiboApi },
        {
          provide: ReceiveMessageUseCase,
          inject: [ConversationStore, SurveyAnswersRelay],
          useFactory: (store: ConversationStore, answers: SurveyAnswersRelay) =>
            new ReceiveMessageUseCase(
              store,
              answers,
              config.SOCIAL_QUIET_WINDOW_SEC,
              config.SOCIAL_MAX_CONVERSATION_SEC,
              INTAKE_SOCIAL_SERVICE,
            ),
        },
        {
          provide: PublishConversationsUseCase,
          inject: [ConversationStore, ReceivedComplaintsPublisher],
          useFactory: (store: ConversationStore, publisher: ReceivedComplaintsPublisher) =>
            new PublishConversationsUseCase(
              store,
              publisher,
              {
                quietWindowSeconds: config.SOCIAL_QUIET_WINDOW_SEC,
                batchSize: 100,
                leaseMs: Math.max(30_000, config.KAFKA_SEND_TIMEOUT_MS * 3),
              },
              INTAKE_SOCIAL_SERVICE,
            ),
        },
        {
          provide: TrackSurveysUseCase,
          inject: [SurveyStore],
          useFactory: (store: SurveyStore) => new TrackSurveysUseCase(store, config.SOCIAL_SURVEY_TTL_HOURS),
        },
        CaseEventsConsumer,
        {
          provide: PurgeExpiredSurveysUseCase,
          inject: [SurveyStore],
          useFactory: (store: SurveyStore) => new PurgeExpiredSurveysUseCase(store),
        },
        {
          provide: PurgeSchedule,
          inject: [PurgeExpiredSurveysUseCase, PinoLogger],
          useFactory: (purge: PurgeExpiredSurveysUseCase, logger: PinoLogger) =>
            new PurgeSchedule({
              intervalMs: config.SOCIAL_SURVEY_PURGE_INTERVAL_MS,
              what: 'expired surveys',
              purge: (now) => purge.execute(now),
              counted: (n) => socialMetrics.surveysPurged.inc(n),
              logger,
            }),
        },
        {
          provide: SendRepliesUseCase,
          inject: [ConversationStore, { token: WechatyBot, optional: true }],
          useFactory: (store: ConversationStore, bot?: WechatyBot) =>
            new SendRepliesUseCase(store, [weiboReplies, ...(bot ? [bot] : [])] as ReplySender[], {
              maxAttempts: config.SOCIAL_REPLY_MAX_ATTEMPTS,
              baseDelayMs: config.SOCIAL_REPLY_BACKOFF_MS,
              batchSize: 50,
              leaseMs: Math.max(30_000, config.WEIBO_API_TIMEOUT_MS * 3),
            }),
        },
        {
          provide: PollWeiboUseCase,
          inject: [WeiboApi, PollCursorStore, ReceiveMessageUseCase],
          useFactory: (api: WeiboApi, cursors: PollCursorStore, receive: ReceiveMessageUseCase) =>
            new PollWeiboUseCase(api, cursors, receive, config.WEIBO_ACCOUNT_UID),
        },
        ConversationRelay,
        ...weiboPolling,
        ...chatBot,
      ],
    };
  }
}
