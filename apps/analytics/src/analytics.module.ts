import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfigModule, loadConfig } from '@complaints/config';
import { KafkaReadiness, MessagingModule } from '@complaints/messaging';
import { ObservabilityModule } from '@complaints/observability';
import { DatabaseReadiness, PersistenceModule } from '@complaints/persistence';
import { StaffAuthModule } from '@complaints/security';
import { AnalyticsConfig } from './analytics.config';
import { AnalyticsReadModel } from './application/analytics-read-model';
import { Clock, SystemClock } from './application/clock';
import { AlertRelay } from './application/hotspots/alert-relay';
import { AlertStore } from './application/hotspots/alert-store';
import { ComplaintTermStore } from './application/hotspots/complaint-term-store';
import { DetectHotspotsUseCase } from './application/hotspots/detect-hotspots.use-case';
import { ListHotspotsQuery } from './application/hotspots/list-hotspots.query';
import { RecordComplaintTermsUseCase } from './application/hotspots/record-complaint-terms.use-case';
import { SpikeSeriesSource } from './application/hotspots/spike-series-source';
import { Jrt0169ReportQuery } from './application/jrt0169-report/jrt0169-report.query';
import { KpiSeriesSource } from './application/query-kpis/kpi-series-source';
import { QueryKpiSeriesQuery } from './application/query-kpis/query-kpi-series.query';
import { QueryKpisQuery } from './application/query-kpis/query-kpis.query';
import { CoalescingReadModelWriter } from './application/record-event/coalescing-read-model-writer';
import { ReadModelWriter } from './application/record-event/read-model-writer';
import { RecordEventUseCase } from './application/record-event/record-event.use-case';
import { TransparencyReportQuery } from './application/transparency-report/transparency-report.query';
import { AlertOutboxRelay } from './infrastructure/messaging/alert-outbox-relay';
import { analyticsDataSourceOptions } from './infrastructure/persistence/analytics.data-source';
import { PostgresAlertStore } from './infrastructure/persistence/postgres-alert-store';
import { PostgresAnalyticsReadModel } from './infrastructure/persistence/postgres-analytics-read-model';
import { PostgresKpiSeriesSource } from './infrastructure/persistence/postgres-kpi-series-source';
import { PostgresComplaintTermStore } from './infrastructure/persistence/postgres-complaint-term-store';
import { PostgresReadModelWriter } from './infrastructure/persistence/postgres-read-model-writer';
import { PostgresSpikeSeriesSource } from './infrastructure/persistence/postgres-spike-series-source';
import { ANALYTICS_GROUP } from './interface/analytics-group';
import { CaseEventsConsumer } from './interface/case-events.consumer';
import { ComplaintReceivedConsumer } from './interface/complaint-received.consumer';
import { ComplaintRoutedConsumer } from './interface/complaint-routed.consumer';
import { HotspotScheduler } from './interface/hotspot-scheduler';
import { HotspotsController } from './interface/http/hotspots.controller';
import { KpiSeriesController } from './interface/http/kpi-series.controller';
import { KpisController } from './interface/http/kpis.controller';
import { ReportsController } from './interface/http/reports.controller';
import { TransparencyController } from './interface/http/transparency.controller';
import { BulletinRelay, BulletinStore, ClosedCaseSource } from './application/bulletin/bulletin-store';
import { ComposeBulletinQuery } from './application/bulletin/compose-bulletin.query';
import { PublishDueBulletinUseCase } from './application/bulletin/publish-due-bulletin.use-case';
import { ScorecardQuery } from './application/scorecard/scorecard.query';
import { parseSendTime } from './domain/bulletin/bulletin-schedule';
import { parseScorecardTargets } from './domain/scorecard/scorecard-targets';
import { BulletinOutboxRelay } from './infrastructure/bulletin/bulletin-outbox-relay';
import { PostgresBulletinStore } from './infrastructure/bulletin/postgres-bulletin-store';
import { PostgresClosedCaseSource } from './infrastructure/bulletin/postgres-closed-case-source';
import { BULLETIN_TICK_MS, BulletinScheduler } from './interface/bulletin/bulletin-scheduler';
import { BulletinsController } from './interface/bulletin/bulletins.controller';
import { ScorecardController } from './interface/http/scorecard.controller';

export const ANALYTICS_SERVICE = 'analytics';

export interface AnalyticsModuleOptions {
  /** Overrides ANALYTICS_CONSUMER_GROUP (the rebuild replays with a fresh group). */
  consumerGroup?: string;
  /** false: no hot-spot detection (the rebuild replays the topics beside the running service, which detects). */
  detectHotspots?: boolean;
  /** false: no staff bulletin schedule. Default: as detectHotspots (the rebuild turns both off). */
  publishBulletins?: boolean;
  /** The time source of hot-spot detection, the alerts' recency, the bulletin schedule and which periods have ended (tests pass their own). */
  clock?: Clock;
}

