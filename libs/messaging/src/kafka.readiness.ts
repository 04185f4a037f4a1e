import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { Admin, Kafka } from 'kafkajs';
import type { ReadinessCheck } from '@complaints/observability';
import { KAFKA } from './messaging.tokens';

/** Ready when the Kafka cluster answers a metadata request. */
@Injectable()
export class KafkaReadiness implements ReadinessCheck, OnApplicationShutdown {
  private admin: Admin | null = null;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('kafka');
    try {
      this.admin ??= this.kafka.admin();
      await this.admin.connect();
      const { brokers } = await this.admin.describeCluster();
      return indicator.up({ brokers: brokers.length });
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = null;
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}
