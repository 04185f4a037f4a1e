import { Provider } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { parseKeyedSetting } from '@complaints/config';
import { HttpAppOptions } from '@complaints/http';
import { outboxRelayProvider } from '@complaints/messaging';
import { PurgeSchedule } from '@complaints/persistence';
import { CountryCode, PiiCipher, SignatureSettings } from '@complaints/security';
import { ReceiveSmsReplyUseCase } from './application/sms-replies/receive-sms-reply.use-case';
import { PhoneFingerprints } from './application/sms-surveys/phone-fingerprints';
import { PurgeExpiredSmsSurveysUseCase } from './application/sms-surveys/purge-expired-sms-surveys.use-case';
import { AnswersRelay, SmsSurveyStore } from './application/sms-surveys/sms-survey.store';
import { TrackSmsSurveysUseCase } from './application/sms-surveys/track-sms-surveys.use-case';
import type { Language } from './domain/notification';
import { answersOutbox } from './infrastructure/messaging/answers-outbox';
import { PostgresSmsSurveyStore } from './infrastructure/persistence/postgres-sms-survey.store';
import { smsSurveyMetrics } from './interface/sms-survey.metrics';
import { SMS_INBOUND_SIGNATURE, SmsGatewaySignatureGuard } from './interface/http/sms-gateway-signature.guard';
import { InboundClock, SMS_INBOUND_CLOCK, SmsInboundController } from './interface/http/sms-inbound.controller';
import { NotifierConfig } from './notifier.config';

/** HTTP settings of the notifier: SMS gateways' deliveries are signed over the raw body. */
export function notifierHttpOptions(): Omit<HttpAppOptions, 'openApi'> {
  return { rawBody: true };
}

export const SMS_SURVEY_CONTROLLERS = [SmsInboundController];

/**
 * SMS surveys: the survey texted on resolution is recorded by phone fingerprint, the customers' SMS
 * replies arrive signed at `POST /v1/sms/inbound`, answers go to `complaints.customer-responses.v1`
 * through the notifier's outbox with a thank-you SMS, and expired surveys are purged.
 */
export function smsSurveyProviders(config: NotifierConfig, smsConfigured: boolean, source: string): Provider[] {
  const cipher = PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID);
  const fingerprints = new PhoneFingerprints(config.SMS_SURVEY_FINGERPRINT_KEY, config.SMS_DEFAULT_COUNTRY as CountryCode, (sealed) =>
    cipher.open(sealed),
  );
  const signature: SignatureSettings = {
    secrets: parseKeyedSetting(config.SMS_INBOUND_SECRETS),
    toleranceSeconds: config.SMS_INBOUND_TIMESTAMP_TOLERANCE_SEC,
    now: () => Date.now(),
  };
  const clock: InboundClock = { now: () => Date.now(), toleranceSeconds: config.SMS_INBOUND_TIMESTAMP_TOLERANCE_SEC };
  return [
    { provide: SMS_INBOUND_SIGNATURE, useValue: signature },
    { provide: SMS_INBOUND_CLOCK, useValue: clock },
    SmsGatewaySignatureGuard,
    { provide: SmsSurveyStore, useClass: PostgresSmsSurveyStore },
    outboxRelayProvider(AnswersRelay, NotifierConfig, answersOutbox),
    {
      provide: TrackSmsSurveysUseCase,
      inject: [SmsSurveyStore],
      useFactory: (store: SmsSurveyStore) =>
        new TrackSmsSurveysUseCase(store, fingerprints, {
          ttlHours: config.SMS_SURVEY_TTL_HOURS,
          defaultLanguage: config.NOTIFY_DEFAULT_LANGUAGE as Language,
          smsConfigured,
        }),
    },
    {
      provide: ReceiveSmsReplyUseCase,
      inject: [SmsSurveyStore, AnswersRelay],
      useFactory: (store: SmsSurveyStore, relay: AnswersRelay) => new ReceiveSmsReplyUseCase(store, relay, fingerprints, source),
    },
    {
      provide: PurgeExpiredSmsSurveysUseCase,
      inject: [SmsSurveyStore],
      useFactory: (store: SmsSurveyStore) => new PurgeExpiredSmsSurveysUseCase(store, config.SMS_REPLY_RETENTION_DAYS),
    },
    {
      provide: PurgeSchedule,
      inject: [PurgeExpiredSmsSurveysUseCase, PinoLogger],
      useFactory: (purge: PurgeExpiredSmsSurveysUseCase, logger: PinoLogger) =>
        new PurgeSchedule({
          intervalMs: config.SMS_SURVEY_PURGE_INTERVAL_MS,
          what: 'expired SMS surveys and replies',
          purge: (now) => purge.execute(now),
          counted: (n) => smsSurveyMetrics.purged.inc(n),
          logger,
        }),
    },
  ];
}
