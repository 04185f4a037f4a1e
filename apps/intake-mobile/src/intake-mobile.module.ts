import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvalidConfigError, ServiceConfigModule, loadConfig } from '@complaints/config';
import { HttpAppOptions } from '@complaints/http';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import {
  AttachmentEntity,
  CustomerResponsePublisher,
  KafkaCustomerResponsePublisher,
  KafkaReceivedComplaintPublisher,
  ReceivedComplaintPublisher,
  TypeOrmEvidenceFiles,
} from '@complaints/intake';
import { EvidenceDownloadController, EvidenceFiles, EvidenceLinkSettings, evidenceLinkSettings, PiiCipher } from '@complaints/security';
import { CustomerTokenVerifier } from './application/authenticate/customer-token.verifier';
import { RateComplaintUseCase } from './application/rate-complaint/rate-complaint.use-case';
import { RatingStore } from './application/rate-complaint/rating.store';
import { SubmissionStore } from './application/submit-complaint/submission.store';
import { SubmitComplaintUseCase } from './application/submit-complaint/submit-complaint.use-case';
import { ApplyCaseEventUseCase } from './application/track-complaints/apply-case-event.use-case';
import { ComplaintViewStore } from './application/track-complaints/complaint-view.store';
import { ViewMyComplaintsUseCase } from './application/track-complaints/view-my-complaints.use-case';
import { IntakeMobileConfig } from './intake-mobile.config';
import { JoseCustomerTokenVerifier } from './infrastructure/jose-customer-token.verifier';
import { CaseUpdateEntity } from './infrastructure/persistence/case-update.entity';
import { intakeMobileDataSourceOptions } from './infrastructure/persistence/intake-mobile.data-source';
import { RatingEntity } from './infrastructure/persistence/rating.entity';
import { SubmissionEntity } from './infrastructure/persistence/submission.entity';
import { TypeOrmComplaintViewStore } from './infrastructure/persistence/typeorm-complaint-view.store';
import { TypeOrmRatingStore } from './infrastructure/persistence/typeorm-rating.store';
import { TypeOrmSubmissionStore } from './infrastructure/persistence/typeorm-submission.store';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { AppComplaintsController, EVIDENCE_LIMITS } from './interface/http/app-complaints.controller';
import { AppRatingsController } from './interface/http/app-ratings.controller';
import { CustomerThrottlerGuard } from './interface/http/customer-throttler.guard';
import { CustomerTokenGuard } from './interface/http/customer-token.guard';
import { EarlyAuthenticationHook } from './interface/http/early-authentication.hook';
import { EvidenceLimits } from '@complaints/contracts';

export const INTAKE_MOBILE_SERVICE = 'intake-mobile';

/** Room in a request body for the complaint fields next to the base64 evidence. */
const FIELDS_ALLOWANCE_BYTES = 256 * 1024;

/** HTTP settings: the body carries up to MOBILE_MAX_ATTACHMENTS base64 files (4/3 of their size). */
export function intakeMobileHttpOptions(config: IntakeMobileConfig): Omit<HttpAppOptions, 'openApi'> {
  return { bodyLimitBytes: config.MOBILE_MAX_ATTACHMENTS * Math.ceil(config.MOBILE_MAX_ATTACHMENT_BYTES / 3) * 4 + FIELDS_ALLOWANCE_BYTES };
}

/** The token verifier the configuration describes; refuses a configuration that cannot check tokens. */
export function customerTokenVerifier(config: IntakeMobileConfig): JoseCustomerTokenVerifier {
  try {
    return new JoseCustomerTokenVerifier({
      secret: config.MOBILE_JWT_SECRET,
      publicKeyPem: config.MOBILE_JWT_PUBLIC_KEY,
      jwksUrl: config.MOBILE_JWKS_URL,
      issuer: config.MOBILE_JWT_ISSUER,
      audience: config.MOBILE_JWT_AUDIENCE,
      clockToleranceSec: config.MOBILE_JWT_CLOCK_TOLERANCE_SEC,
      jwksCooldownSec: config.MOBILE_JWKS_COOLDOWN_SEC,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidConfigError([`MOBILE_JWT_SECRET / MOBILE_JWT_PUBLIC_KEY / MOBILE_JWKS_URL: ${reason}`]);
  }
}

/** The mobile app intake: customers signed in to the app file complaints with evidence, follow them and rate their handling. */
@Module({})
export class IntakeMobileModule {
  static register(config: IntakeMobileConfig = loadConfig(IntakeMobileConfig)): DynamicModule {
    const limit = config.MOBILE_RATE_LIMIT_PER_MIN;
    const limits: EvidenceLimits = { maxCount: config.MOBILE_MAX_ATTACHMENTS, maxBytes: config.MOBILE_MAX_ATTACHMENT_BYTES };
    const verifier = customerTokenVerifier(config);
    const evidenceLinks = evidenceLinkSettings(config.EVIDENCE_LINK_SECRET);
    return {
      module: IntakeMobileModule,
      imports: [
        ServiceConfigModule.forRoot(IntakeMobileConfig, config),
        ObservabilityModule.forRoot({ service: INTAKE_MOBILE_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: INTAKE_MOBILE_SERVICE }),
        PersistenceModule.forRoot((c) => intakeMobileDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        TypeOrmModule.forFeature([SubmissionEntity, AttachmentEntity, CaseUpdateEntity, RatingEntity]),
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: limit === 0 ? Number.MAX_SAFE_INTEGER : limit }] }),
      ],
      controllers: [AppComplaintsController, AppRatingsController, EvidenceDownloadController],
      providers: [
        { provide: CustomerTokenVerifier, useValue: verifier },
        { provide: EVIDENCE_LIMITS, useValue: limits },
        CustomerTokenGuard,
        CustomerThrottlerGuard,
        EarlyAuthenticationHook,
        { provide: SubmissionStore, useClass: TypeOrmSubmissionStore },
        { provide: ComplaintViewStore, useClass: TypeOrmComplaintViewStore },
        { provide: EvidenceFiles, useClass: TypeOrmEvidenceFiles },
        { provide: EvidenceLinkSettings, useValue: evidenceLinks },
        { provide: ReceivedComplaintPublisher, useClass: KafkaReceivedComplaintPublisher },
        { provide: RatingStore, useClass: TypeOrmRatingStore },
        { provide: CustomerResponsePublisher, useClass: KafkaCustomerResponsePublisher },
        {
          provide: RateComplaintUseCase,
          inject: [RatingStore, ComplaintViewStore, CustomerResponsePublisher],
          useFactory: (ratings: RatingStore, complaints: ComplaintViewStore, publisher: CustomerResponsePublisher) =>
            new RateComplaintUseCase(ratings, complaints, publisher, INTAKE_MOBILE_SERVICE),
        },
        {
          provide: SubmitComplaintUseCase,
          inject: [SubmissionStore, ReceivedComplaintPublisher],
          useFactory: (store: SubmissionStore, publisher: ReceivedComplaintPublisher) =>
            new SubmitComplaintUseCase(store, publisher, PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID)),
        },
        {
          provide: ViewMyComplaintsUseCase,
          inject: [ComplaintViewStore],
          useFactory: (store: ComplaintViewStore) => new ViewMyComplaintsUseCase(store),
        },
        {
          provide: ApplyCaseEventUseCase,
          inject: [ComplaintViewStore],
          useFactory: (store: ComplaintViewStore) => new ApplyCaseEventUseCase(store),
        },
        CaseEventsConsumer,
      ],
    };
  }
}
