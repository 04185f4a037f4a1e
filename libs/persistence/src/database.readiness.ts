import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { ReadinessCheck } from '@complaints/observability';

/** Ready when PostgreSQL answers a ping within 1.5 s. */
@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  constructor(private readonly typeorm: TypeOrmHealthIndicator) {}

  check(): Promise<HealthIndicatorResult> {
    return this.typeorm.pingCheck('database', { timeout: 1_500 });
  }
}
