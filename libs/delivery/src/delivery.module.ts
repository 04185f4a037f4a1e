import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { DeliverDue, DeliverySettings } from './deliver-due';
import { DeliveryOutbox, DeliverySender } from './delivery';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { deliveryMetrics } from './delivery.metrics';
import { PostgresDeliveryOutbox } from './postgres-delivery-outbox';

export interface DeliveryModuleOptions<P> {
  /** Names the outbox in logs and metrics, e.g. `callcenter-callbacks`. */
  name: string;
  /** The service's schema, holding `<schema>.deliveries` (see createDeliveriesTableSql). */
  schema: string;
  sender: DeliverySender<P>;
  settings: DeliverySettings;
  pollMs: number;
}

const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');

/** Sends what is due every poll interval while the application runs; counts and logs the outcomes. */
@Injectable()
class DeliveryDispatcherLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly dispatcher: DeliveryDispatcher;

  constructor(deliverDue: DeliverDue<unknown>, logger: PinoLogger, @Inject(DELIVERY_OPTIONS) options: DeliveryModuleOptions<unknown>) {
    this.dispatcher = new DeliveryDispatcher(
      deliverDue,
      options.pollMs,
      (report) => {
        for (const [outcome, count] of Object.entries(report) as [string, number][])
          if (count > 0) deliveryMetrics.attempts.inc({ outbox: options.name, outcome }, count);
        if (report.retrying || report.dead) logger.warn({ outbox: options.name, ...report }, 'outbound deliveries failed');
      },
      (error) => logger.error({ outbox: options.name, err: error }, 'outbound delivery run failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

/**
 * Outbound deliveries for a service: the Postgres outbox (exported as {@link DeliveryOutbox}, for the
 * use cases that record deliveries) and the dispatcher that sends them with retries and dead letters.
 * Needs the service's PersistenceModule (DataSource) and ObservabilityModule (logger).
 */
@Module({})
export class DeliveryModule {
  static register<P>(options: DeliveryModuleOptions<P>): DynamicModule {
    return {
      module: DeliveryModule,
      providers: [
        { provide: DELIVERY_OPTIONS, useValue: options },
        {
          provide: DeliveryOutbox,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new PostgresDeliveryOutbox<P>(dataSource, options.schema),
        },
        {
          provide: DeliverDue,
          inject: [DeliveryOutbox],
          useFactory: (outbox: DeliveryOutbox<P>) => new DeliverDue(outbox, options.sender, options.settings),
        },
        DeliveryDispatcherLifecycle,
      ],
      exports: [DeliveryOutbox],
    };
  }
}
