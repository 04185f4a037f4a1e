import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { RouteComplaintUseCase } from './application/route-complaint/route-complaint.use-case';
import { RoutedComplaintPublisher, RoutingDecisionStore } from './application/route-complaint/routing-decision.store';
import { KafkaRoutedComplaintPublisher } from './infrastructure/kafka-routed-complaint.publisher';
import { routerDataSourceOptions } from './infrastructure/persistence/router.data-source';
import { RoutingDecisionEntity } from './infrastructure/persistence/routing-decision.entity';
import { TypeOrmRoutingDecisionStore } from './infrastructure/persistence/typeorm-routing-decision.store';
import { ComplaintReceivedConsumer } from './interface/complaint-received.consumer';
import { RouterConfig } from './router.config';

export const ROUTER_SERVICE = 'router';

/** The routing service: classifies received complaints and assigns departments. */
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
      ],
      providers: [
        { provide: RoutingDecisionStore, useClass: TypeOrmRoutingDecisionStore },
        { provide: RoutedComplaintPublisher, useClass: KafkaRoutedComplaintPublisher },
        {
          provide: RouteComplaintUseCase,
          inject: [RoutingDecisionStore, RoutedComplaintPublisher, RouterConfig],
          useFactory: (store: RoutingDecisionStore, publisher: RoutedComplaintPublisher, c: RouterConfig) =>
            new RouteComplaintUseCase(store, publisher, { triageThreshold: c.ROUTING_TRIAGE_THRESHOLD }),
        },
        ComplaintReceivedConsumer,
      ],
    };
  }
}
