import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { HandlerReassignmentV1 } from '@complaints/contracts';
import { EventPublisher, PostgresOutboxRelay } from '@complaints/messaging';
import { ReassignmentsRelay } from '../../application/handlers/reassignments.relay';
import { RouterConfig } from '../../router.config';

/** Any number for the advisory lock that lets one relay at a time publish, so reassignments stay in order. */
const RELAY_LOCK = 0x726f7574; // "rout"

/**
 * Publishes `routing.outbox` (handler reassignments committed with the move) to `complaints.assignments.v1`:
 * every ROUTER_OUTBOX_POLL_MS and right after a handler change (`kick`). Metrics `router_outbox_*`.
 */
@Injectable()
export class ReassignmentsOutboxRelay extends ReassignmentsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: PostgresOutboxRelay;

  constructor(@InjectDataSource() db: DataSource, publisher: EventPublisher, config: RouterConfig, logger: PinoLogger) {
    super();
    this.relay = new PostgresOutboxRelay(db, publisher, logger, {
      table: 'routing.outbox',
      lockKey: RELAY_LOCK,
      contracts: [HandlerReassignmentV1],
      pollMs: config.ROUTER_OUTBOX_POLL_MS,
      retentionHours: config.ROUTER_OUTBOX_RETENTION_HOURS,
      metricsPrefix: 'router_outbox',
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  kick(): void {
    this.relay.kick();
  }
}
