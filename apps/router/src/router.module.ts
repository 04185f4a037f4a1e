import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule, outboxRelayProvider } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { PiiCipher, StaffAuthModule } from '@complaints/security';
import { HandlerStore } from './application/handlers/handler.store';
import { ReassignmentsRelay } from './application/handlers/reassignments.relay';
import { SaveHandlerUseCase } from './application/handlers/save-handler.use-case';
import { CustomerFingerprints } from './application/repeat-complaints/customer-fingerprints';
import { MatterStore } from './application/repeat-complaints/matter.store';
import { TrackCaseStatusUseCase } from './application/track-case-status/track-case-status.use-case';
import { RouteComplaintsUseCase } from './application/route-complaint/route-complaints.use-case';
import { RoutedComplaintPublisher, RoutingDecisionStore } from './application/route-complaint/routing-decision.store';
import { ActiveRules } from './application/routing-rules/active-rules';
import { DryRunRoutingQuery } from './application/routing-rules/dry-run-routing.query';
import { ReplaceRulesUseCase } from './application/routing-rules/replace-rules.use-case';
import { RuleSetRepository } from './application/routing-rules/rule-set.repository';
import { KafkaRoutedComplaintPublisher } from './infrastructure/kafka-routed-complaint.publisher';
import { reassignmentsOutbox } from './infrastructure/messaging/reassignments-outbox';
import { PgHandlerStore } from './infrastructure/persistence/pg-handler.store';
import { PgMatterStore } from './infrastructure/persistence/pg-matter.store';
import { PgRuleSetRepository } from './infrastructure/persistence/pg-rule-set.repository';
import { routerDataSourceOptions } from './infrastructure/persistence/router.data-source';
import { RoutingDecisionEntity } from './infrastructure/persistence/routing-decision.entity';
import { TypeOrmRoutingDecisionStore } from './infrastructure/persistence/typeorm-routing-decision.store';
import { routerMetrics } from './infrastructure/router.metrics';
import { RulesChangeListener } from './infrastructure/rules-change-listener';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { ComplaintReceivedConsumer } from './interface/complaint-received.consumer';
import { RoutingAuditController } from './interface/http/routing-audit.controller';
import { RoutingDryRunController } from './interface/http/routing-dry-run.controller';
import { RoutingHandlersController } from './interface/http/routing-handlers.controller';
import { RoutingRulesController } from './interface/http/routing-rules.controller';
import { RouterConfig } from './router.config';

export const ROUTER_SERVICE = 'router';

/** The routing service: classifies received complaints, assigns departments by editable rules, links repeats. */
@Module({})
export class RouterModule {
  static register(config: RouterConfig = loadConfig(RouterConfig)): DynamicModule {
    return {
      module: RouterModule,
      imports: [
        ServiceConfigModule.forRoot(RouterConfig, config),
        ObservabilityModule.forRoot({ service: ROUTER_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: ROUTER_SERVICE }),
        PersistenceModule.forRoot((c) => routerDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        TypeOrmModule.forFeature([RoutingDecisionEntity]),
        StaffAuthModule.forRoot(config),
      ],
      controllers: [RoutingRulesController, RoutingDryRunController, RoutingAuditController, RoutingHandlersController],
      providers: [
        { provide: RoutingDecisionStore, useClass: TypeOrmRoutingDecisionStore },
        { provide: RoutedComplaintPublisher, useClass: KafkaRoutedComplaintPublisher },
        { provide: RuleSetRepository, useClass: PgRuleSetRepository },
        { provide: MatterStore, useClass: PgMatterStore },
        { provide: HandlerStore, useClass: PgHandlerStore },
        {
          provide: ActiveRules,
          inject: [RuleSetRepository],
          useFactory: (repository: RuleSetRepository) =>
            new ActiveRules(repository, (ruleSet) => routerMetrics.activeRulesVersion.set(ruleSet.version)),
        },
        {
          provide: CustomerFingerprints,
          inject: [RouterConfig],
          useFactory: (c: RouterConfig) => {
            const cipher = PiiCipher.fromSetting(c.PII_KEYS, c.PII_ACTIVE_KEY_ID);
            return new CustomerFingerprints(c.ROUTING_FINGERPRINT_KEY, (sealed) => cipher.open(sealed));
          },
        },
        {
          provide: RouteComplaintsUseCase,
          inject: [RoutingDecisionStore, RoutedComplaintPublisher, ActiveRules, CustomerFingerprints, RouterConfig],
          useFactory: (
            store: RoutingDecisionStore,
            publisher: RoutedComplaintPublisher,
            rules: ActiveRules,
            fingerprints: CustomerFingerprints,
            c: RouterConfig,
          ) =>
            new RouteComplaintsUseCase(store, publisher, rules, fingerprints, {
              triageThreshold: c.ROUTING_TRIAGE_THRESHOLD,
              repeatWindowDays: c.ROUTING_REPEAT_WINDOW_DAYS,
            }),
        },
        {
          provide: ReplaceRulesUseCase,
          inject: [RuleSetRepository, ActiveRules],
          useFactory: (repository: RuleSetRepository, rules: ActiveRules) => new ReplaceRulesUseCase(repository, rules),
        },
        {
          provide: DryRunRoutingQuery,
          inject: [ActiveRules, RouterConfig],
          useFactory: (rules: ActiveRules, c: RouterConfig) => new DryRunRoutingQuery(rules, c.ROUTING_TRIAGE_THRESHOLD),
        },
        {
          provide: TrackCaseStatusUseCase,
          inject: [MatterStore, HandlerStore],
          useFactory: (matters: MatterStore, handlers: HandlerStore) => new TrackCaseStatusUseCase(matters, handlers),
        },
        outboxRelayProvider(ReassignmentsRelay, RouterConfig, reassignmentsOutbox),
        {
          provide: SaveHandlerUseCase,
          inject: [HandlerStore, ReassignmentsRelay],
          useFactory: (handlers: HandlerStore, relay: ReassignmentsRelay) => new SaveHandlerUseCase(handlers, relay),
        },
        RulesChangeListener,
        ComplaintReceivedConsumer,
        CaseEventsConsumer,
      ],
    };
  }
}
