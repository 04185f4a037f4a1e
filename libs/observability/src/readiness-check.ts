import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Something `/health/ready` must see working (Kafka, the database...). */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}

/** Injection token for the list of readiness checks a service registers. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