/**
 * The analytics service: a read model of received, routed and case events (fact rows and daily
 * rollups behind the AnalyticsReadModel port), KPIs for staff, the JR/T 0169 return, the public
 * transparency report, and hot-spot alerts (spikes and emerging terms) on `analytics.alerts.v1`.
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
        StaffAuthModule.forRoot(config),
      ],
      controllers: [
        KpisController,
        KpiSeriesController,
        ReportsController,
        TransparencyController,
        HotspotsController,
        ScorecardController,
        BulletinsController,
      ],
      providers: [
        { provide: ANALYTICS_GROUP, useValue: options.consumerGroup ?? config.ANALYTICS_CONSUMER_GROUP },
        { provide: AnalyticsReadModel, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresAnalyticsReadModel(ds) },
        {
          provide: ReadModelWriter,
          inject: [DataSource],
          useFactory: (ds: DataSource) =>
            new CoalescingReadModelWriter(new PostgresReadModelWriter(ds), config.ANALYTICS_WRITE_LINGER_MS, config.ANALYTICS_BATCH_SIZE),
        },
        { provide: RecordEventUseCase, inject: [ReadModelWriter], useFactory: (writer: ReadModelWriter) => new RecordEventUseCase(writer) },
        { provide: QueryKpisQuery, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new QueryKpisQuery(rm) },
        { provide: KpiSeriesSource, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresKpiSeriesSource(ds) },
        {
          provide: QueryKpiSeriesQuery,
          inject: [KpiSeriesSource],
          useFactory: (source: KpiSeriesSource) => new QueryKpiSeriesQuery(source),
        },
        { provide: Jrt0169ReportQuery, inject: [AnalyticsReadModel], useFactory: (rm: AnalyticsReadModel) => new Jrt0169ReportQuery(rm) },
        {
          provide: TransparencyReportQuery,
          inject: [AnalyticsReadModel, Clock],
          useFactory: (rm: AnalyticsReadModel, clock: Clock) => new TransparencyReportQuery(rm, clock),
        },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: ComplaintTermStore, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresComplaintTermStore(ds) },
        { provide: AlertStore, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresAlertStore(ds) },
        { provide: SpikeSeriesSource, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresSpikeSeriesSource(ds) },
        { provide: AlertRelay, useClass: AlertOutboxRelay },
        {
          provide: RecordComplaintTermsUseCase,
          inject: [ComplaintTermStore],
          useFactory: (store: ComplaintTermStore) => new RecordComplaintTermsUseCase(store),
        },
        {
          provide: DetectHotspotsUseCase,
          inject: [ComplaintTermStore, SpikeSeriesSource, AlertStore, AlertRelay, Clock],
          useFactory: (terms: ComplaintTermStore, series: SpikeSeriesSource, alerts: AlertStore, relay: AlertRelay, clock: Clock) =>
            new DetectHotspotsUseCase(terms, series, alerts, relay, clock, {
              terms: {},
              emerging: {},
              spikes: { bucketMs: config.ANALYTICS_SPIKE_BUCKET_MS },
              deduplication: {},
              sampleSize: 5,
            }),
        },
        {
          provide: ListHotspotsQuery,
          inject: [AlertStore, Clock],
          useFactory: (alerts: AlertStore, clock: Clock) => new ListHotspotsQuery(alerts, clock),
        },
        ...(options.detectHotspots === false ? [] : [HotspotScheduler]),
        ...bulletinProviders(config, options),
        ComplaintReceivedConsumer,
        ComplaintRoutedConsumer,
        CaseEventsConsumer,
      ],
    };
  }
}

/** The scorecard and the weekly staff bulletin (composed, stored once per week, published on analytics.bulletins.v1). */
function bulletinProviders(config: AnalyticsConfig, options: AnalyticsModuleOptions): Provider[] {
  const targets = parseScorecardTargets(config.ANALYTICS_SCORECARD_TARGETS);
  const sendTime = parseSendTime(config.ANALYTICS_BULLETIN_SEND_AT);
  return [
    {
      provide: ScorecardQuery,
      inject: [AnalyticsReadModel, Clock],
      useFactory: (rm: AnalyticsReadModel, clock: Clock) => new ScorecardQuery(rm, clock, targets),
    },
    { provide: BulletinStore, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresBulletinStore(ds) },
    { provide: ClosedCaseSource, inject: [DataSource], useFactory: (ds: DataSource) => new PostgresClosedCaseSource(ds) },
    { provide: BulletinRelay, useClass: BulletinOutboxRelay },
    {
      provide: ComposeBulletinQuery,
      inject: [ScorecardQuery, AlertStore, ClosedCaseSource],
      useFactory: (scorecards: ScorecardQuery, alerts: AlertStore, closed: ClosedCaseSource) =>
        new ComposeBulletinQuery(scorecards, alerts, closed),
    },
    {
      provide: PublishDueBulletinUseCase,
      inject: [BulletinStore, BulletinRelay, ComposeBulletinQuery, Clock],
      useFactory: (store: BulletinStore, relay: BulletinRelay, compose: ComposeBulletinQuery, clock: Clock) =>
        new PublishDueBulletinUseCase(store, relay, compose, clock, sendTime),
    },
    {
      provide: BULLETIN_TICK_MS,
      useValue: (options.publishBulletins ?? options.detectHotspots) === false ? 0 : config.ANALYTICS_BULLETIN_TICK_MS,
    },
    BulletinScheduler,
  ];
}
