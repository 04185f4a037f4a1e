import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfigModule, loadConfig, parseKeyedSetting } from '@complaints/config';
import { DeliveryModule, DeliveryOutbox } from '@complaints/delivery';
import { HttpAppOptions } from '@complaints/http';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { CountryCode, PiiCipher, SignatureSettings } from '@complaints/security';
import { QueueCallbackUseCase } from './application/notify-callcenter/queue-callback.use-case';
import { CallStore, ReceivedComplaintsPublisher } from './application/receive-calls/call.store';
import { ReceiveCallsUseCase } from './application/receive-calls/receive-calls.use-case';
import type { CallbackPayload } from './domain/callback';
import { AxiosCallbackSender } from './infrastructure/axios-callback.sender';
import { KafkaReceivedComplaintsPublisher } from './infrastructure/kafka-received-complaints.publisher';
import { CallEntity } from './infrastructure/persistence/call.entity';
import { INTAKE_HOTLINE_SCHEMA, intakeHotlineDataSourceOptions } from './infrastructure/persistence/intake-hotline.data-source';
import { TypeOrmCallStore } from './infrastructure/persistence/typeorm-call.store';
import { IntakeHotlineConfig } from './intake-hotline.config';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { HotlineCallsController, MAX_CALLS_PER_BATCH } from './interface/http/hotline-calls.controller';
import { SIGNATURE_SETTINGS } from './interface/http/hotline-signature.guard';

export const INTAKE_HOTLINE_SERVICE = 'intake-hotline';

/** HTTP settings of the service: the signature is checked over the raw body, and batches may be large. */
export function intakeHotlineHttpOptions(config: IntakeHotlineConfig): Omit<HttpAppOptions, 'openApi'> {
  return { bodyLimitBytes: config.HOTLINE_MAX_BODY_BYTES, rawBody: true };
}

/** The hotline intake: call-centre systems push call records; each call becomes `complaints.received.v1`. */
@Module({})
export class IntakeHotlineModule {
  static register(config: IntakeHotlineConfig = loadConfig(IntakeHotlineConfig)): DynamicModule {
    const secrets = parseKeyedSetting(config.HOTLINE_SECRETS);
    const callbackUrls = parseKeyedSetting(config.HOTLINE_CALLBACK_URLS);
    const signature: SignatureSettings = { secrets, toleranceSeconds: config.HOTLINE_TIMESTAMP_TOLERANCE_SEC, now: () => Date.now() };
    return {
      module: IntakeHotlineModule,
      imports: [
        ServiceConfigModule.forRoot(IntakeHotlineConfig, config),
        ObservabilityModule.forRoot({ service: INTAKE_HOTLINE_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: INTAKE_HOTLINE_SERVICE }),
        PersistenceModule.forRoot((c) => intakeHotlineDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        TypeOrmModule.forFeature([CallEntity]),
        DeliveryModule.register<CallbackPayload>({
          name: 'callcenter-callbacks',
          schema: INTAKE_HOTLINE_SCHEMA,
          sender: new AxiosCallbackSender({ urls: callbackUrls, secrets, timeoutMs: config.HOTLINE_CALLBACK_TIMEOUT_MS }),
          settings: {
            maxAttempts: config.HOTLINE_CALLBACK_MAX_ATTEMPTS,
            baseDelayMs: config.HOTLINE_CALLBACK_BACKOFF_MS,
            maxDelayMs: config.HOTLINE_CALLBACK_MAX_BACKOFF_MS,
            batchSize: 50,
            leaseMs: Math.max(30_000, config.HOTLINE_CALLBACK_TIMEOUT_MS * 3),
          },
          pollMs: config.HOTLINE_CALLBACK_POLL_MS,
        }),
      ],
      controllers: [HotlineCallsController],
      providers: [
        { provide: SIGNATURE_SETTINGS, useValue: signature },
        { provide: MAX_CALLS_PER_BATCH, useValue: config.HOTLINE_MAX_CALLS_PER_BATCH },
        { provide: CallStore, useClass: TypeOrmCallStore },
        { provide: ReceivedComplaintsPublisher, useClass: KafkaReceivedComplaintsPublisher },
        {
          provide: ReceiveCallsUseCase,
          inject: [CallStore, ReceivedComplaintsPublisher],
          useFactory: (store: CallStore, publisher: ReceivedComplaintsPublisher) =>
            new ReceiveCallsUseCase(
              store,
              publisher,
              PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID),
              config.HOTLINE_DEFAULT_COUNTRY as CountryCode,
            ),
        },
        {
          provide: QueueCallbackUseCase,
          inject: [DeliveryOutbox],
          useFactory: (outbox: DeliveryOutbox<CallbackPayload>) =>
            new QueueCallbackUseCase(outbox, (callcenterId) => callbackUrls.has(callcenterId)),
        },
        CaseEventsConsumer,
      ],
    };
  }
}
