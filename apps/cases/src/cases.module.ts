import { DynamicModule, Module } from '@nestjs/common';
import { InvalidConfigError, ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule, outboxRelayProvider } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { evidenceLinkSettings, StaffAuthModule, staffTokenSigningKey, StaffTokenSigningKey } from '@complaints/security';
import { ActOnCaseUseCase } from './application/act-on-case/act-on-case.use-case';
import { RecordCustomerResponseUseCase } from './application/record-customer-response/record-customer-response.use-case';
import { ApplyReassignmentUseCase } from './application/apply-reassignment/apply-reassignment.use-case';
import { CaseEventsRelay } from './application/case-events.relay';
import { CaseRepository } from './application/case.repository';
import { CheckSlaUseCase } from './application/check-sla/check-sla.use-case';
import { Clock, SystemClock } from './application/clock';
import { FindCasesQuery } from './application/find-cases/find-cases.query';
import { OpenCaseUseCase } from './application/open-case/open-case.use-case';
import { CasesConfig } from './cases.config';
import { caseEventsOutbox } from './infrastructure/messaging/case-events-outbox';
import { casesDataSourceOptions } from './infrastructure/persistence/cases.data-source';
import { TypeOrmCaseRepository } from './infrastructure/persistence/typeorm-case.repository';
import { SlaWatcher } from './infrastructure/scheduling/sla-watcher';
import { ComplaintRoutedConsumer } from './interface/complaint-routed.consumer';
import { CustomerResponsesConsumer } from './interface/customer-responses.consumer';
import { HandlerReassignmentsConsumer } from './interface/handler-reassignments.consumer';
import { CaseActionsController } from './interface/http/case-actions.controller';
import { CasesController } from './interface/http/cases.controller';
import { ConsoleConfigController } from './interface/http/console-config.controller';
import { DevSignInController } from './interface/http/dev-sign-in.controller';
import { CaseDetailPresenter } from './interface/http/case-detail.presenter';
import { EvidenceLinks } from './interface/http/evidence-links';
import { OIDC_CLIENT, OidcSignInController } from './interface/http/oidc-sign-in.controller';
import { OidcClient } from './infrastructure/auth/oidc-client';
import { STAFF_TOKEN_SIGNER } from './interface/http/sign-in.view';

/** The key of the staff tokens cases signs at sign-in; refuses one that cannot sign. */
function casesSigningKey(config: CasesConfig): StaffTokenSigningKey {
  try {
    return staffTokenSigningKey(config.STAFF_TOKEN_SIGNING_KEY, config.STAFF_TOKEN_ISSUER, config.STAFF_TOKEN_AUDIENCE);
  } catch (error) {
    throw new InvalidConfigError([`STAFF_TOKEN_SIGNING_KEY: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

export const CASES_SERVICE = 'cases';

export interface CasesModuleOptions {
  /** The time source (tests pass a controllable one). */
  clock?: Clock;
}

/**
 * The cases service: opens a case per routed complaint, runs its lifecycle and clocks, serves the
 * staff API, and publishes `complaints.case-events.v1` through a transactional outbox.
 */
@Module({})
export class CasesModule {
  static register(config: CasesConfig = loadConfig(CasesConfig), options: CasesModuleOptions = {}): DynamicModule {
    const policy = config.slaPolicy;
    const signingKey = casesSigningKey(config);
    const evidenceLinks = new EvidenceLinks(
      evidenceLinkSettings(config.EVIDENCE_LINK_SECRET).keys,
      config.evidenceBaseUrls,
      config.CASES_EVIDENCE_LINK_TTL_SEC,
    );
    return {
      module: CasesModule,
      imports: [
        ServiceConfigModule.forRoot(CasesConfig, config),
        ObservabilityModule.forRoot({ service: CASES_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: CASES_SERVICE }),
        PersistenceModule.forRoot((c) => casesDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        StaffAuthModule.forRoot(config, { signingKey }),
      ],
      // The development sign-in exists only where the configuration allows it (never in production); single sign-on where configured.
      controllers: [
        CasesController,
        CaseActionsController,
        ConsoleConfigController,
        ...(config.devSignIn ? [DevSignInController] : []),
        ...(config.oidc ? [OidcSignInController] : []),
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: STAFF_TOKEN_SIGNER, useValue: signingKey },
        { provide: OIDC_CLIENT, useValue: config.oidc ? new OidcClient(config.oidc) : null },
        { provide: CaseRepository, useClass: TypeOrmCaseRepository },
        { provide: EvidenceLinks, useValue: evidenceLinks },
        CaseDetailPresenter,
        outboxRelayProvider(CaseEventsRelay, CasesConfig, caseEventsOutbox),
        {
          provide: OpenCaseUseCase,
          inject: [CaseRepository, CaseEventsRelay],
          useFactory: (cases: CaseRepository, relay: CaseEventsRelay) => new OpenCaseUseCase(cases, policy, relay),
        },
        {
          provide: ActOnCaseUseCase,
          inject: [CaseRepository, Clock, CaseEventsRelay],
          useFactory: (cases: CaseRepository, clock: Clock, relay: CaseEventsRelay) => new ActOnCaseUseCase(cases, clock, policy, relay),
        },
        {
          provide: RecordCustomerResponseUseCase,
          inject: [CaseRepository, Clock, CaseEventsRelay],
          useFactory: (cases: CaseRepository, clock: Clock, relay: CaseEventsRelay) =>
            new RecordCustomerResponseUseCase(cases, clock, policy, relay),
        },
        {
          provide: ApplyReassignmentUseCase,
          inject: [CaseRepository, Clock, CaseEventsRelay],
          useFactory: (cases: CaseRepository, clock: Clock, relay: CaseEventsRelay) =>
            new ApplyReassignmentUseCase(cases, clock, policy, relay),
        },
        {
          provide: CheckSlaUseCase,
          inject: [CaseRepository, CaseEventsRelay],
          useFactory: (cases: CaseRepository, relay: CaseEventsRelay) => new CheckSlaUseCase(cases, policy, relay),
        },
        {
          provide: FindCasesQuery,
          inject: [CaseRepository, Clock],
          useFactory: (cases: CaseRepository, clock: Clock) => new FindCasesQuery(cases, clock),
        },
        SlaWatcher,
        ComplaintRoutedConsumer,
        CustomerResponsesConsumer,
        HandlerReassignmentsConsumer,
      ],
    };
  }
}
