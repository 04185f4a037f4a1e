import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { WEB_COMPLAINT_LIMITS } from '@complaints/contracts';
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
import { SubmitComplaintUseCase } from './application/submit-complaint/submit-complaint.use-case';
import { SubmissionStore } from './application/submit-complaint/submission.store';
import { CaseProgressStore } from './application/follow-complaint/case-progress.store';
import { LookUpComplaintQuery } from './application/follow-complaint/look-up-complaint.query';
import { RecordCaseProgressUseCase } from './application/follow-complaint/record-case-progress.use-case';
import { RateComplaintUseCase } from './application/rate-complaint/rate-complaint.use-case';
import { IntakeWebConfig } from './intake-web.config';
import { CaseProgressEntity, CaseUpdateEntity } from './infrastructure/persistence/case-progress.entity';
import { PgRatingStore } from './infrastructure/persistence/pg-rating.store';
import { PgReferenceGuesses } from './infrastructure/persistence/pg-reference-guesses';
import { ReferenceGuesses } from './application/follow-complaint/reference-guesses';
import { RatingStore } from './application/rate-complaint/rating.store';
import { TypeOrmCaseProgressStore } from './infrastructure/persistence/typeorm-case-progress.store';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { FollowComplaintController } from './interface/http/follow-complaint.controller';
import { intakeWebDataSourceOptions } from './infrastructure/persistence/intake-web.data-source';
import { SubmissionEntity } from './infrastructure/persistence/submission.entity';
import { TypeOrmSubmissionStore } from './infrastructure/persistence/typeorm-submission.store';
import { ComplaintsController } from './interface/http/complaints.controller';
import { SiteConfigController } from './interface/web/site-config.controller';

export const INTAKE_WEB_SERVICE = 'intake-web';

/** The largest request body: the complaint fields (64 KiB) and the most evidence, base64-encoded. */
export const INTAKE_WEB_BODY_LIMIT_BYTES =
  WEB_COMPLAINT_LIMITS.maxAttachments * Math.ceil(WEB_COMPLAINT_LIMITS.maxAttachmentBytes / 3) * 4 + 64 * 1024;

/** The public web intake: customers file complaints; each becomes `complaints.received.v1`. */
@Module({})
export class IntakeWebModule {
  static register(config: IntakeWebConfig = loadConfig(IntakeWebConfig)): DynamicModule {
    const limit = config.INTAKE_RATE_LIMIT_PER_MIN;
    const evidenceLinks = evidenceLinkSettings(config.EVIDENCE_LINK_SECRET);
    return {
      module: IntakeWebModule,
      imports: [
        ServiceConfigModule.forRoot(IntakeWebConfig, config),
        ObservabilityModule.forRoot({ service: INTAKE_WEB_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: INTAKE_WEB_SERVICE }),
        PersistenceModule.forRoot((c) => intakeWebDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        TypeOrmModule.forFeature([SubmissionEntity, AttachmentEntity, CaseProgressEntity, CaseUpdateEntity]),
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: limit === 0 ? Number.MAX_SAFE_INTEGER : limit }] }),
      ],
      controllers: [ComplaintsController, FollowComplaintController, SiteConfigController, EvidenceDownloadController],
      providers: [
        { provide: SubmissionStore, useClass: TypeOrmSubmissionStore },
        { provide: ReceivedComplaintPublisher, useClass: KafkaReceivedComplaintPublisher },
        { provide: CaseProgressStore, useClass: TypeOrmCaseProgressStore },
        { provide: EvidenceFiles, useClass: TypeOrmEvidenceFiles },
        { provide: EvidenceLinkSettings, useValue: evidenceLinks },
        { provide: CustomerResponsePublisher, useClass: KafkaCustomerResponsePublisher },
        {
          provide: ReferenceGuesses,
          inject: [getDataSourceToken()],
          useFactory: (db: DataSource) =>
            new PgReferenceGuesses(db, {
              maxWrongAttempts: config.INTAKE_WEB_GUESS_MAX_ATTEMPTS,
              lockMs: config.INTAKE_WEB_GUESS_LOCK_SECONDS * 1000,
            }),
        },
        { provide: RatingStore, useClass: PgRatingStore },
        {
          provide: LookUpComplaintQuery,
          inject: [SubmissionStore, CaseProgressStore, ReferenceGuesses],
          useFactory: (s: SubmissionStore, p: CaseProgressStore, g: ReferenceGuesses) => new LookUpComplaintQuery(s, p, g),
        },
        {
          provide: RateComplaintUseCase,
          inject: [LookUpComplaintQuery, RatingStore, CustomerResponsePublisher],
          useFactory: (q: LookUpComplaintQuery, r: RatingStore, p: CustomerResponsePublisher) => new RateComplaintUseCase(q, r, p),
        },
        {
          provide: RecordCaseProgressUseCase,
          inject: [CaseProgressStore],
          useFactory: (p: CaseProgressStore) => new RecordCaseProgressUseCase(p),
        },
        CaseEventsConsumer,
        {
          provide: SubmitComplaintUseCase,
          inject: [SubmissionStore, ReceivedComplaintPublisher],
          useFactory: (store: SubmissionStore, publisher: ReceivedComplaintPublisher) =>
            new SubmitComplaintUseCase(store, publisher, PiiCipher.fromSetting(config.PII_KEYS, config.PII_ACTIVE_KEY_ID)),
        },
      ],
    };
  }
}
