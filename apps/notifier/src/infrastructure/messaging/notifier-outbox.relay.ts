import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { CustomerResponseV1 } from '@complaints/contracts';
import { EventPublisher, PostgresOutboxRelay } from '@complaints/messaging';
import { AnswersRelay } from '../../application/sms-surveys/sms-survey.store';
import { NotifierConfig } from '../../notifier.config';

/** Any number for the advisory lock that lets one relay at a time publish. */
const RELAY_LOCK = 0x6e6f7469; // "noti"

/** Published events stay in the outbox this long, for inspection. */
const RETENTION_HOURS = 7 * 24;

/**
 * Publishes `notifier.outbox` (survey answers taken by SMS, committed with the answer) to
 * `complaints.customer-responses.v1`: every NOTIFY_POLL_MS and right after an answer (`kick`). Metrics `notifier_outbox_*`.
 */
@Injectable()
export class NotifierOutboxRelay extends AnswersRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: PostgresOutboxRelay;

  constructor(@InjectDataSource() db: DataSource, publisher: EventPublisher, config: NotifierConfig, logger: PinoLogger) {
    super();
    this.relay = new PostgresOutboxRelay(db, publisher, logger, {
      table: 'notifier.outbox',
      lockKey: RELAY_LOCK,
      contracts: [CustomerResponseV1],
      pollMs: config.NOTIFY_POLL_MS,
      retentionHours: RETENTION_HOURS,
      metricsPrefix: 'notifier_outbox',
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
