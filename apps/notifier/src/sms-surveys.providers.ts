import { Provider } from '@nestjs/common';
import { parseKeyedSetting } from '@complaints/config';
import { DeliveryOutbox } from '@complaints/delivery';
import { HttpAppOptions } from '@complaints/http';
import { CountryCode, PiiCipher, SignatureSettings } from '@complaints/security';
import { ReceiveSmsReplyUseCase } from './application/sms-replies/receive-sms-reply.use-case';
import { RelaySmsAnswersUseCase } from './application/sms-replies/relay-sms-answers.use-case';
import { PhoneFingerprints } from './application/sms-surveys/phone-fingerprints';
import { PurgeExpiredSmsSurveysUseCase } from './application/sms-surveys/purge-expired-sms-surveys.use-case';
import { CustomerResponsesPublisher, SmsSurveyStore } from './application/sms-surveys/sms-survey.store';
import { TrackSmsSurveysUseCase } from './application/sms-surveys/track-sms-surveys.use-case';
import type { Language, Notification } from './domain/notification';
import { KafkaCustomerResponsesPublisher } from './infrastructure/kafka-customer-responses.publisher';
import { PostgresSmsSurveyStore } from './infrastructure/persistence/postgres-sms-survey.store';
import { SMS_INBOUND_SIGNATURE, SmsGatewaySignatureGuard } from './interface/http/sms-gateway-signature.guard';
import { InboundClock, SMS_INBOUND_CLOCK, SmsInboundController } from './interface/http/sms-inbound.controller';
import { SMS_SURVEY_SCHEDULE, SmsSurveyJobs, SmsSurveySchedule } from './interface/sms-survey.jobs';
import type { NotifierConfig } from './notifier.config';

/** HTTP settings of the notifier: SMS gateways' deliveries are signed over the raw body. */
export function notifierHttpOptions(): Omit<HttpAppOptions, 'openApi'> {
  return { rawBody: true };
}

export const SMS_SURVEY_CONTROLLERS = [SmsInboundController];

/**
 * SMS surveys: the survey texted on resolution is recorded by phone fingerprint, the customers' SMS
 * replies arrive signed at `POST /v1/sms/inbound`, answers go to `complaints.customer-responses.v1`
 * with a thank-you SMS, and expired surveys are purged.
 */
export function smsSurveyProviders(config: NotifierConfig, smsConfigured: boolean, source: string): Provider[] {
  const cipher = PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID);
  const fingerprints = new PhoneFingerprints(config.SMS_SURVEY_FINGERPRINT_KEY, config.SMS_DEFAULT_COUNTRY as CountryCode, (sealed) => cipher.open(sealed));
  const signature: SignatureSettings = { secrets: parseKeyedSetting(config.SMS_INBOUND_SECRETS), toleranceSeconds: config.SMS_INBOUND_TIMESTAMP_TOLERANCE_SEC, now: () => Date.now() };
  const clock: InboundClock = { now: () => Date.now(), toleranceSeconds: config.SMS_INBOUND_TIMESTAMP_TOLERANCE_SEC };
  const schedule: SmsSurveySchedule = { relayMs: config.NOTIFY_POLL_MS, purgeMs: config.SMS_SURVEY_PURGE_INTERVAL_MS };
  return [
    { provide: SMS_INBOUND_SIGNATURE, useValue: signature },
    { provide: SMS_INBOUND_CLOCK, useValue: clock },
    { provide: SMS_SURVEY_SCHEDULE, useValue: schedule },
    SmsGatewaySignatureGuard,
    { provide: SmsSurveyStore, useClass: PostgresSmsSurveyStore },
    { provide: CustomerResponsesPublisher, useClass: KafkaCustomerResponsesPublisher },
    {
      provide: TrackSmsSurveysUseCase,
      inject: [SmsSurveyStore],
      useFactory: (store: SmsSurveyStore) =>
        new TrackSmsSurveysUseCase(store, fingerprints, { ttlHours: config.SMS_SURVEY_TTL_HOURS, defaultLanguage: config.NOTIFY_DEFAULT_LANGUAGE as Language, smsConfigured }),
    },
    { provide: ReceiveSmsReplyUseCase, inject: [SmsSurveyStore], useFactory: (store: SmsSurveyStore) => new ReceiveSmsReplyUseCase(store, fingerprints, source) },
    {
      provide: RelaySmsAnswersUseCase,
      inject: [SmsSurveyStore, CustomerResponsesPublisher, DeliveryOutbox],
      useFactory: (store: SmsSurveyStore, publisher: CustomerResponsesPublisher, outbox: DeliveryOutbox<Notification>) =>
        new RelaySmsAnswersUseCase(store, publisher, outbox, { batchSize: 100, leaseMs: Math.max(30_000, config.KAFKA_SEND_TIMEOUT_MS * 3) }),
    },
    { provide: PurgeExpiredSmsSurveysUseCase, inject: [SmsSurveyStore], useFactory: (store: SmsSurveyStore) => new PurgeExpiredSmsSurveysUseCase(store) },
    SmsSurveyJobs,
  ];
}
