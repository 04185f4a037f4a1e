import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { StaffAuthModule } from '@complaints/security';
import { AnalyticsConfig } from './analytics.config';
import { AnalyticsReadModel } from './application/analytics-read-model';
import { Jrt0169ReportQuery } from './application/jrt0169-report/jrt0169-report.query';
import { QueryKpisQuery } from './application/query-kpis/query-kpis.query';
import { RecordEventUseCase } from './application/record-event/record-event.use-case';
import { TransparencyReportQuery } from './application/transparency-report/transparency-report.query';
import { analyticsDataSourceOptions } from './infrastructure/persistence/analytics.data-source';
import { PostgresAnalyticsReadModel } from './infrastructure/persistence/postgres-analytics-read-model';
import { ANALYTICS_GROUP } from './interface/analytics-group';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { ComplaintReceivedConsumer } from './interface/complaint-received.consumer';
import { ComplaintRoutedConsumer } from './interface/complaint-routed.consumer';
import { KpisController } from './interface/http/kpis.controller';
import { ReportsController } from './interface/http/reports.controller';
import { TransparencyController } from './interface/http/transparency.controller';

export const ANALYTICS_SERVICE = 'analytics';

export interface AnalyticsModuleOptions {
  /** Overrides ANALYTICS_CONSUMER_GROUP (the rebuild replays with a fresh group). */
  consumerGroup?: string;
}

/**
 * The analytics service: a read model of received, routed and case events (fact rows and daily
 * rollups behind the AnalyticsReadModel port), KPIs for staff, the JR/T 0169 return and the public
 * transparency report.
 */
@Module({})
export class AnalyticsModule {
  static register(config: AnalyticsConfig = loadConfig(AnalyticsConfig), options: AnalyticsModuleOptions = {}): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        ServiceConfigModule.forRoot(AnalyticsConfig, config),
        ObservabilityModule.forRoot({ service: ANALYTICS_SERVICE, readiness: [KafkaReadiness, DatabaseReadiness] }),
        MessagingModule.forRoot({ clientId: ANALYTICS_SERVICE }),
        PersistenceModule.forRoot((c) => analyticsDataSourceOptions(c.DATABASE_URL, c.DATABASE_POOL_SIZE)),
        StaffAuthModule.forRoot({ secret: config.STAFF_JWT_SECRET }),
      ],
      controllers: [KpisController, ReportsController, TransparencyController],
      providers: [
        { provide: ANALYTICS_GROUP, useValue: options.consumerGroup ?? config.ANALYTICS_CONSUMER_GROUP },
        { provide: AnalyticsReadModel, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresAnalyticsReadModel(ds) },
        { provide: RecordEventUseCase, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new RecordEventUseCase(rm) },
        { provide: QueryKpisQuery, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new QueryKpisQuery(rm) },
        { provide: Jrt0169ReportQuery, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new Jrt0169ReportQuery(rm) },
        { provide: TransparencyReportQuery, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new TransparencyReportQuery(rm) },
        ComplaintReceivedConsumer,
        ComplaintRoutedConsumer,
        CaseEventsConsumer,
      ],
    };
  }
}
