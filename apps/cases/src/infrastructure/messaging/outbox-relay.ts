import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { CaseEventV1 } from '@complaints/contracts';
import { EventPublisher, PostgresOutboxRelay } from '@complaints/messaging';
import { CaseEventsRelay } from '../../application/case-events.relay';
import { CasesConfig } from '../../cases.config';

/** Any number for the advisory lock that lets one relay at a time publish, so events stay in order. */
const RELAY_LOCK = 0x63617365; // "case"

/**
 * Publishes `cases.outbox` (case events committed with their change) to `complaints.case-events.v1`:
 * every CASES_OUTBOX_POLL_MS and right after each change (`kick`). Metrics `cases_outbox_*`.
 */
@Injectable()
export class OutboxRelay extends CaseEventsRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: PostgresOutboxRelay;

  constructor(@InjectDataSource() db: DataSource, publisher: EventPublisher, config: CasesConfig, logger: PinoLogger) {
    super();
    this.relay = new PostgresOutboxRelay(db, publisher, logger, {
      table: 'cases.outbox',
      lockKey: RELAY_LOCK,
      contracts: [CaseEventV1],
      pollMs: config.CASES_OUTBOX_POLL_MS,
      retentionHours: config.CASES_OUTBOX_RETENTION_HOURS,
      metricsPrefix: 'cases_outbox',
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

  /** Publishes everything pending; returns how many events went out. */
  drain(): Promise<number> {
    return this.relay.drain();
  }

  whenIdle(): Promise<void> {
    return this.relay.whenIdle();
  }
}
