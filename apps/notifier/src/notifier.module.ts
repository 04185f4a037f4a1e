import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { DeliveryModule, DeliveryOutbox } from '@complaints/delivery';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { PiiCipher } from '@complaints/security';
import { QueueNotificationsUseCase } from './application/queue-notifications/queue-notifications.use-case';
import { QueueStaffBulletinUseCase } from './application/queue-staff-bulletin/queue-staff-bulletin.use-case';
import type { Language, Notification } from './domain/notification';
import { NotificationSender } from './infrastructure/gateways/notification.sender';
import { routeGateways } from './infrastructure/gateways/route-gateways';
import { OutboundMessage, OutboundSender, staffGateways } from './infrastructure/gateways/staff-message.sender';
import { NOTIFIER_SCHEMA, notifierDataSourceOptions } from './infrastructure/persistence/notifier.data-source';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { StaffBulletinsConsumer } from './interface/staff-bulletins.consumer';
import { NotifierConfig } from './notifier.config';
import { SMS_SURVEY_CONTROLLERS, smsSurveyProviders } from './sms-surveys.providers';

export const NOTIFIER_SERVICE = 'notifier';

/**
 * The notifier: tells customers about their case on the channel they used (WeChat, Weibo, app push, SMS, e-mail),
 * and sends staff the weekly bulletin (e-mail, webhooks).
 */
@Module({})
export class NotifierModule {
  static register(config: NotifierConfig = loadConfig(NotifierConfig)): DynamicModule {
    const gateways = routeGateways(config);
    const staff = staffGateways(config);
    return {
      module: NotifierModule,
      imports: [
        ServiceConfigModule.forRoot(NotifierConfig, config),
        ObservabilityModule.forRoot({ service: NOTIFIER_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: NOTIFIER_SERVICE }),
        PersistenceModule.forRoot((c) => notifierDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        DeliveryModule.register<OutboundMessage>({
          name: 'notifications',
          schema: NOTIFIER_SCHEMA,
          sender: new OutboundSender(
            new NotificationSender(gateways, PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID)),
            staff,
          ),
          settings: {
            maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
            baseDelayMs: config.NOTIFY_BACKOFF_MS,
            maxDelayMs: config.NOTIFY_MAX_BACKOFF_MS,
            batchSize: 50,
            leaseMs: Math.max(30_000, config.NOTIFY_TIMEOUT_MS * 3),
          },
          pollMs: config.NOTIFY_POLL_MS,
        }),
      ],
      controllers: [...SMS_SURVEY_CONTROLLERS],
      providers: [
        ...smsSurveyProviders(config, gateways.has('sms'), NOTIFIER_SERVICE),
        {
          provide: QueueNotificationsUseCase,
          inject: [DeliveryOutbox],
          useFactory: (outbox: DeliveryOutbox<Notification>) =>
            new QueueNotificationsUseCase(outbox, new Set(gateways.keys()), config.NOTIFY_DEFAULT_LANGUAGE as Language),
        },
        CaseEventsConsumer,
        {
          provide: QueueStaffBulletinUseCase,
          inject: [DeliveryOutbox],
          useFactory: (outbox: DeliveryOutbox<OutboundMessage>) =>
            new QueueStaffBulletinUseCase(outbox, {
              emails: config.NOTIFIER_STAFF_EMAILS.split(',').filter(Boolean),
              webhooks: staff.webhooks.ids,
            }),
        },
        StaffBulletinsConsumer,
      ],
    };
  }
}
